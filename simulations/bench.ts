/**
 * Benchmark of the weekly simulation: `npm run bench` (node --expose-gc --import tsx simulations/bench.ts).
 *
 * For 2,000, 20,000 and 200,000 customers over 52 weeks it reports the median run time, the
 * throughput in customer-weeks per second and the peak resident memory (RSS) of the process while
 * the simulation runs. Targets (issue 3, 2-core machine): ≥ 10 million customer-weeks per second
 * single-threaded; the default scenario (2,000 × 52) under 15 ms so a browser can re-run it on
 * every slider move; 200,000 customers under 2 s and 500 MB; generating 200,000 customers under 1 s
 * (reported separately). The company is generated and
 * segmented once, outside the timed part, as the UI does (options.segmentation).
 * `--json` prints the measurements as JSON instead of a table.
 */
import { generateCompany } from './company/generate';
import { segment } from './segmentation/index';
import { simulate } from './simulate/simulate';
import type { Plan } from './types';

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
const WEEKS = 52;
const PLAN: Plan = {
  name: 'bench: lifecycle, responsive new',
  segmentation: { method: 'lifecycle', params: { newThreshold: 0.5, matureThreshold: 0.5 } },
  strategies: { new: { supplyChain: 'responsive', serviceLevel: 0.98, delivery: 'priority' }, mature: { serviceLevel: 0.9 } },
};

interface Row {
  customers: number;
  runs: number;
  medianMs: number;
  minMs: number;
  customerWeeksPerSecond: number;
  peakRssMB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(customers: number, runs: number): Row {
  const company = generateCompany(42, { customers });
  const segmentation = segment(company, PLAN.segmentation);
  gc?.();
  let peak = process.memoryUsage().rss;
  // sample RSS while the runs execute (a timer cannot fire inside a synchronous run, so sample between runs
  // and right after each run, when the run's buffers are still reachable)
  const times: number[] = [];
  // warm-up until the optimising compiler has settled (a browser re-runs the same code on every slider move)
  const warmups = Math.min(40, Math.ceil(4e6 / (customers * WEEKS)));
  for (let w = 0; w < warmups; w++) simulate(company, PLAN, { weeks: WEEKS, segmentation });
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const result = simulate(company, PLAN, { weeks: WEEKS, segmentation });
    times.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!Number.isFinite(result.totals.profit)) throw new Error('benchmark produced a non-finite profit');
  }
  const med = median(times);
  return {
    customers,
    runs,
    medianMs: med,
    minMs: Math.min(...times),
    customerWeeksPerSecond: (customers * WEEKS) / (med / 1000),
    peakRssMB: peak / 2 ** 20,
  };
}

/** Median time to generate a company of `customers` customers (after one warm-up run), ms. */
function measureGeneration(customers: number, runs: number): { customers: number; medianMs: number } {
  generateCompany(1, { customers }); // warm-up (JIT)
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const co = generateCompany(2 + r, { customers });
    times.push(performance.now() - t0);
    if (co.customers.n !== customers) throw new Error('benchmark generated the wrong number of customers');
  }
  return { customers, medianMs: median(times) };
}

function main(): void {
  const json = process.argv.includes('--json');
  if (!gc && !json) console.log('(run with --expose-gc for steadier memory figures: npm run bench)');
  const generation = [measureGeneration(2_000, 20), measureGeneration(200_000, 3)];
  const rows = [measure(2_000, 30), measure(20_000, 10), measure(200_000, 5)];
  const d = rows[0];
  const big = rows[2];
  const best = Math.max(...rows.map((r) => r.customerWeeksPerSecond));
  const checks = {
    throughputAtLeast10M: best >= 10e6,
    defaultUnder15ms: d.medianMs < 15,
    big200kUnder2s: big.medianMs < 2000,
    big200kUnder500MB: big.peakRssMB < 500,
    generate200kUnder1s: generation[1].medianMs < 1000,
  };
  if (json) {
    console.log(JSON.stringify({ weeks: WEEKS, plan: PLAN.name, generation, rows, checks }, null, 2));
    return;
  }
  console.log(`Segment Lab engine benchmark: ${WEEKS} weeks, plan "${PLAN.name}", Node ${process.version}`);
  console.log('customers   median ms     min ms   customer-weeks/s   peak RSS MB');
  for (const r of rows) {
    console.log(
      `${String(r.customers).padStart(9)} ${r.medianMs.toFixed(1).padStart(11)} ${r.minMs.toFixed(1).padStart(10)} ${(r.customerWeeksPerSecond / 1e6).toFixed(2).padStart(15)} M ${r.peakRssMB.toFixed(0).padStart(13)}`,
    );
  }
  for (const g of generation) console.log(`generateCompany(${g.customers.toLocaleString('en-US')} customers): median ${g.medianMs.toFixed(1)} ms`);
  console.log(
    `targets: ≥10 M customer-weeks/s ${checks.throughputAtLeast10M ? 'met' : 'MISSED'}; 2,000×52 < 15 ms ${checks.defaultUnder15ms ? 'met' : 'MISSED'}; ` +
      `200,000×52 < 2 s ${checks.big200kUnder2s ? 'met' : 'MISSED'}, < 500 MB ${checks.big200kUnder500MB ? 'met' : 'MISSED'}; ` +
      `generating 200,000 < 1 s ${checks.generate200kUnder1s ? 'met' : 'MISSED'}`,
  );
}

main();

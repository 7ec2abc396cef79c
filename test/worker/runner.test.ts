import { describe, expect, it } from 'vitest';
import { runPair, runSimulation, isAbortError, workerAvailable } from '../../src/lib/worker/runner';
import { runChunked, transferables, type RunInput } from '../../src/lib/worker/protocol';
import { generateCompany, simulate, baselinePlan, EngineError, type Plan } from '../../simulations/index';
import valuePlan from '../../simulations/plans/value.json';

const input: RunInput = { seed: 11, customers: 400, plan: valuePlan as Plan, weeks: 26 };

describe('runSimulation (main-thread fallback)', () => {
  it('has no Worker in node, so it takes the fallback path', () => {
    expect(workerAvailable()).toBe(false);
  });

  it('gives exactly the result of simulate() called directly', async () => {
    const direct = simulate(generateCompany(11, { customers: 400 }), valuePlan as Plan, { weeks: 26 });
    const viaRunner = await runSimulation(input);
    expect(viaRunner.totals).toEqual(direct.totals);
    expect(viaRunner.segments).toEqual(direct.segments);
    expect(Array.from(viaRunner.customers.profit)).toEqual(Array.from(direct.customers.profit));
    expect(Array.from(viaRunner.weekly.revenue)).toEqual(Array.from(direct.weekly.revenue));
  });

  it('passes the scenario to the engine (demand seed and params)', async () => {
    const company = generateCompany(11, { customers: 400 });
    const direct = simulate(company, baselinePlan(), { weeks: 8, seed: 'other-demand' });
    const viaRunner = await runSimulation({ seed: 11, customers: 400, plan: baselinePlan(), weeks: 8, scenario: { demandSeed: 'other-demand' } });
    expect(viaRunner.totals).toEqual(direct.totals);
    const same = await runSimulation({ seed: 11, customers: 400, plan: baselinePlan(), weeks: 8 });
    expect(same.totals.revenue).not.toBe(direct.totals.revenue);
  });

  it('reports progress that increases monotonically and ends at 1', async () => {
    const seen: number[] = [];
    const weeksSeen: number[] = [];
    await runSimulation({ ...input, weeks: 30 }, { chunkWeeks: 4, onProgress: (p) => (seen.push(p.fraction), weeksSeen.push(p.week)) });
    expect(weeksSeen).toEqual([4, 8, 12, 16, 20, 24, 28, 30]);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThan(seen[k - 1]);
    expect(seen.at(-1)).toBe(1);
  });

  it('cancel rejects with an AbortError and stops between chunks', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runSimulation({ ...input, weeks: 52 }, {
      signal: controller.signal,
      chunkWeeks: 2,
      onProgress: (p) => {
        seen.push(p.week);
        if (p.week >= 6) controller.abort();
      },
    });
    await expect(run).rejects.toSatisfy((e: unknown) => isAbortError(e));
    expect(Math.max(...seen)).toBe(6); // no progress after the cancel
  });

  it('an already aborted signal rejects at once', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runSimulation(input, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('engine validation errors reach the caller unchanged', async () => {
    await expect(runSimulation({ ...input, weeks: 0 })).rejects.toBeInstanceOf(EngineError);
    await expect(runSimulation({ ...input, customers: 3 })).rejects.toBeInstanceOf(EngineError);
  });

  it('yields to the event loop between chunks so timers can run during a run', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await runChunked({ ...input, weeks: 40 }, { chunkWeeks: 4 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
  });

  it('lists each typed-array buffer of a result once for transfer', async () => {
    const result = await runSimulation({ ...input, weeks: 4 });
    const buffers = transferables(result);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(result.customers.profit.buffer);
    expect(buffers).toContain(result.weekly.revenue.buffer);
  });
});

describe('runPair: the plan and the baseline under the same event', () => {
  const rulesPlan: Plan = { segmentation: { method: 'rules' }, strategies: { '*': {}, 'fast-track': { supplyChain: 'responsive', delivery: 'priority' } } };

  it('passes the event (scenario) and digital options to the engine', async () => {
    const company = generateCompany(13, { customers: 300 });
    const direct = simulate(company, rulesPlan, { weeks: 30, scenario: 'demand-shock', digital: { forecastImprovement: 0.2 } });
    const { result, baseline } = await runPair({ seed: 13, customers: 300, plan: rulesPlan, weeks: 30, event: 'demand-shock', digital: { forecastImprovement: 0.2 } });
    expect(result.totals).toEqual(direct.totals);
    expect(baseline).toBeNull();
    const calm = await runSimulation({ seed: 13, customers: 300, plan: rulesPlan, weeks: 30 });
    expect(calm.totals.revenue).not.toBe(direct.totals.revenue);
  });

  it('withBaseline returns the one-size-fits-all run on the same customers under the same event', async () => {
    const company = generateCompany(13, { customers: 300 });
    const seen: { fraction: number; phase?: string }[] = [];
    const { result, baseline } = await runPair(
      { seed: 13, customers: 300, plan: rulesPlan, weeks: 24, event: { key: 'tariff-rise', params: { week: 4 } }, withBaseline: true },
      { chunkWeeks: 8, onProgress: (p) => seen.push({ fraction: p.fraction, phase: p.phase }) },
    );
    const directBase = simulate(company, baselinePlan(), { weeks: 24, scenario: { key: 'tariff-rise', params: { week: 4 } } });
    const directPlan = simulate(company, rulesPlan, { weeks: 24, scenario: { key: 'tariff-rise', params: { week: 4 } } });
    expect(result.totals).toEqual(directPlan.totals);
    expect(baseline?.totals).toEqual(directBase.totals);
    expect(baseline?.segments.map((s) => s.key)).toEqual(['all']);
    // progress covers both runs: the plan is the first half, the baseline the second, ending at 1
    expect(seen.map((p) => p.phase)).toEqual(['plan', 'plan', 'plan', 'baseline', 'baseline', 'baseline']);
    expect(seen.map((p) => p.fraction)).toEqual([1 / 6, 2 / 6, 0.5, 0.5 + 1 / 6, 0.5 + 2 / 6, 1]);
  });

  it('reuses the baseline when only the plan changes, and re-simulates it when the event changes', async () => {
    const input = { seed: 14, customers: 200, plan: rulesPlan, weeks: 12, event: { key: 'demand-shock' as const, params: { week: 2 } }, withBaseline: true };
    const first = await runPair(input);
    const phases: (string | undefined)[] = [];
    const second = await runPair({ ...input, plan: baselinePlan() }, { onProgress: (p) => phases.push(p.phase) });
    expect(second.baseline).toBe(first.baseline);
    expect(phases.every((p) => p === 'plan')).toBe(true);
    expect(second.result.totals).toEqual(first.baseline?.totals);
    const third = await runPair({ ...input, event: 'none' as const });
    expect(third.baseline).not.toBe(first.baseline);
    expect(third.baseline?.totals.revenue).not.toBe(first.baseline?.totals.revenue);
  });

  it('cancel during the baseline half rejects with an AbortError', async () => {
    const controller = new AbortController();
    const run = runPair(
      { seed: 15, customers: 300, plan: rulesPlan, weeks: 20, event: 'demand-shock', withBaseline: true },
      { signal: controller.signal, chunkWeeks: 2, onProgress: (p) => p.phase === 'baseline' && controller.abort() },
    );
    await expect(run).rejects.toSatisfy((e: unknown) => isAbortError(e));
  });
});

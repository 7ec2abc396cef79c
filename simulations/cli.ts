/**
 * Command line of the Segment Lab engine (MODEL.md §6).
 *
 *   npm run sim -- --seed 42 --customers 2000 --plan simulations/plans/baseline.json --weeks 52
 *   npm run sim -- --plan simulations/plans/lifecycle.json --detail customers --format csv
 *   npm run sim -- generate --seed 42 --customers 500 --format csv
 *
 * Results go to stdout (JSON by default, CSV with --format csv). Any invalid option or plan prints
 * one line "error: <field>: <value> ... (allowed ...)" to stderr and exits with status 1.
 * Arguments are parsed by hand (no dependency); `--flag value` and `--flag=value` both work.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Company, ScenarioKey, SimulationResult, Totals } from './types';
import { EngineError } from './errors';
import { generateCompany } from './company/generate';
import { customerId } from './company/names';
import { csvField, toCsv } from './company/crm-export';
import { baselinePlan, validatePlan } from './strategy/plan';
import { COST_KEYS, simulate } from './simulate/simulate';
import { SCENARIO_KEYS } from './simulate/scenarios';

export const HELP = `Segment Lab simulation engine (Kestrel Electronics)

Usage:
  npm run sim -- [options]              simulate a plan and print the results
  npm run sim -- generate [options]     export the generated customer base

Simulation options:
  --seed <number|text>       seed of the company and of demand (default 42)
  --customers <50..200000>   number of customers (default 2000)
  --plan <file.json>         plan file (default: the one-size-fits-all baseline)
  --weeks <1..260>           weeks to simulate (default 52)
  --scenario <key>           play a scenario with its default parameters (default none):
                             ${SCENARIO_KEYS.join(', ')}
  --detail customers         add one row per customer (id, segment, revenue, costToServe, profit, satisfaction)
  --format json|csv          output format (default json); CSV with --detail customers prints the customer table
  --lang en|zh-cn            language of segment names (default en)

Generate options:
  --seed, --customers        as above (default customers 2000)
  --format csv|json          csv: CRM-style export (default); json: summary of the generated company
  --lang en|zh-cn            column labels and names (default en)

  --help                     show this text
`;

type Format = 'json' | 'csv';
type Lang = 'en' | 'zh-cn';

export interface CliOptions {
  command: 'simulate' | 'generate' | 'help';
  seed: number | string;
  customers: number;
  plan?: string;
  weeks: number;
  detail: boolean;
  format: Format;
  lang: Lang;
  /** scenario preset (MODEL.md §7.1), default none */
  scenario: ScenarioKey;
}

const VALUE_FLAGS = ['seed', 'customers', 'plan', 'weeks', 'detail', 'format', 'lang', 'scenario'] as const;

/** Parse argv (without node and script). Throws EngineError on anything unknown or malformed. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { command: 'simulate', seed: 42, customers: 2000, weeks: 52, detail: false, format: 'json', lang: 'en', scenario: 'none' };
  let formatGiven = false;
  const args = [...argv];
  if (args[0] === 'generate' || args[0] === 'simulate') o.command = args.shift() as 'generate' | 'simulate';
  while (args.length > 0) {
    const a = args.shift() as string;
    if (a === '--help' || a === '-h') {
      o.command = 'help';
      continue;
    }
    if (!a.startsWith('--')) throw new EngineError('argument', a, `options --${VALUE_FLAGS.join('|--')}|--help, or the command "generate"`, 'is not an option');
    let flag = a.slice(2);
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (eq >= 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) throw new EngineError(`--${flag}`, a, `--${VALUE_FLAGS.join('|--')}|--help`, 'is not a known option');
    if (value === undefined) {
      value = args.shift();
      if (value === undefined || value.startsWith('--')) throw new EngineError(`--${flag}`, value ?? '', 'a value after the flag', 'is missing');
    }
    switch (flag) {
      case 'seed': {
        const num = Number(value);
        o.seed = value.trim() !== '' && Number.isFinite(num) ? num : value;
        if (o.seed === '') throw new EngineError('--seed', value, 'a number or a non-empty text');
        break;
      }
      case 'customers':
        o.customers = parseInteger('--customers', value, 50, 200000);
        break;
      case 'weeks':
        o.weeks = parseInteger('--weeks', value, 1, 260);
        break;
      case 'plan':
        o.plan = value;
        break;
      case 'detail':
        if (value !== 'customers') throw new EngineError('--detail', value, 'customers');
        o.detail = true;
        break;
      case 'format':
        if (value !== 'json' && value !== 'csv') throw new EngineError('--format', value, 'json|csv');
        o.format = value;
        formatGiven = true;
        break;
      case 'lang':
        if (value !== 'en' && value !== 'zh-cn') throw new EngineError('--lang', value, 'en|zh-cn');
        o.lang = value;
        break;
      case 'scenario':
        if (!(SCENARIO_KEYS as readonly string[]).includes(value)) throw new EngineError('--scenario', value, SCENARIO_KEYS.join('|'));
        o.scenario = value as ScenarioKey;
        break;
    }
  }
  if (o.command === 'generate' && !formatGiven) o.format = 'csv';
  return o;
}

function parseInteger(field: string, value: string, min: number, max: number): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isInteger(x)) throw new EngineError(field, value, `integer ${min}..${max}`, 'is not an integer');
  if (x < min || x > max) throw new EngineError(field, x, `${min}..${max}`);
  return x;
}

/** Read and validate a plan file. */
export function loadPlan(path: string): ReturnType<typeof validatePlan> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new EngineError('--plan', path, 'a readable JSON plan file', 'cannot be read');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EngineError('--plan', path, 'valid JSON', `is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return validatePlan(json);
}

const money = (x: number) => Math.round(x * 100) / 100;
const ratio = (x: number) => Math.round(x * 1e6) / 1e6;
const score = (x: number) => Math.round(x * 1e4) / 1e4;
/** tonnes CO2e to the kilogram */
const tonnes = (x: number) => Math.round(x * 1000) / 1000;

/** Totals with stable keys and rounded numbers (USD to the cent, fractions to 6 decimals). */
export function totalsJson(t: Totals) {
  const cost: Record<string, number> = { total: money(t.cost.total) };
  for (const k of COST_KEYS) cost[k] = money(t.cost[k]);
  return {
    revenue: money(t.revenue),
    cost,
    profit: money(t.profit),
    lostMargin: money(t.lostMargin),
    otif: ratio(t.otif),
    fillRate: ratio(t.fillRate),
    satisfaction: score(t.satisfaction),
    churnRate: ratio(t.churnRate),
    co2eTonnes: tonnes(t.co2eTonnes ?? 0),
  };
}

/** The JSON document printed by the CLI (plain data, stable key order). */
export function resultJson(result: SimulationResult, opts: { detail: boolean; lang: Lang; seed: number | string; weeks: number; plan: string; method: string; scenario?: ScenarioKey }) {
  const doc: Record<string, unknown> = {
    plan: opts.plan,
    method: opts.method,
    ...(opts.scenario && opts.scenario !== 'none' ? { scenario: opts.scenario } : {}),
    seed: opts.seed,
    customers: result.customers.revenue.length,
    weeks: opts.weeks,
    totals: totalsJson(result.totals),
    segments: result.segments.map((s) => ({ key: s.key, name: s.name[opts.lang], customers: s.customers, ...totalsJson(s) })),
  };
  if (opts.detail) doc.customers = customerRows(result);
  return doc;
}

function customerRows(result: SimulationResult) {
  const c = result.customers;
  const keys = result.segments.map((s) => s.key);
  const rows = [];
  for (let i = 0; i < c.revenue.length; i++) {
    rows.push({ id: customerId(i), segment: keys[c.segment[i]], revenue: money(c.revenue[i]), costToServe: money(c.costToServe[i]), profit: money(c.profit[i]), satisfaction: score(c.satisfaction[i]) });
  }
  return rows;
}

/** CSV: one row per segment plus a "total" row; with detail, the customer table instead. */
export function resultCsv(result: SimulationResult, opts: { detail: boolean; lang: Lang }): string {
  if (opts.detail) {
    const lines = ['id,segment,revenue,costToServe,profit,satisfaction'];
    for (const r of customerRows(result)) lines.push([r.id, csvField(r.segment), r.revenue, r.costToServe, r.profit, r.satisfaction].join(','));
    return lines.join('\r\n') + '\r\n';
  }
  const header = ['scope', 'key', 'name', 'customers', 'revenue', ...['total', ...COST_KEYS].map((k) => `cost_${k}`), 'profit', 'lostMargin', 'otif', 'fillRate', 'satisfaction', 'churnRate', 'co2eTonnes'];
  const row = (scope: string, key: string, name: string, customers: number, t: Totals) => {
    const j = totalsJson(t);
    return [scope, csvField(key), csvField(name), customers, j.revenue, j.cost.total, ...COST_KEYS.map((k) => j.cost[k]), j.profit, j.lostMargin, j.otif, j.fillRate, j.satisfaction, j.churnRate, j.co2eTonnes].join(',');
  };
  const lines = [header.join(',')];
  for (const s of result.segments) lines.push(row('segment', s.key, s.name[opts.lang], s.customers, s));
  lines.push(row('total', 'total', opts.lang === 'en' ? 'All customers' : '全部客户', result.customers.revenue.length, result.totals));
  return lines.join('\r\n') + '\r\n';
}

function companySummary(company: Company, lang: Lang) {
  const c = company.customers;
  let revenue = 0;
  let intl = 0;
  for (let i = 0; i < c.n; i++) {
    revenue += c.annualRevenue[i];
    intl += c.international[i];
  }
  return {
    seed: company.seed,
    name: company.name[lang],
    customers: c.n,
    annualRevenue: money(revenue),
    internationalShare: ratio(intl / c.n),
    regions: company.regions.map((r) => r.key),
    products: company.products.map((p) => ({ key: p.key, lifecycle: p.lifecycle, price: p.price, unitCost: p.unitCost })),
  };
}

/** Run the CLI; returns the text to print. Throws EngineError on bad input. */
export function runCli(argv: readonly string[]): string {
  const o = parseArgs(argv);
  if (o.command === 'help') return HELP;
  if (o.command === 'generate') {
    if (o.plan !== undefined || o.detail || o.weeks !== 52 || o.scenario !== 'none') throw new EngineError('generate', argv.join(' '), 'only --seed, --customers, --format, --lang', 'has options that apply to simulations only');
    const company = generateCompany(o.seed, { customers: o.customers });
    return o.format === 'csv' ? toCsv(company, o.lang) : JSON.stringify(companySummary(company, o.lang), null, 2) + '\n';
  }
  const plan = o.plan === undefined ? baselinePlan() : loadPlan(o.plan);
  const company = generateCompany(o.seed, { customers: o.customers });
  const result = simulate(company, plan, o.scenario === 'none' ? { weeks: o.weeks, seed: o.seed } : { weeks: o.weeks, seed: o.seed, scenario: o.scenario });
  if (o.format === 'csv') return resultCsv(result, { detail: o.detail, lang: o.lang });
  return JSON.stringify(resultJson(result, { detail: o.detail, lang: o.lang, seed: o.seed, weeks: o.weeks, plan: plan.name, method: plan.segmentation.method, scenario: o.scenario }), null, 2) + '\n';
}

function main(): void {
  // a closed pipe (e.g. `| head`) is not an error for a command-line filter
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    process.stdout.write(runCli(process.argv.slice(2)));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${msg.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

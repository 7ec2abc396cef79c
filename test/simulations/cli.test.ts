/**
 * The command line, run as a child process exactly as `npm run sim` does (node + tsx).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../simulations/cli';
import { EngineError } from '../../simulations/errors';

const ROOT = join(__dirname, '../..');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'simulations/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COST_KEYS = ['total', 'production', 'setup', 'holding', 'transport', 'duties', 'service', 'orderHandling', 'obsolescence', 'complexity'];

describe('sim CLI', { timeout: 60_000 }, () => {
  it('prints JSON with the stable keys, identical on a second run', () => {
    const args = ['--seed', '42', '--customers', '300', '--plan', 'simulations/plans/baseline.json', '--weeks', '26'];
    const a = run(args);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    const j = JSON.parse(a.stdout);
    for (const k of ['revenue', 'cost', 'profit', 'otif', 'fillRate', 'satisfaction', 'churnRate']) expect(j.totals).toHaveProperty(k);
    expect(Object.keys(j.totals.cost)).toEqual(COST_KEYS);
    expect(j.totals.satisfaction).toBeGreaterThanOrEqual(0);
    expect(j.totals.satisfaction).toBeLessThanOrEqual(100);
    expect(j.segments).toHaveLength(1);
    expect(j.segments[0]).toMatchObject({ key: 'all', name: 'All customers', customers: 300 });
    expect(j.segments[0].revenue).toBe(j.totals.revenue);
    expect(j.weeks).toBe(26);
    expect(j).not.toHaveProperty('customers', expect.any(Array));
    expect(run(args).stdout).toBe(a.stdout);
  });

  it('--detail customers adds one row per customer; segments sum to totals', () => {
    const r = run(['--customers', '120', '--plan', 'simulations/plans/lifecycle.json', '--detail', 'customers']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.customers).toHaveLength(120);
    expect(Object.keys(j.customers[0])).toEqual(['id', 'segment', 'revenue', 'costToServe', 'profit', 'satisfaction']);
    const keys = new Set(j.segments.map((s: { key: string }) => s.key));
    for (const c of j.customers) expect(keys.has(c.segment)).toBe(true);
    const rev = j.segments.reduce((a: number, s: { revenue: number }) => a + s.revenue, 0);
    expect(rev).toBeCloseTo(j.totals.revenue, 0);
    const perCustomer = j.customers.reduce((a: number, c: { revenue: number }) => a + c.revenue, 0);
    expect(perCustomer).toBeCloseTo(j.totals.revenue, -1);
  });

  it('--format csv writes a segment table with a total row; with --detail a customer table', () => {
    const r = run(['--customers', '100', '--plan', 'simulations/plans/needs.json', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0].split(',')).toEqual(['scope', 'key', 'name', 'customers', 'revenue', ...COST_KEYS.map((k) => `cost_${k}`), 'profit', 'lostMargin', 'otif', 'fillRate', 'satisfaction', 'churnRate', 'co2eTonnes']);
    expect(lines[lines.length - 1].startsWith('total,total,')).toBe(true);
    for (const l of lines.slice(1)) expect(l.split(',')).toHaveLength(lines[0].split(',').length);
    const d = run(['--customers', '100', '--format', 'csv', '--detail', 'customers']);
    const dl = d.stdout.trim().split('\r\n');
    expect(dl[0]).toBe('id,segment,revenue,costToServe,profit,satisfaction');
    expect(dl).toHaveLength(101);
  });

  it('--scenario plays a preset: JSON names it and carries co2eTonnes; a bad key is an error', () => {
    const base = JSON.parse(run(['--customers', '200', '--weeks', '30']).stdout);
    expect(base).not.toHaveProperty('scenario');
    expect(base.totals.co2eTonnes).toBeGreaterThan(0);
    expect(base.segments[0].co2eTonnes).toBe(base.totals.co2eTonnes);
    const r = run(['--customers', '200', '--weeks', '30', '--scenario', 'tariff-rise']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenario).toBe('tariff-rise');
    expect(j.totals.cost.duties).toBeGreaterThan(base.totals.cost.duties);
    expect(j.totals.revenue).toBe(base.totals.revenue);
    expect(parseArgs(['--scenario=demand-shift']).scenario).toBe('demand-shift');
    expect(parseArgs([]).scenario).toBe('none');
    const bad = run(['--scenario', 'storm']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --scenario: "storm" is not allowed \(allowed none\|demand-shock/);
  });

  it('--lang zh-cn names segments in Chinese', () => {
    const j = JSON.parse(run(['--customers', '60', '--lang', 'zh-cn']).stdout);
    expect(j.segments[0].name).toBe('全部客户');
  });

  it('generate exports the customer base as CSV (CRM export)', () => {
    const r = run(['generate', '--seed', '42', '--customers', '80', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(81);
    expect(lines[0]).toContain('Account');
  });

  it('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run sim -- generate');
  });

  it.each([
    [['--customers', '10'], '--customers: 10 is out of range'],
    [['--customers', 'many'], '--customers'],
    [['--weeks', '0'], '--weeks'],
    [['--format', 'xml'], '--format'],
    [['--detail', 'orders'], '--detail'],
    [['--colour', 'red'], '--colour'],
    [['--plan'], '--plan'],
    [['--plan', 'does/not/exist.json'], '--plan'],
    [['stray'], 'argument'],
    [['generate', '--plan', 'simulations/plans/baseline.json'], 'generate'],
  ])('bad input %j prints one error line and exits 1', (args, text) => {
    const r = run(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith('error: ')).toBe(true);
    expect(lines[0]).toContain(text);
  });

  it('an invalid plan file names the offending field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segment-lab-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ segmentation: { method: 'lifecycle' }, strategies: { new: { serviceLevel: 1.5 } } }));
    const r = run(['--plan', bad, '--customers', '60']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: plan.strategies.new.serviceLevel: 1.5 is out of range (allowed 0.5..0.999)');
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ segmentation: { method: 'lifecycle' }, strategies: { newest: {} } }));
    const u = run(['--plan', unknown, '--customers', '60']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('newest');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ nope');
    expect(run(['--plan', notJson]).stderr).toContain('is not valid JSON');
  });
});

describe('parseArgs (in process)', () => {
  it('parses values, defaults and --flag=value', () => {
    expect(parseArgs([])).toMatchObject({ command: 'simulate', seed: 42, customers: 2000, weeks: 52, format: 'json', detail: false });
    expect(parseArgs(['--seed=abc', '--weeks=10'])).toMatchObject({ seed: 'abc', weeks: 10 });
    expect(parseArgs(['generate'])).toMatchObject({ command: 'generate', format: 'csv' });
    expect(() => parseArgs(['--seed'])).toThrow(EngineError);
  });
});

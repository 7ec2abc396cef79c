import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Component } from 'svelte';
import RunControlSvelte from '../../../src/components/run/RunControl.svelte';
import { RUN_STRINGS } from '../../../src/components/run/strings';
import { baselinePlan, generateCompany, simulate, type SimulationResult } from '../../../simulations/index';
import type { RunInput } from '../../../src/lib/worker/runner';
import { placeholders } from '../../../src/i18n/index';

type Props = { lang: 'en' | 'zh-cn'; input: RunInput; onresult?: (r: SimulationResult, b: SimulationResult | null) => void; onstart?: () => void; onerror?: (e: Error) => void; mode?: 'auto' | 'main' };
const RunControl = RunControlSvelte as unknown as Component<Props>;

describe('RunControl', () => {
  it('runs, shows a labelled progress bar reaching 100 % and hands over the result', async () => {
    const onresult = vi.fn();
    const input: RunInput = { seed: 11, customers: 200, plan: baselinePlan(), weeks: 12 };
    render(RunControl, { lang: 'en', input, onresult, mode: 'main' });
    const bar = screen.getByLabelText('Simulation progress') as HTMLProgressElement;
    expect(bar.tagName).toBe('PROGRESS');
    expect(screen.getByTestId('run-status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('run-status').textContent).toContain('12 weeks for 200 customers');
    await fireEvent.click(screen.getByTestId('run-start'));
    await waitFor(() => expect(onresult).toHaveBeenCalledTimes(1));
    const direct = simulate(generateCompany(11, { customers: 200 }), baselinePlan(), { weeks: 12 });
    expect(onresult.mock.calls[0][0].totals).toEqual(direct.totals);
    expect(Number(bar.value)).toBe(1);
    expect(screen.getByTestId('run-status').textContent).toMatch(/^Finished: 12 weeks simulated in [\d.]+ s\.$/);
    expect((screen.getByTestId('run-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('run-start').textContent?.trim()).toBe('Run again');
  });

  it('Cancel stops the run and says so; no result is delivered', async () => {
    const onresult = vi.fn();
    render(RunControl, { lang: 'zh-cn', input: { seed: 11, customers: 2000, plan: baselinePlan(), weeks: 104 }, onresult, mode: 'main' });
    await fireEvent.click(screen.getByTestId('run-start'));
    const cancel = screen.getByTestId('run-cancel') as HTMLButtonElement;
    expect(cancel.disabled).toBe(false);
    await fireEvent.click(cancel);
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('已取消本次运行，之前的结果保持不变。'));
    expect(onresult).not.toHaveBeenCalled();
  });

  it('shows engine errors translated, without throwing', async () => {
    const onerror = vi.fn();
    render(RunControl, { lang: 'en', input: { seed: 11, customers: 200, plan: baselinePlan(), weeks: 9999 }, onerror, mode: 'main' });
    await fireEvent.click(screen.getByTestId('run-start'));
    await waitFor(() => expect(onerror).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('run-status').textContent).toMatch(/^The simulation could not run: .*weeks/);
  });

  it('has the same keys and placeholders in both languages', () => {
    const en = RUN_STRINGS.en as Record<string, string>;
    const zh = RUN_STRINGS['zh-cn'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(placeholders(zh[k])).toEqual(placeholders(en[k]));
  });

  it('with withBaseline, hands over the plan and the baseline under the same event, and calls onstart first', async () => {
    const order: string[] = [];
    const onresult = vi.fn(() => order.push('result'));
    const onstart = vi.fn(() => order.push('start'));
    const plan = { segmentation: { method: 'rules' as const }, strategies: { '*': {}, 'key-accounts': { service: 'premium' as const } } };
    const input: RunInput = { seed: 12, customers: 250, plan, weeks: 10, event: 'demand-shock', withBaseline: true };
    render(RunControl, { lang: 'en', input, onresult, onstart, mode: 'main' });
    await fireEvent.click(screen.getByTestId('run-start'));
    await waitFor(() => expect(onresult).toHaveBeenCalledTimes(1));
    expect(order).toEqual(['start', 'result']);
    const company = generateCompany(12, { customers: 250 });
    const [result, baseline] = onresult.mock.calls[0] as unknown as [SimulationResult, SimulationResult];
    expect(result.totals).toEqual(simulate(company, plan, { weeks: 10, scenario: 'demand-shock' }).totals);
    expect(baseline.totals).toEqual(simulate(company, baselinePlan(), { weeks: 10, scenario: 'demand-shock' }).totals);
  });
});

/**
 * The flexibility lab island (src/components/flexibility/FlexibilityLab.svelte) in happy-dom: it runs
 * both plans after mount, shows totals, charts, verdict and task, responds to its controls, restores a
 * share link and turns a bad link into a notice with defaults. Seed 42, 2,000 customers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/lab/dict';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import FlexibilityLabImport from '../../../src/components/flexibility/FlexibilityLab.svelte';
import { DEFAULT_FLEX_STATE, encodeFlexState } from '../../../src/lib/flexibility/state';

// `astro check` types a .svelte import as an Astro component, which render() rejects (see
// tsconfig.astro-check.json, which excludes test/components/ for that reason); svelte-check types it right.
const FlexibilityLab = FlexibilityLabImport as unknown as Component<{ lang: 'en' | 'zh-cn'; seed?: number }>;

async function ready(): Promise<void> {
  await vi.waitFor(() => expect(screen.getByTestId('flex-lab').getAttribute('data-ready')).toBe('true'), { timeout: 20000, interval: 10 });
}
const verdict = () => screen.getByTestId('flex-verdict').textContent ?? '';
const cell = (row: string, col: string) => screen.getByTestId(`flex-row-${row}`).querySelector(`[data-col="${col}"]`)?.textContent ?? '';

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('FlexibilityLab', () => {
  it.each(['en', 'zh-cn'] as const)('%s: prepares, then shows both plans side by side with no NaN', async (lang) => {
    const { container } = render(FlexibilityLab, { lang });
    expect(screen.getByTestId('flex-status').textContent).toContain(lang === 'en' ? 'Preparing' : '正在准备');
    await ready();
    expect(verdict()).toContain(lang === 'en' ? 'The flexible plan wins' : '柔性方案胜出');
    expect(verdict()).toContain(lang === 'en' ? 'from week 43' : '第 43 周');
    expect(screen.getByTestId('flex-verdict').getAttribute('data-winner')).toBe('flexible');
    expect(cell('profit', 'rigid')).toMatch(lang === 'en' ? /^\$67\.2M$/ : /^US\$6,?719\.9万$/);
    expect(cell('flexCost', 'rigid')).toMatch(/\$0|US\$0/);
    expect(container.querySelectorAll('[data-testid^="flex-row-"]').length).toBe(11);
    expect(screen.getByTestId('flex-chart-fill').querySelector('svg')).not.toBeNull();
    expect(screen.getByTestId('flex-chart-profit').querySelector('svg')).not.toBeNull();
    expect(screen.getByTestId('task-flex-buffer').getAttribute('data-met')).toBe('false');
    expect(container.textContent).not.toMatch(/NaN|Infinity|undefined|flex\.[a-z]+\.|lab\.[a-z]+\./);
    if (lang === 'zh-cn') expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('刚性还是柔性');
  });

  it('responds to a lever: postponement off changes the flexible plan, not the rigid one', async () => {
    render(FlexibilityLab, { lang: 'en' });
    await ready();
    const rigid = cell('profit', 'rigid');
    const flexible = cell('profit', 'flexible');
    await fireEvent.click(screen.getByTestId('flex-postponement'));
    await ready();
    await vi.waitFor(() => expect(cell('profit', 'flexible')).not.toBe(flexible), { timeout: 20000 });
    expect(cell('profit', 'rigid')).toBe(rigid);
    expect((screen.getByTestId('share-url') as HTMLInputElement).value).toContain('flex.pp=0');
  });

  it('the guided task is met at the smallest buffer, and the scenario select changes the description', async () => {
    render(FlexibilityLab, { lang: 'en' });
    await ready();
    const buffer = screen.getByTestId('flex-buffer') as HTMLInputElement;
    await fireEvent.input(buffer, { target: { value: '0.05' } });
    await vi.waitFor(() => expect(screen.getByTestId('task-flex-buffer').getAttribute('data-met')).toBe('true'), { timeout: 20000 });
    expect(screen.getByTestId('task-reason-flex-buffer').textContent).toContain('With 5%');
    await fireEvent.change(screen.getByTestId('flex-scenario'), { target: { value: 'none' } });
    await vi.waitFor(() => expect(screen.getByTestId('flex-verdict').getAttribute('data-winner')).toBe('rigid'), { timeout: 20000 });
    expect(screen.getByTestId('flex-scenario-desc').textContent).toContain('Demand follows the plan');
    expect(screen.queryByTestId('flex-week')).toBeNull();
    expect(screen.getByTestId('task-flex-buffer').getAttribute('data-met')).toBe('false');
  });

  it('restores a share link exactly', async () => {
    const state = { ...DEFAULT_FLEX_STATE, scenario: 'shock' as const, week: 30, size: 0.5, buffer: 0.1, dualSourcing: false, fastDelivery: true };
    window.history.replaceState(null, '', `/?${encodeFlexState(state).toString()}`);
    render(FlexibilityLab, { lang: 'en' });
    await ready();
    expect((screen.getByTestId('flex-scenario') as HTMLSelectElement).value).toBe('shock');
    expect((screen.getByTestId('flex-week') as HTMLInputElement).value).toBe('30');
    expect((screen.getByTestId('flex-size') as HTMLInputElement).value).toBe('0.5');
    expect((screen.getByTestId('flex-buffer') as HTMLInputElement).value).toBe('0.1');
    expect((screen.getByTestId('flex-dualSourcing') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('flex-fastDelivery') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('lab-notice')).toBeNull();
    expect((screen.getByTestId('share-url') as HTMLInputElement).value).toContain(encodeFlexState(state).toString());
  });

  it('a bad link shows the notice and runs with defaults', async () => {
    window.history.replaceState(null, '', '/?flex.sc=panic&flex.buf=9&flex.pp=maybe&flex.wk=27&flex.sz=0.3&flex.ds=1&flex.fd=0');
    render(FlexibilityLab, { lang: 'zh-cn' });
    await ready();
    const notice = screen.getByTestId('lab-notice');
    expect(notice.textContent).toContain('flex.sc');
    expect(notice.textContent).toContain('flex.buf');
    expect(notice.textContent).toContain('flex.pp');
    expect((screen.getByTestId('flex-scenario') as HTMLSelectElement).value).toBe(DEFAULT_FLEX_STATE.scenario);
    expect((screen.getByTestId('flex-buffer') as HTMLInputElement).value).toBe(String(DEFAULT_FLEX_STATE.buffer));
    await fireEvent.click(screen.getByTestId('flex-reset'));
    expect(screen.queryByTestId('lab-notice')).toBeNull();
  });
});

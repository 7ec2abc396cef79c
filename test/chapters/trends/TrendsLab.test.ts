/**
 * TrendsLab island (happy-dom): renders in both languages without NaN, responds to its controls,
 * keeps a previous run, checks its tasks, restores a shared state and shows the notice for a bad link.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/lab/dict';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import TrendsLabSvelte from '../../../src/components/trends/TrendsLab.svelte';

// `astro check` (tsconfig.astro-check.json) types .svelte imports as Astro components, which render()
// rejects (withastro/astro#15689); svelte-check types them correctly. The cast keeps both checkers clean.
const TrendsLab = TrendsLabSvelte as unknown as Component<{ lang: string; seed?: number }>;

async function ready(): Promise<void> {
  await vi.waitFor(() => expect(screen.getByTestId('trends-lab').getAttribute('data-ready')).toBe('true'), { timeout: 10000, interval: 10 });
}
const value = (m: string): number => Number(screen.getByTestId(`trends-m-${m}`).getAttribute('data-value'));

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('TrendsLab', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`renders results, chart, tasks and formulas in ${lang} with no NaN or raw keys`, async () => {
      const { container } = render(TrendsLab, { lang });
      await ready();
      expect(container.querySelectorAll('[data-testid^="trends-m-"]')).toHaveLength(9);
      expect(container.querySelectorAll('[data-testid="co2-chart"] rect[data-series]')).toHaveLength(6);
      expect(container.querySelectorAll('[data-testid^="task-"][data-met]')).toHaveLength(2);
      expect(container.querySelectorAll('[data-formula]')).toHaveLength(3);
      expect(screen.getByTestId('chart-summary').getAttribute('aria-live')).toBe('polite');
      expect(screen.getByTestId('chart-summary').textContent).toContain(lang === 'en' ? 'as much as the starting plan' : '与起始方案持平');
      expect(container.textContent).not.toMatch(/NaN|Infinity|undefined|trends\.[a-z]+\.|lab\.[a-z]+\./);
      // the starting plan: every label has a control
      for (const sel of container.querySelectorAll('select, input[type="range"]')) {
        expect(container.querySelector(`label[for="${sel.id}"]`), sel.id).not.toBeNull();
      }
    });
  }

  it('moving international customers to their hubs by sea cuts CO2e, keeps a previous run and meets task 1', async () => {
    render(TrendsLab, { lang: 'en' });
    await ready();
    const before = value('co2');
    expect(screen.getByTestId('task-trends-green').getAttribute('data-met')).toBe('false');
    await fireEvent.change(screen.getByTestId('trends-international-fulfilment'), { target: { value: 'regional' } });
    await fireEvent.change(screen.getByTestId('trends-international-delivery'), { target: { value: 'standard' } });
    expect(value('co2')).toBeLessThan(0.1 * before);
    expect(screen.getByTestId('task-trends-green').getAttribute('data-met')).toBe('true');
    expect(screen.getByTestId('task-reason-trends-green').textContent).toMatch(/CO2e is .* lower/);
    expect(screen.getByTestId('trends-m-co2').textContent).not.toContain('none yet');
    expect(screen.getByTestId('chart-summary').textContent).toMatch(/less than the starting plan/);
    // task 2 needs the platform: raise the lever to 45 %
    expect(screen.getByTestId('task-trends-info').getAttribute('data-met')).toBe('false');
    expect(screen.getByTestId('task-reason-trends-info').textContent).toContain('45%');
    await fireEvent.input(screen.getByTestId('trends-digital'), { target: { value: '0.45' } });
    expect(screen.getByTestId('trends-digital-value').textContent).toBe('45%');
    expect(value('itCost')).toBe(675_000);
    expect(screen.getByTestId('task-trends-info').getAttribute('data-met')).toBe('true');
    expect(screen.getByTestId('trends-platform').textContent).toMatch(/changes profit by \+\$/);
  });

  it('one size fits all fails task 1 on satisfaction and says why', async () => {
    render(TrendsLab, { lang: 'zh-cn' });
    await ready();
    await fireEvent.click(screen.getByTestId('trends-reset-baseline'));
    expect(screen.getByTestId('task-trends-green').getAttribute('data-met')).toBe('false');
    expect(screen.getByTestId('task-reason-trends-green').textContent).toContain('满意度');
  });

  it('restores a shared state from trends.* parameters', async () => {
    window.history.replaceState(null, '', '/?trends.f=0.3&trends.domestic=ecp&trends.international=ers');
    render(TrendsLab, { lang: 'en' });
    await ready();
    expect(screen.queryByTestId('lab-notice')).toBeNull();
    expect((screen.getByTestId('trends-international-fulfilment') as HTMLSelectElement).value).toBe('regional');
    expect(screen.getByTestId('trends-digital-value').textContent).toBe('30%');
    expect((screen.getByTestId('share-url') as HTMLInputElement).value).toContain('trends.f=0.3&trends.domestic=ecp&trends.international=ers');
  });

  it('a bad link shows the translated notice and runs the defaults', async () => {
    window.history.replaceState(null, '', '/?trends.f=7&trends.domestic=qqq');
    render(TrendsLab, { lang: 'zh-cn' });
    await ready();
    const notice = screen.getByTestId('lab-notice');
    expect(notice.textContent).toContain('trends.f');
    expect(notice.textContent).toContain('trends.international');
    expect((screen.getByTestId('trends-domestic-delivery') as HTMLSelectElement).value).toBe('priority');
    expect(screen.getByTestId('trends-digital-value').textContent).toBe('0%');
  });
});

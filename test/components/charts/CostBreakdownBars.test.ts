import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import CostBreakdownBars from '../../../src/components/charts/CostBreakdownBars.svelte';
import { WIDTH_HINT_KEY } from '../../../src/components/charts/width-hint';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

const KEYS = ['production', 'setup', 'holding', 'transport', 'duties', 'service', 'orderHandling', 'obsolescence', 'complexity'];
const items = KEYS.map((key, i) => ({
  key,
  label: key[0].toUpperCase() + key.slice(1),
  value: (9 - i) * 100_000,
  baseline: (9 - i) * 100_000 + (key === 'holding' ? 250_000 : 10_000),
}));

describe('CostBreakdownBars', () => {
  it('draws a plan bar and a baseline bar per component', () => {
    const { container } = render(CostBreakdownBars, { lang: 'en', title: 'Cost breakdown', items });
    expect(container.querySelectorAll('rect.bar.plan')).toHaveLength(9);
    expect(container.querySelectorAll('rect.bar.baseline')).toHaveLength(9);
    const plan = [...container.querySelectorAll('rect.bar.plan')].map((r) => Number(r.getAttribute('width')));
    expect(plan[0]).toBeGreaterThan(plan[8]);
    expect(plan[0] / plan[8]).toBeCloseTo(9, 5);
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      'Total cost is $4,500,000 against $4,830,000 for the one-size-fits-all baseline (−$330,000, −6.8%); the biggest change is in Holding (−$250,000).',
    );
    expectLabelledSvg(container, 'Cost breakdown');
    expectNoBadNumbers(container);
  });

  it('starts at the column width a simulator shares (width-hint.ts), else at the 640 px fallback', () => {
    const hinted = render(CostBreakdownBars, { props: { lang: 'en', title: 'Costs', items }, context: new Map([[WIDTH_HINT_KEY, { width: 512 }]]) });
    expect(hinted.container.querySelector('[data-testid="chart-svg"]')?.getAttribute('viewBox')).toMatch(/^0 0 512 /);
    const bad = render(CostBreakdownBars, { props: { lang: 'en', title: 'Costs', items }, context: new Map([[WIDTH_HINT_KEY, { width: Number.NaN }]]) });
    expect(bad.container.querySelector('[data-testid="chart-svg"]')?.getAttribute('viewBox')).toMatch(/^0 0 640 /);
    const plain = render(CostBreakdownBars, { lang: 'en', title: 'Costs', items });
    expect(plain.container.querySelector('[data-testid="chart-svg"]')?.getAttribute('viewBox')).toMatch(/^0 0 640 /);
  });

  it('without baselines draws plan bars only and names the largest component', () => {
    const { container } = render(CostBreakdownBars, {
      lang: 'en',
      title: 'Costs',
      items: items.map(({ key, label, value }) => ({ key, label, value })),
    });
    expect(container.querySelectorAll('rect.bar.plan')).toHaveLength(9);
    expect(container.querySelectorAll('rect.bar.baseline')).toHaveLength(0);
    expect(screen.getByTestId('chart-summary').textContent).toBe('Total cost is $4,500,000; the largest component is Production ($900,000).');
  });

  it('tables plan, baseline and signed difference with a total, per locale', async () => {
    const { unmount } = render(CostBreakdownBars, { lang: 'en', title: 'Costs', items: items.slice(0, 3) });
    let cells = tableCells(await openTable());
    expect(cells[0]).toEqual(['Cost component', 'This plan', 'One-size-fits-all baseline', 'Difference']);
    expect(cells[1]).toEqual(['Production', '$900,000', '$910,000', '−$10,000']);
    expect(cells[3]).toEqual(['Holding', '$700,000', '$950,000', '−$250,000']);
    expect(cells[4]).toEqual(['Total', '$2,400,000', '$2,670,000', '−$270,000']);
    unmount();
    render(CostBreakdownBars, {
      lang: 'zh-cn',
      title: '成本构成',
      items: [
        { key: 'transport', label: '运输', value: 1_500_000, baseline: 1_000_000 },
        { key: 'duties', label: '关税', value: Number.NaN, baseline: 20_000 },
      ],
    });
    cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0]).toEqual(['成本项目', '当前方案', '“一刀切”基准方案', '差额']);
    expect(cells[1]).toEqual(['运输', 'US$1,500,000', 'US$1,000,000', '+US$500,000']);
    expect(cells[2]).toEqual(['关税', '–', 'US$20,000', '–']);
    expect(screen.getByTestId('chart-summary').textContent).toBe(
      '总成本为 US$1,500,000，“一刀切”基准方案为 US$1,020,000（+US$480,000，+47.1%）；变化最大的是运输（+US$500,000）。',
    );
  });

  it('shows the empty state when no component has a value', () => {
    const { container } = render(CostBreakdownBars, { lang: 'en', title: 'Costs', items: [{ key: 'a', label: 'A', value: Number.NaN }] });
    expect(screen.getByTestId('chart-empty')).toBeTruthy();
    expectNoBadNumbers(container);
  });
});

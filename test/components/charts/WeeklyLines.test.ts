import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import WeeklyLines from '../../../src/components/charts/WeeklyLines.svelte';
import { expectLabelledSvg, expectNoBadNumbers, openTable, tableCells } from './helpers';

const plan = Float64Array.from({ length: 52 }, (_, i) => 1_000_000 + 10_000 * i);
const base = Float64Array.from({ length: 52 }, () => 1_100_000);

describe('WeeklyLines', () => {
  it('draws plan and baseline from typed arrays, the baseline dashed, with the scenario week marked', () => {
    const { container } = render(WeeklyLines, {
      lang: 'en',
      title: 'Weekly profit',
      summary: 'Your plan overtakes the baseline in week 11.',
      format: 'usd',
      markWeek: 20,
      markLabel: 'Demand shock',
      series: [
        { key: 'plan', label: 'Your plan', values: plan, dashed: false },
        { key: 'base', label: 'Baseline', values: base, dashed: true },
      ],
    });
    const paths = [...container.querySelectorAll('path.series')];
    expect(paths.map((p) => p.getAttribute('stroke-dasharray'))).toEqual(['none', '7 4']);
    expect(paths[0].getAttribute('d')?.split('L')).toHaveLength(52);
    const marker = screen.getByTestId('chart-marker');
    expect(marker.textContent).toContain('Demand shock');
    expect(screen.getByTestId('chart-summary').textContent).toBe('Your plan overtakes the baseline in week 11.');
    expectLabelledSvg(container, 'Weekly profit');
    expectNoBadNumbers(container);
  });

  it('tables every week in the locale, with the marker named in the week column', async () => {
    const { container } = render(WeeklyLines, {
      lang: 'zh-cn',
      title: '每周利润',
      summary: '—',
      format: 'percent',
      markWeek: 3,
      markLabel: '需求冲击',
      series: [{ key: 'fill', label: '满足率', values: [0.9, 0.95, 0.5] }],
    });
    const cells = tableCells(await openTable('显示数据表', '隐藏数据表'));
    expect(cells[0]).toEqual(['周次', '满足率']);
    expect(cells[1]).toEqual(['1', '90.0%']);
    expect(cells[3][0]).toContain('需求冲击');
    expect(cells[2][0]).toBe('2');
    expect(container.querySelectorAll('path.series')).toHaveLength(1);
  });

  it('ignores a marker outside the weeks and draws nothing for empty series', () => {
    const { container } = render(WeeklyLines, { lang: 'en', title: 'T', summary: 's', format: 'number', markWeek: 99, series: [] });
    expect(container.querySelector('[data-testid="chart-marker"]')).toBeNull();
    expect(screen.getByTestId('chart-empty')).toBeTruthy();
  });
});

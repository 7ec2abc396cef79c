import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import LifecycleCurves from '../../../src/components/charts/LifecycleCurves.svelte';
import { CHART_STRING_KEYS, chartStrings, ct, joinSentences } from '../../../src/components/charts/strings';
import { placeholders } from '../../../src/i18n/index';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh-CN.json';

const props = {
  lang: 'en' as const,
  weeks: 3,
  series: [{ key: 'a', name: 'Fill rate', values: [0.9, 0.95, 0.97] }],
  yFormat: 'percent' as const,
  title: 'Fill rate',
  xLabel: 'Week',
  yLabel: 'Fill rate',
};

describe('ChartFrame (through a chart)', () => {
  it('is a figure whose caption is the title; the toggle opens and closes the table and stays focused', async () => {
    const { container } = render(LifecycleCurves, props);
    const figure = container.querySelector('figure');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('Fill rate');
    const button = screen.getByRole('button', { name: 'Show data table' });
    button.focus();
    await fireEvent.click(button);
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('table')).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(button);
    expect(button.textContent?.trim()).toBe('Show data table');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('table')).toBeNull();
    // table headers carry scope for screen readers
    await fireEvent.click(button);
    const ths = [...container.querySelectorAll('table th')];
    expect(ths.length).toBeGreaterThan(0);
    for (const th of ths) expect(['col', 'row']).toContain(th.getAttribute('scope'));
  });

  it('uses a caller-supplied summary and can leave the live region to the caller', () => {
    render(LifecycleCurves, { ...props, summary: 'Fill rate climbs all quarter.', live: false });
    const summary = screen.getByTestId('chart-summary');
    expect(summary.textContent?.trim()).toBe('Fill rate climbs all quarter.');
    expect(summary.hasAttribute('aria-live')).toBe(false);
  });

  it('gives every chart instance its own ids', () => {
    const { container } = render(LifecycleCurves, props);
    const second = render(LifecycleCurves, props);
    const a = container.querySelector('svg[role="img"]')?.getAttribute('aria-labelledby');
    const b = second.container.querySelector('svg[role="img"]')?.getAttribute('aria-labelledby');
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });
});

describe('chart strings', () => {
  it('has every key, non-empty, in both languages with the same placeholders', () => {
    for (const key of CHART_STRING_KEYS) {
      expect(chartStrings.en[key]?.trim(), key).toBeTruthy();
      expect(chartStrings['zh-cn'][key]?.trim(), key).toBeTruthy();
      expect(placeholders(chartStrings['zh-cn'][key]), key).toEqual(placeholders(chartStrings.en[key]));
    }
    expect(Object.keys(chartStrings.en).sort()).toEqual([...CHART_STRING_KEYS].sort());
    expect(Object.keys(chartStrings['zh-cn']).sort()).toEqual([...CHART_STRING_KEYS].sort());
  });

  it('does not clash with a different text in the main dictionaries (safe to merge)', () => {
    const main = { en: en as Record<string, string>, 'zh-cn': zh as Record<string, string> };
    for (const key of CHART_STRING_KEYS) {
      if (key in main.en) expect(main.en[key], key).toBe(chartStrings.en[key]);
      if (key in main['zh-cn']) expect(main['zh-cn'][key], key).toBe(chartStrings['zh-cn'][key]);
    }
  });

  it('fills placeholders and joins sentences per language', () => {
    expect(ct('en', 'chart.unit.days', { value: 3 })).toBe('3 days');
    expect(ct('zh-cn', 'chart.unit.days', { value: 3 })).toBe('3 天');
    expect(joinSentences('en', 'A.', 'B.')).toBe('A. B.');
    expect(joinSentences('zh-cn', '甲。', '乙。')).toBe('甲。乙。');
  });
});

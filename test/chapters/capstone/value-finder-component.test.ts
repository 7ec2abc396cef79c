import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import ValueFinderSvelte from '../../../src/components/capstone/ValueFinder.svelte';
import { findValue } from '../../../src/lib/capstone/value-finder';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import type { Company } from '../../../simulations/types';
import { expectNoBadNumbers, openTable } from '../../components/charts/helpers';

type Props = { lang: 'en' | 'zh-cn'; company: Company; idPrefix: string };
const ValueFinder = ValueFinderSvelte as unknown as Component<Props>;

const company = generateCompany(42, { customers: 2000 });
const num = (s: string | null | undefined) => Number((s ?? '').replace(/[^\d.-]/g, ''));

function groupCounts(): number[] {
  return [...screen.getByTestId('value-groups').querySelectorAll('tbody tr')].map((tr) => num(tr.querySelector('td')?.textContent));
}

describe('ValueFinder', () => {
  it.each(['en', 'zh-cn'] as const)('shows RFM counts, the top 10 by CLV and the high-potential group (%s)', async (lang) => {
    const { container } = render(ValueFinder, { lang, company, idPrefix: 'v' });
    const rfm = segment(company, { method: 'value', params: { scheme: 'rfm' } });
    const rows = [...screen.getByTestId('value-rfm').querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-rfm'))).toEqual(['champions', 'loyal', 'at-risk', 'promising', 'hibernating']);
    expect(rows.map((r) => num(r.querySelectorAll('td')[1].textContent))).toEqual(rfm.segments.map((s) => s.size));
    expect(rows[0].querySelector('th')!.textContent).toBe(lang === 'en' ? 'Champions' : '核心价值客户');

    const expected = findValue(company, { discountRate: 0.1, growthThreshold: 0.15 });
    const top = [...screen.getByTestId('value-top').querySelectorAll('tbody tr')];
    expect(top).toHaveLength(10);
    expect(top.map((r) => r.querySelector('th')!.textContent)).toEqual(expected.top.map((t) => t.id));
    expect(top[0].textContent).toContain(expected.top[0].name[lang]);
    expect(groupCounts()).toEqual(expected.counts);
    expect(screen.getByTestId('chart-summary').textContent).toContain(lang === 'en' ? '400 high-value customers' : '400 位高价值客户');

    // the chart's table alternative
    const table = lang === 'en' ? await openTable() : await openTable('显示数据表', '隐藏数据表');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.textContent).toContain(lang === 'en' ? 'High potential' : '高潜力');
    for (const el of container.querySelectorAll('input')) expect(container.querySelector(`label[for="${el.id}"]`)).not.toBeNull();
    expectNoBadNumbers(container);
  });

  it('a bad discount rate shows a translated message and keeps the last value; a good one recomputes CLV', async () => {
    const { container } = render(ValueFinder, { lang: 'zh-cn', company, idPrefix: 'v' });
    const input = container.querySelector<HTMLInputElement>('#v-v-discount')!;
    const firstClv = screen.getByTestId('value-top').querySelector('tbody tr td:nth-child(4)')!.textContent;
    await fireEvent.input(input, { target: { value: '80' } });
    await fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toBe('80 超出 0%–50% 的范围，仍使用 10%。');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('value-top').querySelector('tbody tr td:nth-child(4)')!.textContent).toBe(firstClv);

    await fireEvent.input(input, { target: { value: 'x' } });
    await fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toBe('“x”不是数字，仍使用 10%。');

    await fireEvent.input(input, { target: { value: '20' } });
    await fireEvent.change(input);
    expect(screen.queryByRole('alert')).toBeNull();
    const expected = findValue(company, { discountRate: 0.2, growthThreshold: 0.15 });
    const clv = num(screen.getByTestId('value-top').querySelector('tbody tr td:nth-child(4)')!.textContent);
    expect(clv).toBe(Math.round(expected.top[0].clv));
    expect(clv).toBeLessThan(num(firstClv));
    expectNoBadNumbers(container);
  });

  it('the growth threshold moves customers in and out of "high potential"', async () => {
    const { container } = render(ValueFinder, { lang: 'en', company, idPrefix: 'v' });
    const input = container.querySelector<HTMLInputElement>('#v-v-growth')!;
    const before = groupCounts();
    await fireEvent.input(input, { target: { value: '5' } });
    await fireEvent.change(input);
    const after = groupCounts();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBeGreaterThan(before[1]);
    expect(after[1]).toBe(findValue(company, { discountRate: 0.1, growthThreshold: 0.05 }).counts[1]);
    await fireEvent.input(input, { target: { value: '35' } });
    await fireEvent.change(input);
    expect(groupCounts()[1]).toBe(findValue(company, { discountRate: 0.1, growthThreshold: 0.35 }).counts[1]);
    await fireEvent.input(input, { target: { value: '-3' } });
    await fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toBe('-3 is outside 0%–35%, so 35% is still used.');
  });
});

describe('ValueFinder on 20,000 customers', () => {
  it('draws a sample, says so, and counts every customer', () => {
    const big = generateCompany(42, { customers: 20_000 });
    const { container } = render(ValueFinder, { lang: 'en', company: big, idPrefix: 'v' });
    expect(container.textContent).toContain('The chart draws every 5th customer (4,000 of 20,000); counts use all of them.');
    expect(groupCounts().reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(groupCounts()[0]).toBe(4_000);
    expectNoBadNumbers(container);
  });
});

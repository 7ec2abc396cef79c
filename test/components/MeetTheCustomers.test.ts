import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import MeetTheCustomersSvelte from '../../src/components/simulators/MeetTheCustomers.svelte';
import { generateCompany } from '../../simulations/index';
import { formatCurrency } from '../../src/i18n/format';

// `astro check` types .svelte imports in .ts files as Astro components; state the Svelte type once.
const MeetTheCustomers = MeetTheCustomersSvelte as unknown as Component<{ lang: 'en' | 'zh-cn'; seed?: number; customers?: number }>;

function summaryText(): string {
  return screen.getByTestId('meet-summary').textContent ?? '';
}

describe('MeetTheCustomers', () => {
  it('shows the seeded company: counts, revenue and a live summary', () => {
    const { container } = render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 200 });
    const company = generateCompany(42, { customers: 200 });
    const total = company.customers.annualRevenue.reduce((s, v) => s + v, 0);

    expect(summaryText()).toContain('Seed 42: 200 customers buy');
    expect(summaryText()).toContain(formatCurrency('en', total, true));
    expect(screen.getByTestId('meet-summary').getAttribute('aria-live')).toBe('polite');
    expect(container.querySelectorAll('svg circle')).toHaveLength(200);
    expect(container.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('draws every point inside the plot and colours it from the shared palette', () => {
    const { container } = render(MeetTheCustomers, { lang: 'en', seed: 7, customers: 500 });
    const circles = [...container.querySelectorAll('svg circle')];
    expect(circles).toHaveLength(500);
    for (const c of circles) {
      const cx = Number(c.getAttribute('cx'));
      const cy = Number(c.getAttribute('cy'));
      expect(Number.isFinite(cx) && Number.isFinite(cy)).toBe(true);
      expect((c as SVGElement).style.fill).toMatch(/^var\(--chart-[1-8]\)$/);
    }
  });

  it('rejects a bad seed with a translated message and falls back to the default seed', async () => {
    render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 200 });
    const input = screen.getByLabelText('Seed') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '12abc' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“12abc” is not a whole number from 0 to 999999');
    expect(alert.textContent).toContain('42');
    expect(input.value).toBe('42');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(summaryText()).toContain('Seed 42:');
  });

  it('a valid new seed changes the data and clears the error', async () => {
    render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 200 });
    const before = summaryText();
    const input = screen.getByLabelText('Seed') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '-5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.queryByRole('alert')).not.toBeNull();
    await fireEvent.input(input, { target: { value: ' 1234 ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(summaryText()).toContain('Seed 1234:');
    expect(summaryText()).not.toBe(before);
  });

  it('"Another seed" moves to a different, deterministic seed', async () => {
    render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 200 });
    await fireEvent.click(screen.getByRole('button', { name: 'Another seed' }));
    const seed = (42 * 7919 + 104_729) % 1_000_000;
    expect(summaryText()).toContain(`Seed ${seed}:`);
  });

  it('changes the sample size and the colouring from labelled selects', async () => {
    const { container } = render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 200 });
    const size = screen.getByLabelText('Customers') as HTMLSelectElement;
    await fireEvent.change(size, { target: { value: '1000' } });
    expect(container.querySelectorAll('svg circle')).toHaveLength(1000);
    expect(summaryText()).toContain('1,000 customers');

    const legend = () => [...container.querySelectorAll('.legend li')].map((li) => li.textContent ?? '');
    expect(legend()).toHaveLength(2);
    expect(legend()[0]).toContain('China (domestic)');
    const colour = screen.getByLabelText('Colour dots by') as HTMLSelectElement;
    await fireEvent.change(colour, { target: { value: 'channel' } });
    expect(legend()).toHaveLength(4);
    expect(legend().join('|')).toContain('EDI link');
    // legend counts add up to the population
    const counts = legend().map((s) => Number((s.match(/\(([\d,]+)\)/)?.[1] ?? '0').replace(/,/g, '')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('offers a table alternative: the 20 largest customers, by revenue, descending', async () => {
    render(MeetTheCustomers, { lang: 'en', seed: 42, customers: 500 });
    const toggle = screen.getByRole('button', { name: 'Show the data as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);

    const company = generateCompany(42, { customers: 500 });
    const top = Array.from(company.customers.annualRevenue).sort((a, b) => b - a);
    const revenueCells = rows.map((r) => r.querySelectorAll('td')[5].textContent);
    expect(revenueCells[0]).toBe(formatCurrency('en', top[0]));
    expect(revenueCells[19]).toBe(formatCurrency('en', top[19]));
    await fireEvent.click(screen.getByRole('button', { name: 'Hide the table' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks Chinese when lang is zh-cn', () => {
    const { container } = render(MeetTheCustomers, { lang: 'zh-cn', seed: 42, customers: 200 });
    expect(summaryText()).toContain('种子 42：200 个客户每年采购');
    expect(screen.getByLabelText('种子')).toBeTruthy();
    expect(container.querySelector('section')?.getAttribute('lang')).toBe('zh-CN');
    expect(container.textContent).not.toMatch(/NaN/);
  });

  it('ignores bad props and uses safe defaults', () => {
    render(MeetTheCustomers, { lang: 'xx' as 'en', seed: -3.5, customers: 7 });
    expect(summaryText()).toContain('Seed 42: 500 customers');
  });
});

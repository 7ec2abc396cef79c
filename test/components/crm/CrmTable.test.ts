import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import CrmTableSvelte from '../../../src/components/crm/CrmTable.svelte';
import { CRM_STRINGS } from '../../../src/components/crm/strings';
import { generateCompany, type Company, type CrmRecord } from '../../../simulations/index';
import { placeholders } from '../../../src/i18n/index';

type Props = {
  lang: 'en' | 'zh-cn';
  company?: Company;
  seed?: number;
  customers?: number;
  initialQuery?: Record<string, unknown>;
  columns?: string[];
  onselect?: (s: { index: number; record: CrmRecord }) => void;
  height?: number;
};
// `astro check` types .svelte imports in .ts files as Astro components; state the Svelte type once.
const CrmTable = CrmTableSvelte as unknown as Component<Props>;

const company = generateCompany(42, { customers: 20_000 });

function bodyRows(container: HTMLElement): HTMLTableRowElement[] {
  return [...container.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.spacer)')];
}
function count(): string {
  return screen.getByTestId('crm-count').textContent ?? '';
}

describe('CrmTable', () => {
  it('virtualises 20,000 customers: few rows in the DOM, full size in aria-rowcount', () => {
    const { container } = render(CrmTable, { lang: 'en', company, height: 400 });
    const table = container.querySelector('table')!;
    expect(table.getAttribute('aria-rowcount')).toBe('20001');
    const rows = bodyRows(container);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0].getAttribute('aria-rowindex')).toBe('2');
    expect(rows[0].textContent).toContain('KC-000001');
    expect(count()).toBe('Showing 20,000 of 20,000 customers');
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    // the bottom spacer stands in for the rest of the rows
    const spacer = container.querySelector<HTMLTableRowElement>('tbody tr.spacer')!;
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
    expect(parseFloat(spacer.style.height)).toBeGreaterThan(36 * 19_000);
  });

  it('renders the rows further down after scrolling', async () => {
    const { container } = render(CrmTable, { lang: 'en', company, height: 400 });
    const scroller = container.querySelector<HTMLDivElement>('.crm-scroll')!;
    scroller.scrollTop = 36 * 10_000;
    await fireEvent.scroll(scroller);
    const rows = bodyRows(container);
    const indices = rows.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(Math.min(...indices)).toBeGreaterThan(9_900);
    expect(indices).toContain(10_002);
    expect(rows.length).toBeLessThan(60);
  });

  it('search filters the list and shows markup as text, never as elements', async () => {
    const { container } = render(CrmTable, { lang: 'en', company: generateCompany(3, { customers: 300 }) });
    const input = screen.getByTestId('crm-search') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'kc-000123' } });
    expect(count()).toBe('Showing 1 of 300 customers');
    expect(bodyRows(container)).toHaveLength(1);
    expect(bodyRows(container)[0].textContent).toContain('KC-000123');

    const evil = '<img src=x onerror=alert(1)>';
    await fireEvent.input(input, { target: { value: evil } });
    expect(count()).toBe('Showing 0 of 300 customers');
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('crm-empty').textContent).toContain(evil);
  });

  it('cuts a 10,000-character search to the maximum and says so', async () => {
    const { container } = render(CrmTable, { lang: 'zh-cn', company: generateCompany(3, { customers: 300 }) });
    const input = screen.getByTestId('crm-search') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '<b>'.repeat(3_334) } });
    expect(input.value.length).toBe(200);
    expect(container.textContent).toContain('搜索内容最多 200 个字符');
    expect(container.querySelector('tbody b')).toBeNull();
    expect(screen.getByTestId('crm-empty')).toBeTruthy();
    expect(count()).toBe('共 300 个客户，符合条件 0 个');
  });

  it('sorts by clicking a header: aria-sort toggles ascending/descending and rows follow', async () => {
    const small = generateCompany(5, { customers: 200 });
    const { container } = render(CrmTable, { lang: 'en', company: small });
    const th = container.querySelector<HTMLTableCellElement>('th[data-column="annualRevenue"]')!;
    expect(th.getAttribute('aria-sort')).toBeNull();
    const button = within(th).getByRole('button');
    await fireEvent.click(button);
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    const first = Number(bodyRows(container)[0].dataset.index);
    expect(small.customers.annualRevenue[first]).toBe(Math.min(...small.customers.annualRevenue));
    await fireEvent.click(button);
    expect(th.getAttribute('aria-sort')).toBe('descending');
    const top = Number(bodyRows(container)[0].dataset.index);
    expect(small.customers.annualRevenue[top]).toBe(Math.max(...small.customers.annualRevenue));
    // another column takes over the sort
    const idTh = container.querySelector<HTMLTableCellElement>('th[data-column="id"]')!;
    await fireEvent.click(within(idTh).getByRole('button'));
    expect(idTh.getAttribute('aria-sort')).toBe('ascending');
    expect(th.getAttribute('aria-sort')).toBeNull();
  });

  it('the column chooser hides and shows a column but never the last one', async () => {
    const { container } = render(CrmTable, { lang: 'en', company: generateCompany(5, { customers: 100 }), columns: ['id', 'industry'] });
    expect(container.querySelectorAll('thead th')).toHaveLength(2);
    const industry = container.querySelector<HTMLInputElement>('input[data-column="industry"]')!;
    await fireEvent.click(industry);
    expect(container.querySelector('th[data-column="industry"]')).toBeNull();
    expect(bodyRows(container)[0].querySelectorAll('td')).toHaveLength(1);
    const id = container.querySelector<HTMLInputElement>('input[data-column="id"]')!;
    expect(id.disabled).toBe(true);
    const revenue = container.querySelector<HTMLInputElement>('input[data-column="annualRevenue"]')!;
    await fireEvent.click(revenue);
    expect([...container.querySelectorAll('thead th')].map((t) => t.getAttribute('data-column'))).toEqual(['id', 'annualRevenue']);
  });

  it('filters by market, region and revenue; bad amounts get a translated message', async () => {
    const small = generateCompany(9, { customers: 500 });
    const intl = small.customers.international.reduce((s, v) => s + v, 0);
    const { container } = render(CrmTable, { lang: 'en', company: small, initialQuery: { market: 'international' } });
    expect(count()).toBe(`Showing ${intl} of 500 customers`);
    for (const r of bodyRows(container)) expect(r.textContent).toContain('International');
    const min = screen.getByLabelText('Annual revenue from (USD)');
    await fireEvent.input(min, { target: { value: 'lots' } });
    expect(screen.getByRole('alert').textContent).toContain('“lots” is not an amount');
    await fireEvent.input(min, { target: { value: '1,000,000' } });
    expect(screen.queryByRole('alert')).toBeNull();
    let expected = 0;
    for (let i = 0; i < small.customers.n; i++) if (small.customers.international[i] && small.customers.annualRevenue[i] >= 1e6) expected++;
    expect(count()).toBe(`Showing ${expected.toLocaleString('en-US')} of 500 customers`);
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(count()).toBe('Showing 500 of 500 customers');
  });

  it('calls onselect with the record when an account is opened', async () => {
    const onselect = vi.fn();
    render(CrmTable, { lang: 'en', company: generateCompany(5, { customers: 100 }), onselect });
    await fireEvent.click(screen.getByRole('button', { name: 'Open KC-000002' }));
    expect(onselect).toHaveBeenCalledTimes(1);
    expect(onselect.mock.calls[0][0].index).toBe(1);
    expect(onselect.mock.calls[0][0].record.id).toBe('KC-000002');
  });

  it('falls back to a safe company with a translated notice for bad props', () => {
    render(CrmTable, { lang: 'zh-cn', seed: 1, customers: -5 });
    expect(screen.getByRole('alert').textContent).toContain('已改为显示种子 42');
    expect(count()).toBe('共 2,000 个客户，符合条件 2,000 个');
  });

  it('has the same keys and placeholders in both languages', () => {
    const en = CRM_STRINGS.en as Record<string, string>;
    const zh = CRM_STRINGS['zh-cn'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(placeholders(zh[k])).toEqual(placeholders(en[k]));
  });
});

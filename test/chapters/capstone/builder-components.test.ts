import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import SegmentBuilderSvelte from '../../../src/components/capstone/SegmentBuilder.svelte';
import { BUILDER_STRINGS } from '../../../src/components/capstone/builder-strings';
import { defaultSpec } from '../../../src/lib/capstone/builder';
import { generateCompany } from '../../../simulations/company/generate';
import { segment } from '../../../simulations/segmentation/index';
import type { Company, SegmentationSpec } from '../../../simulations/types';
import { placeholders } from '../../../src/i18n/index';
import { expectNoBadNumbers, openTable } from '../../components/charts/helpers';

type Props = { lang: 'en' | 'zh-cn'; company: Company; spec: SegmentationSpec; onchange: (s: SegmentationSpec) => void; idPrefix: string };
const SegmentBuilder = SegmentBuilderSvelte as unknown as Component<Props>;

const company = generateCompany(42, { customers: 2000 });

function mockReducedMotion(reduce: boolean): void {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: reduce && query.includes('reduce'),
        media: query,
        addEventListener() {},
        removeEventListener() {},
        addListener() {},
        removeListener() {},
        onchange: null,
        dispatchEvent: () => false,
      }) as unknown as MediaQueryList,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function sizes(): [string, string][] {
  const t = screen.getByTestId('builder-sizes');
  return [...t.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-segment') ?? '', tr.querySelector('td')?.textContent ?? '']);
}

describe('builder strings', () => {
  it('both languages have the same keys and placeholders, none empty', () => {
    const en = BUILDER_STRINGS.en as Record<string, string>;
    const zh = BUILDER_STRINGS['zh-cn'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(en[k].trim(), k).not.toBe('');
      expect(zh[k].trim(), k).not.toBe('');
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
    }
  });
});

describe('SegmentBuilder: rules', () => {
  it.each(['en', 'zh-cn'] as const)('renders the default rules and their segment sizes (%s)', (lang) => {
    const { container } = render(SegmentBuilder, { lang, company, spec: defaultSpec(), onchange: () => {}, idPrefix: 't' });
    expect(sizes()).toEqual([
      ['key-accounts', '212'],
      ['overseas', '304'],
      ['fast-track', '220'],
      ['solutions', '248'],
      ['small-online', '551'],
      ['core', '465'],
    ]);
    const ari = segment(company, defaultSpec()).ari;
    expect(screen.getByTestId('builder-ari').textContent).toContain(ari.toFixed(2));
    expect(container.querySelectorAll('input[type="checkbox"]:checked')).toHaveLength(5);
    // every form control has a label
    for (const el of container.querySelectorAll('input, select')) {
      expect(container.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
    expectNoBadNumbers(container);
    if (lang === 'zh-cn') expect(container.textContent).toContain('大客户');
    else expect(container.textContent).toContain('Key accounts');
  });

  it('switching a rule off commits a spec without it', async () => {
    const onchange = vi.fn();
    render(SegmentBuilder, { lang: 'en', company, spec: defaultSpec(), onchange, idPrefix: 't' });
    await fireEvent.click(screen.getByLabelText('Use rule 1: Key accounts'));
    expect(onchange).toHaveBeenCalledTimes(1);
    const spec = onchange.mock.calls[0][0] as SegmentationSpec;
    expect((spec.params as { rules: { key: string }[] }).rules.map((r) => r.key)).toEqual(['overseas', 'fast-track', 'solutions', 'small-online']);
    expect(sizes()[0][0]).toBe('overseas');
    expect(sizes().map(([k]) => k)).not.toContain('key-accounts');
  });

  it('a bad threshold shows a translated message and keeps the last valid value; a good one commits', async () => {
    const onchange = vi.fn();
    const { container } = render(SegmentBuilder, { lang: 'zh-cn', company, spec: defaultSpec(), onchange, idPrefix: 't' });
    const input = container.querySelector<HTMLInputElement>('#t-t-key-accounts-annualRevenue')!;
    expect(input.value).toBe('1000000');
    await fireEvent.input(input, { target: { value: 'abc' } });
    await fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toBe('“abc”不是数字，规则仍使用 1,000,000。');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('t-t-key-accounts-annualRevenue-err');
    await fireEvent.input(input, { target: { value: '5' } });
    await fireEvent.change(input);
    expect(screen.getByRole('alert').textContent).toContain('超出 10,000–10,000,000');
    expect(onchange).not.toHaveBeenCalled();
    expect(sizes()[0]).toEqual(['key-accounts', '212']);

    await fireEvent.input(input, { target: { value: '500,000' } });
    await fireEvent.change(input);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onchange).toHaveBeenCalledTimes(1);
    const rules = (onchange.mock.calls[0][0] as SegmentationSpec).params as { rules: { key: string; when: { value: unknown }[] }[] };
    expect(rules.rules[0].when[0].value).toBe(500_000);
    expect(Number(sizes()[0][1].replace(/,/g, ''))).toBeGreaterThan(212);
    expectNoBadNumbers(container);
  });

  it('percent thresholds are shown in % and committed as fractions', async () => {
    const onchange = vi.fn();
    const { container } = render(SegmentBuilder, { lang: 'en', company, spec: defaultSpec(), onchange, idPrefix: 't' });
    const input = container.querySelector<HTMLInputElement>('#t-t-solutions-supportNeed')!;
    expect(input.value).toBe('65');
    await fireEvent.input(input, { target: { value: '80' } });
    await fireEvent.change(input);
    const rules = (onchange.mock.calls[0][0] as SegmentationSpec).params as { rules: { key: string; when: { value: unknown }[] }[] };
    expect(rules.rules.find((r) => r.key === 'solutions')!.when[0].value).toBe(0.8);
  });

  it('moving a rule down reorders the spec, announces it and keeps keyboard focus on the rule', async () => {
    const onchange = vi.fn();
    render(SegmentBuilder, { lang: 'en', company, spec: defaultSpec(), onchange, idPrefix: 't' });
    const down = screen.getByRole('button', { name: 'Move “Key accounts” down' });
    down.focus();
    await fireEvent.click(down);
    const order = ((onchange.mock.calls[0][0] as SegmentationSpec).params as { rules: { key: string }[] }).rules.map((r) => r.key);
    expect(order.slice(0, 2)).toEqual(['overseas', 'key-accounts']);
    expect(document.body.textContent).toContain('“Key accounts” is now rule 2 of 5.');
    expect(document.activeElement?.id).toBe('t-rule-key-accounts-down');
    // the first rule cannot move up: nothing happens
    await fireEvent.click(screen.getByRole('button', { name: 'Move “Overseas” up' }));
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('a new spec from the parent replaces the state', async () => {
    const { rerender } = render(SegmentBuilder, { lang: 'en', company, spec: defaultSpec(), onchange: () => {}, idPrefix: 't' });
    await rerender({ spec: { method: 'rules', params: { rules: [] } } });
    expect(sizes()).toEqual([['core', '2,000']]);
    expect(screen.getByText('No rule is on, so every customer falls into “Core volume customers”.')).toBeTruthy();
  });
});

describe('SegmentBuilder: k-means', () => {
  const kspec: SegmentationSpec = { method: 'kmeans', params: { k: 4, features: ['annualRevenue', 'supportNeed', 'requiredLeadTimeDays'], seed: 7 } };

  it('switching the method commits a k-means spec', async () => {
    mockReducedMotion(true);
    const onchange = vi.fn();
    render(SegmentBuilder, { lang: 'en', company, spec: defaultSpec(), onchange, idPrefix: 't' });
    await fireEvent.click(screen.getByLabelText('k-means clustering'));
    expect(onchange).toHaveBeenCalledTimes(1);
    const spec = onchange.mock.calls[0][0] as SegmentationSpec;
    expect(spec.method).toBe('kmeans');
    expect(() => segment(company, spec)).not.toThrow();
    expect(screen.getByTestId('builder-kmeans')).toBeTruthy();
  });

  it.each(['en', 'zh-cn'] as const)('under reduced motion shows the final state at once; Restart and Step still work (%s)', async (lang) => {
    mockReducedMotion(true);
    const onchange = vi.fn();
    const { container } = render(SegmentBuilder, { lang, company, spec: kspec, onchange, idPrefix: 't' });
    const engine = segment(company, kspec);
    await vi.waitFor(() => expect(screen.queryByTestId('builder-ari')).not.toBeNull());
    expect(screen.getByTestId('builder-ari').textContent).toContain(engine.ari.toFixed(2));
    // the cluster table lists the engine's cluster sizes, largest first
    expect(sizes().map(([key, n]) => [key, Number(n.replace(/,/g, ''))])).toEqual(engine.segments.map((s) => [s.key, s.size]));
    const status = screen.getByTestId('k-status');
    const total = status.textContent!.match(/(\d+)\D+(\d+)/)!;
    expect(total[1]).toBe(total[2]); // iteration N of N
    expect(screen.getByTestId('k-play').textContent?.trim()).toBe(lang === 'en' ? 'Play' : '播放');
    expect(container.querySelectorAll('[data-testid="centroid"]')).toHaveLength(4);
    // legend and data table in cluster order, sizes as the engine's
    const legend = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent?.trim());
    expect(legend).toEqual(lang === 'en' ? ['Cluster 1', 'Cluster 2', 'Cluster 3', 'Cluster 4'] : ['聚类 1', '聚类 2', '聚类 3', '聚类 4']);
    const table = lang === 'en' ? await openTable() : await openTable('显示数据表', '隐藏数据表');
    expect([...table.querySelectorAll('tbody tr td:first-of-type')].map((td) => Number(td.textContent!.replace(/,/g, '')))).toEqual(engine.segments.map((s) => s.size));

    await fireEvent.click(screen.getByTestId('k-restart'));
    expect(screen.getByTestId('k-status').textContent).toMatch(lang === 'en' ? /Iteration 0 of/ : /第 0 次迭代/);
    await fireEvent.click(screen.getByTestId('k-step'));
    expect(screen.getByTestId('k-status').textContent).toMatch(lang === 'en' ? /Iteration 1 of/ : /第 1 次迭代/);
    expect(screen.getByTestId('k-steps').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(onchange).not.toHaveBeenCalled(); // stepping never commits
    expectNoBadNumbers(container);
  });

  it('animates step by step when motion is allowed; Pause, Step and Finish control it', async () => {
    mockReducedMotion(false);
    const onchange = vi.fn();
    render(SegmentBuilder, { lang: 'en', company, spec: kspec, onchange, idPrefix: 't' });
    await vi.waitFor(() => expect(screen.getByTestId('k-status').textContent).toMatch(/Iteration 0/));
    expect(screen.getByTestId('k-play').textContent?.trim()).toBe('Pause');
    await vi.waitFor(() => expect(screen.getByTestId('k-status').textContent).toMatch(/Iteration 1 of/), { timeout: 3000 });
    await fireEvent.click(screen.getByTestId('k-play')); // pause
    expect(screen.getByTestId('k-play').textContent?.trim()).toBe('Play');
    const at = Number(screen.getByTestId('k-status').textContent!.match(/Iteration (\d+)/)![1]);
    await fireEvent.click(screen.getByTestId('k-step'));
    expect(screen.getByTestId('k-status').textContent).toContain(`Iteration ${at + 1} of`);
    await fireEvent.click(screen.getByTestId('k-finish'));
    const m = screen.getByTestId('k-status').textContent!.match(/Iteration (\d+) of (\d+)/)!;
    expect(m[1]).toBe(m[2]);
    expect(screen.getByTestId('k-step').getAttribute('aria-disabled')).toBe('true');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('k, seed and features are validated; a valid change commits once', async () => {
    mockReducedMotion(true);
    const onchange = vi.fn();
    const { container } = render(SegmentBuilder, { lang: 'en', company, spec: kspec, onchange, idPrefix: 't' });
    const k = container.querySelector<HTMLInputElement>('#t-k')!;
    await fireEvent.input(k, { target: { value: '12' } });
    await fireEvent.change(k);
    expect(screen.getByRole('alert').textContent).toBe('“12” is not a whole number from 2 to 8, so k stays 4.');
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.input(k, { target: { value: '3' } });
    await fireEvent.change(k);
    expect(onchange).toHaveBeenCalledTimes(1);
    expect((onchange.mock.calls[0][0] as SegmentationSpec).params).toMatchObject({ k: 3, seed: 7 });

    const seed = container.querySelector<HTMLInputElement>('#t-kseed')!;
    await fireEvent.input(seed, { target: { value: '-5' } });
    await fireEvent.change(seed);
    expect(screen.getByRole('alert').textContent).toContain('so the seed stays 7');

    // unticking features down to the last one: the last stays ticked, with a message
    for (const f of ['annualRevenue', 'supportNeed']) await fireEvent.click(container.querySelector<HTMLInputElement>(`#t-f-${f}`)!);
    const last = container.querySelector<HTMLInputElement>('#t-f-requiredLeadTimeDays')!;
    await fireEvent.click(last);
    expect(last.checked).toBe(true);
    expect(container.textContent).toContain('k-means needs at least one feature, so “required lead time (days)” stays on.');
    const lastSpec = onchange.mock.calls.at(-1)![0] as SegmentationSpec;
    expect((lastSpec.params as { features: string[] }).features).toEqual(['requiredLeadTimeDays']);
    await vi.waitFor(() => expect(screen.queryByTestId('builder-ari')).not.toBeNull());
    expectNoBadNumbers(container);
  });
});

describe('SegmentBuilder on 20,000 customers', () => {
  it('animates a sample of the customers and ends with the engine clusters', async () => {
    mockReducedMotion(true);
    const big = generateCompany(42, { customers: 20_000 });
    const spec: SegmentationSpec = { method: 'kmeans', params: { k: 3, features: ['annualRevenue', 'growth'], seed: 5 } };
    const { container } = render(SegmentBuilder, { lang: 'en', company: big, spec, onchange: () => {}, idPrefix: 'b' });
    await vi.waitFor(() => expect(screen.queryByTestId('builder-ari')).not.toBeNull(), { timeout: 10_000 });
    expect(container.textContent).toContain('The chart draws every 8th customer (2,500 of 20,000); counts use all of them.');
    const engine = segment(big, spec);
    expect(sizes().map(([, n]) => Number(n.replace(/,/g, '')))).toEqual(engine.segments.map((s) => s.size));
    expectNoBadNumbers(container);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import CrmDataLabSvelte from '../../../src/components/crmdata/CrmDataLab.svelte';
import { registerLabDictionary } from '../../../src/lib/lab/i18n';
import labZh from '../../../src/i18n/lab.zh-CN.json';

// in the browser the server-rendered page carries the lab dictionary; here it is registered directly
registerLabDictionary('zh-cn', labZh as Record<string, string>);

// `astro check` types .svelte imports in .ts files as Astro components; state the Svelte type once.
const CrmDataLab = CrmDataLabSvelte as unknown as Component<{ lang: 'en' | 'zh-cn'; seed?: number }>;

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('CrmDataLab', () => {
  it('shows the uncleaned agreement, and deduplication raises it', async () => {
    render(CrmDataLab, { lang: 'en' });
    expect(screen.getByTestId('crm-ari').textContent).toBe('0.755');
    const dedupe = screen.getByTestId('crm-fix-dedupe') as HTMLInputElement;
    await fireEvent.click(dedupe);
    flushSync();
    expect(screen.getByTestId('crm-ari').textContent).toBe('0.881');
    expect(screen.getByTestId('crm-step-count').textContent).toContain('1 of 4');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  }, 30_000);

  it('reads its state from crm.* parameters and reports a bad value', async () => {
    history.replaceState(null, '', '/?crm.seed=42&crm.dup=20&crm.rev=5&crm.date=10&crm.reg=20&crm.lapsed=20&crm.fix=dedupe&crm.missing=oops');
    render(CrmDataLab, { lang: 'zh-cn' });
    flushSync();
    expect((screen.getByTestId('crm-fix-dedupe') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('crm-missing-keep') as HTMLInputElement).checked).toBe(true);
    const notice = screen.getByTestId('lab-notice').textContent ?? '';
    expect(notice).toContain('crm.missing');
    expect(notice).not.toContain('lab.notice');
    expect(screen.getByTestId('crm-ari').textContent).toBe('0.881');
  }, 30_000);
});

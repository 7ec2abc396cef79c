import '../../components/lab/dict';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import CapstoneLabSvelte from '../../../src/components/capstone/CapstoneLab.svelte';

type Props = { lang: 'en' | 'zh-cn'; seed?: number };
const CapstoneLab = CapstoneLabSvelte as unknown as Component<Props>;

describe('CapstoneLab', () => {
  it('renders the five numbered steps, the scenario presets with their description, and no results yet', async () => {
    render(CapstoneLab, { lang: 'en' });
    for (let i = 1; i <= 5; i++) expect(screen.getByTestId(`cap-step-${i}`).querySelector('h4')?.textContent).toMatch(new RegExp(`^${i}\\. `));
    // steps 4 and 5 mount in tasks of their own after step 3 (no long task while the island hydrates)
    expect(screen.getByTestId('cap-step-5').textContent).toContain('Loading');
    const select = (await screen.findByLabelText('Scenario')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['none', 'demand-shock', 'tariff-rise', 'new-product-launch', 'demand-shift']);
    expect(screen.getByTestId('cap-scenario-desc').textContent).toBe('Demand, duties and products as planned.');
    expect((screen.getByTestId('cap-customers-2000') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('cap-results-empty')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|undefined/);
  });

  it('a preset shows its description; the textbook button sets strategies per segment and explains them', async () => {
    render(CapstoneLab, { lang: 'zh-cn' });
    const select = (await screen.findByLabelText('情景')) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'tariff-rise' } });
    expect(screen.getByTestId('cap-scenario-desc').textContent).toContain('北美');
    await fireEvent.click(screen.getByTestId('cap-suggest'));
    const note = screen.getByTestId('cap-suggest-note');
    expect(within(note).getAllByRole('listitem').length).toBeGreaterThanOrEqual(2);
    expect(note.textContent).toContain('响应型供应链');
    const changed = document.querySelectorAll('[data-testid="cap-step-4"] fieldset[data-changed="true"]');
    expect(changed.length).toBeGreaterThanOrEqual(2);
    await fireEvent.click(screen.getByTestId('cap-uniform'));
    expect(document.querySelectorAll('[data-testid="cap-step-4"] fieldset[data-changed="true"]').length).toBe(0);
  });

  it('runs the year (main-thread fallback in tests) and shows the dashboard and the debrief, with a cap:run measure', async () => {
    const measure = vi.spyOn(performance, 'measure');
    render(CapstoneLab, { lang: 'en' });
    await fireEvent.click(await screen.findByTestId('cap-suggest'));
    await fireEvent.click(await screen.findByTestId('run-start'));
    await waitFor(() => expect(screen.getByTestId('cap-debrief')).toBeTruthy(), { timeout: 20000 });
    expect(screen.getByTestId('cap-dashboard').querySelectorAll('[data-testid^="cap-chart-"]').length).toBe(5);
    expect(screen.getByTestId('cap-debrief-overall').textContent).toMatch(/^Your plan beats one size fits all: profit \$/);
    expect(screen.getByTestId('cap-debrief-noScenario')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    const call = measure.mock.calls.find((c) => c[0] === 'cap:run');
    expect(call?.[1]).toMatchObject({ detail: { customers: 2000 } });
    // a change after the run marks the results stale
    await fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'demand-shock' } });
    expect(screen.getByTestId('cap-stale')).toBeTruthy();
    measure.mockRestore();
  }, 30000);
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import TextField from '../../../src/components/lab/TextField.svelte';

describe('TextField', () => {
  it('labels the input and reports a change', async () => {
    const onchange = vi.fn();
    render(TextField, { id: 'f-k', label: 'Number of clusters', value: '4', error: '', inputmode: 'numeric', size: 4, onchange });
    const input = screen.getByLabelText('Number of clusters') as HTMLInputElement;
    expect(input.value).toBe('4');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    await fireEvent.input(input, { target: { value: '5' } });
    await fireEvent.change(input);
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks an invalid entry and describes it by the message in an alert', () => {
    render(TextField, { id: 'f-seed', label: '种子', value: 'abc', error: '“abc”不是 0 到 999999 之间的整数。', onchange: () => {} });
    const input = screen.getByLabelText('种子');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('f-seed-err');
    const alert = screen.getByRole('alert');
    expect(alert.id).toBe('f-seed-err');
    expect(alert.textContent).toContain('abc');
  });
});

/** Shared assertions for the lens-chart tests. */
import { expect } from 'vitest';
import { fireEvent, screen } from '@testing-library/svelte';

/** No attribute or text anywhere in `root` contains NaN, Infinity or "undefined". */
export function expectNoBadNumbers(root: Element): void {
  const bad = /NaN|Infinity|undefined/;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (bad.test(value)) throw new Error(`<${el.tagName.toLowerCase()} ${attr}="${value.slice(0, 80)}">`);
    }
  }
  expect(root.textContent ?? '').not.toMatch(bad);
}

/**
 * Opens the data table with its toggle button (a native <button type="button">, so Enter and Space
 * activate it in every browser), checks the ARIA state and returns the table.
 */
export async function openTable(showLabel = 'Show data table', hideLabel = 'Hide data table'): Promise<HTMLTableElement> {
  const button = screen.getByRole('button', { name: showLabel });
  expect(button.tagName).toBe('BUTTON');
  expect(button.getAttribute('type')).toBe('button');
  expect(button.getAttribute('aria-expanded')).toBe('false');
  const region = document.getElementById(button.getAttribute('aria-controls') ?? '');
  expect(region).not.toBeNull();
  expect(region!.hidden).toBe(true);
  button.focus();
  expect(document.activeElement).toBe(button);
  await fireEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(button.textContent?.trim()).toBe(hideLabel);
  expect(region!.hidden).toBe(false);
  const table = region!.querySelector('table');
  expect(table).not.toBeNull();
  expect(table!.querySelector('caption')?.textContent?.trim()).not.toBe('');
  return table!;
}

/** Text of every cell of a table, row by row (header row included). */
export function tableCells(table: HTMLTableElement): string[][] {
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()));
}

/** The SVG of a chart must be labelled by the title and the summary. */
export function expectLabelledSvg(root: Element, title: string): SVGElement {
  const svg = root.querySelector('svg[role="img"]') as SVGElement | null;
  expect(svg).not.toBeNull();
  const ids = (svg!.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length).toBe(2);
  const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
  expect(texts[0]).toBe(title);
  expect(texts[1].length).toBeGreaterThan(10);
  expect(svg!.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  return svg!;
}

/**
 * Replace the global ResizeObserver (before the first render of a test file: Svelte creates one shared
 * observer on first use) with one the test drives: `resize(width)` reports that content width for every
 * observed element, as a browser does after layout.
 */
export function installResizeObserverStub(): { resize(width: number): void } {
  const observed = new Map<Element, (entries: ResizeObserverEntry[], o: ResizeObserver) => void>();
  class StubResizeObserver {
    constructor(private readonly callback: (entries: ResizeObserverEntry[], o: ResizeObserver) => void) {}
    observe(el: Element): void {
      observed.set(el, this.callback);
    }
    unobserve(el: Element): void {
      observed.delete(el);
    }
    disconnect(): void {}
  }
  globalThis.ResizeObserver = StubResizeObserver as unknown as typeof ResizeObserver;
  return {
    resize(width) {
      for (const [target, callback] of observed) {
        const contentRect = { width, height: 0, x: 0, y: 0, top: 0, left: 0, right: width, bottom: 0 } as DOMRectReadOnly;
        callback([{ target, contentRect } as unknown as ResizeObserverEntry], {} as ResizeObserver);
      }
    },
  };
}

/**
 * The width a chart will be laid out at, known before it mounts: a simulator that measures the column
 * its charts go into (with a ResizeObserver, never a forced layout) shares it through Svelte context,
 * and a chart starts at that width instead of the 640 px fallback. Without it, a chart first renders at
 * the fallback and again when ChartFrame's observer reports the real width, in the same frame (for the
 * 2,000-point scatters that second pass was 10–20 ms of a frame already long with their first render).
 * Outside such a simulator (or before the column is measured) the hint is 0 and nothing changes.
 */
import { getContext, setContext } from 'svelte';

/** The context key (exported for tests, which pass a context map to `render`). */
export const WIDTH_HINT_KEY = Symbol('chart-width-hint');

export interface WidthHint {
  /** content width of the charts' column in px, 0 until measured */
  width: number;
}

/** In a simulator: share a hint object; keep its `width` up to date from a ResizeObserver. */
export function provideWidthHint(): WidthHint {
  const hint: WidthHint = { width: 0 };
  setContext(WIDTH_HINT_KEY, hint);
  return hint;
}

/** In a chart, during component initialisation: the hinted width, or 0. */
export function widthHint(): number {
  const hint = getContext<WidthHint | undefined>(WIDTH_HINT_KEY);
  return hint && hint.width > 0 && Number.isFinite(hint.width) ? hint.width : 0;
}

/**
 * Control definitions of the segment lab: each lens exposes a few scalar controls (range, select or
 * multi-select) whose values build the engine's SegmentationSpec. Plain data + pure helpers, so the
 * same definitions drive the Svelte controls, URL decoding and the property tests.
 */

export type ParamValue = number | string | string[];
export type LabParams = Record<string, ParamValue>;

/** How a range value is shown to the learner (formatting lives in the view). */
export type RangeFormat = 'percent' | 'number' | 'km' | 'usd' | 'orders' | 'sd';

export interface RangeControl {
  kind: 'range';
  id: string;
  min: number;
  max: number;
  step: number;
  default: number;
  format: RangeFormat;
  /** shown only when this returns true for the current params (default: always) */
  when?: (params: LabParams) => boolean;
}

export interface SelectControl {
  kind: 'select';
  id: string;
  options: readonly string[];
  default: string;
  when?: (params: LabParams) => boolean;
}

export interface MultiControl {
  kind: 'multi';
  id: string;
  options: readonly string[];
  default: readonly string[];
  /** fewest and most options that may be chosen */
  min: number;
  max: number;
  when?: (params: LabParams) => boolean;
}

export type ControlDef = RangeControl | SelectControl | MultiControl;

/** Number of decimals of a step (0.05 → 2, 100 → 0), so snapped values print exactly. */
export function stepDecimals(step: number): number {
  const s = String(step);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Clamp into [min, max] and snap to the step grid from min; a non-finite number gives the default. */
export function snapRange(c: RangeControl, value: number): number {
  if (!Number.isFinite(value)) return c.default;
  const clamped = Math.min(c.max, Math.max(c.min, value));
  const steps = Math.round((clamped - c.min) / c.step);
  const snapped = Number((c.min + steps * c.step).toFixed(stepDecimals(c.step)));
  return Math.min(c.max, Math.max(c.min, snapped));
}

/** Is `value` already a valid value of the control (no clamping needed)? */
export function isValidValue(c: ControlDef, value: unknown): boolean {
  if (c.kind === 'range') return typeof value === 'number' && Number.isFinite(value) && snapRange(c, value) === value;
  if (c.kind === 'select') return typeof value === 'string' && c.options.includes(value);
  if (!Array.isArray(value)) return false;
  if (value.length < c.min || value.length > c.max) return false;
  if (new Set(value).size !== value.length) return false;
  return value.every((v) => typeof v === 'string' && c.options.includes(v));
}

/** The nearest valid value: numbers clamped and snapped, unknown options replaced by the default. */
export function coerceValue(c: ControlDef, value: unknown): ParamValue {
  if (c.kind === 'range') return typeof value === 'number' ? snapRange(c, value) : c.default;
  if (c.kind === 'select') return typeof value === 'string' && c.options.includes(value) ? value : c.default;
  if (!Array.isArray(value)) return [...c.default];
  // keep known options in the control's order, without duplicates
  const chosen = c.options.filter((o) => value.includes(o));
  if (chosen.length < c.min || chosen.length > c.max) return [...c.default];
  return chosen;
}

export function defaultValue(c: ControlDef): ParamValue {
  return c.kind === 'multi' ? [...c.default] : c.default;
}

export function num(params: LabParams, id: string, fallback: number): number {
  const v = params[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function str(params: LabParams, id: string, fallback: string): string {
  const v = params[id];
  return typeof v === 'string' ? v : fallback;
}

export function list(params: LabParams, id: string, fallback: readonly string[]): string[] {
  const v = params[id];
  return Array.isArray(v) ? v.slice() : fallback.slice();
}

/**
 * The one error type of the engine. Every invalid option, parameter or plan throws an
 * EngineError naming the field, the value received and what is allowed, with a one-line
 * message such as `customers: 10 is out of range (allowed 50..200000)`.
 * The UI can translate it from (field, value, allowed) instead of parsing the message.
 */
export class EngineError extends Error {
  /** dotted path of the offending field, e.g. "customers" or "segmentation.params.k" */
  readonly field: string;
  /** the value received (as given) */
  readonly value: unknown;
  /** human-readable description of what is allowed, e.g. "50..200000" or "none|needs|value" */
  readonly allowed: string;

  constructor(field: string, value: unknown, allowed: string, reason?: string) {
    const why = reason ?? (typeof value === 'number' && Number.isFinite(value) ? 'is out of range' : 'is not allowed');
    super(`${field}: ${formatValue(value)} ${why} (allowed ${allowed})`);
    this.name = 'EngineError';
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

/** Short, single-line rendering of any value for an error message. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'function') return 'function';
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return 'object';
  }
}

/** Throws unless `value` is a finite number within [min, max] (and an integer if asked). */
export function checkNumber(
  field: string,
  value: unknown,
  min: number,
  max: number,
  opts: { integer?: boolean } = {},
): number {
  const allowed = `${opts.integer ? 'integer ' : ''}${min}..${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new EngineError(field, value, allowed, 'is not a finite number');
  if (opts.integer && !Number.isInteger(value)) throw new EngineError(field, value, allowed, 'is not an integer');
  if (value < min || value > max) throw new EngineError(field, value, allowed);
  return value;
}

/** Throws unless `value` is one of `options`. */
export function checkOneOf<T extends string>(field: string, value: unknown, options: readonly T[]): T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  throw new EngineError(field, value, options.join('|'));
}

/** Throws unless `value` is a plain object (or undefined, which becomes {}). */
export function checkObject(field: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EngineError(field, value, 'an object', 'is not an object');
  return value as Record<string, unknown>;
}

/** Throws if `obj` has a key outside `known` (catches typos in plans). */
export function checkKnownKeys(field: string, obj: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) throw new EngineError(`${field}.${key}`, obj[key], `keys ${known.join('|')}`, 'is not a known parameter');
  }
}

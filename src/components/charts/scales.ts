/**
 * Small pure helpers shared by the lens charts: series colours, marker shapes and dash patterns
 * (so series differ by more than colour), NaN guards, and tick choices for log axes.
 * No DOM, no Svelte: the charts compute geometry here and render it themselves.
 */
import { quantileSorted } from 'd3-array';
import { locales, type Lang } from '../../i18n/locales';

/**
 * Order in which series take the Okabe–Ito palette variables of src/styles/global.css.
 * Yellow (--chart-7) comes last: it has too little contrast on a light background for thin marks.
 */
export const PALETTE_ORDER = [1, 6, 3, 4, 2, 5, 8, 7] as const;

/** CSS colour of series `i` (wraps after eight series). */
export function seriesColour(i: number): string {
  const k = PALETTE_ORDER[((Math.floor(i) % 8) + 8) % 8];
  return `var(--chart-${k})`;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'plus' | 'cross' | 'star';

/** Marker shapes in series order: series differ by shape as well as colour (colour-blind and grey-scale safe). */
export const MARKER_SHAPES: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'plus',
  'cross',
  'star',
];

export function markerShape(i: number): MarkerShape {
  return MARKER_SHAPES[((Math.floor(i) % MARKER_SHAPES.length) + MARKER_SHAPES.length) % MARKER_SHAPES.length];
}

/** SVG stroke-dasharray per series: solid, dashed, dotted, dash-dot, long dash, ... */
export const DASH_PATTERNS: readonly string[] = ['none', '7 4', '2 3', '10 3 2 3', '14 5', '4 2 1 2 1 2', '1 6', '18 4 4 4'];

export function dashPattern(i: number): string {
  return DASH_PATTERNS[((Math.floor(i) % DASH_PATTERNS.length) + DASH_PATTERNS.length) % DASH_PATTERNS.length];
}

/** Rounds a pixel coordinate to 0.1 px (shorter path strings, identical rendering). */
export function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/** `v` if it is a finite number, otherwise `fallback`. */
export function finiteOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Path data of one marker of `shape` centred on (x, y) with "radius" r (px), absolute commands only,
 * so many markers can be concatenated into a single <path> per series (one DOM node for 2,000 points).
 * Shapes are scaled to roughly equal ink area so no series looks heavier than another.
 */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const X = px(x);
  const Y = px(y);
  switch (shape) {
    case 'square': {
      const s = px(r * 0.89);
      return `M${px(X - s)},${px(Y - s)}h${px(2 * s)}v${px(2 * s)}h${px(-2 * s)}Z`;
    }
    case 'triangle': {
      const s = r * 1.3;
      return `M${X},${px(Y - s)}L${px(X + s * 0.866)},${px(Y + s * 0.5)}L${px(X - s * 0.866)},${px(Y + s * 0.5)}Z`;
    }
    case 'triangleDown': {
      const s = r * 1.3;
      return `M${X},${px(Y + s)}L${px(X + s * 0.866)},${px(Y - s * 0.5)}L${px(X - s * 0.866)},${px(Y - s * 0.5)}Z`;
    }
    case 'diamond': {
      const s = px(r * 1.25);
      return `M${X},${px(Y - s)}L${px(X + s)},${Y}L${X},${px(Y + s)}L${px(X - s)},${Y}Z`;
    }
    case 'plus': {
      const a = px(r * 1.15);
      const b = px(r * 0.38);
      return (
        `M${px(X - b)},${px(Y - a)}h${px(2 * b)}v${px(a - b)}h${px(a - b)}v${px(2 * b)}h${px(b - a)}` +
        `v${px(a - b)}h${px(-2 * b)}v${px(b - a)}h${px(b - a)}v${px(-2 * b)}h${px(a - b)}Z`
      );
    }
    case 'cross': {
      // an "x": the plus rotated by 45°
      const a = r * 1.15;
      const b = r * 0.38;
      const pts: [number, number][] = [
        [-b, -a], [b, -a], [b, -b], [a, -b], [a, b], [b, b], [b, a], [-b, a], [-b, b], [-a, b], [-a, -b], [-b, -b],
      ];
      const c = Math.SQRT1_2;
      return (
        pts
          .map(([u, v], i) => `${i === 0 ? 'M' : 'L'}${px(X + (u - v) * c)},${px(Y + (u + v) * c)}`)
          .join('') + 'Z'
      );
    }
    case 'star': {
      const outer = r * 1.35;
      const inner = outer * 0.45;
      let d = '';
      for (let k = 0; k < 10; k++) {
        const rad = k % 2 === 0 ? outer : inner;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        d += `${k === 0 ? 'M' : 'L'}${px(X + rad * Math.cos(a))},${px(Y + rad * Math.sin(a))}`;
      }
      return d + 'Z';
    }
    case 'circle':
    default: {
      const R = px(r);
      return `M${px(X - R)},${Y}a${R},${R} 0 1,0 ${px(2 * R)},0a${R},${R} 0 1,0 ${px(-2 * R)},0`;
    }
  }
}

/** Number of markers in a path built by `markerPath` (each marker starts with one "M"). */
export function countMarkers(d: string | null | undefined): number {
  if (!d) return 0;
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) === 77 /* M */) n++;
  return n;
}

/** Ticks 1-2-5 per decade inside [lo, hi] (for log axes); at least the two ends when the range is narrow. */
export function logTicks(lo: number, hi: number, maxTicks = 8): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const out: number[] = [];
  const steps = [1, 2, 5];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const v = s * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(Number(v.toPrecision(12)));
    }
  }
  if (out.length <= maxTicks) return out;
  const decades = out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  if (decades.length >= 2 && decades.length <= maxTicks) return decades;
  const step = Math.ceil(out.length / maxTicks);
  return out.filter((_, i) => i % step === 0);
}

/** Median of the finite values (NaN when there are none: callers format it, and format.ts prints a dash). */
export function medianOf(values: readonly number[]): number {
  const sorted = values.filter(isFiniteNumber).sort((a, b) => a - b);
  return sorted.length > 0 ? (quantileSorted(sorted, 0.5) ?? Number.NaN) : Number.NaN;
}

/** Chart width in px from the measured container width (0 before layout / in tests → `fallback`). */
export function chartWidth(measured: number, fallback = 640, min = 280, max = 960): number {
  if (!(measured > 0) || !Number.isFinite(measured)) return fallback;
  return Math.round(Math.max(min, Math.min(max, measured)));
}

const shortUsdCache = new Map<string, Intl.NumberFormat>();

/**
 * Short USD label for axes and bar ends: "$200K", "$1.2M", "$0" (en) / "US$20万" (zh-cn).
 * (format.ts's compact currency keeps one forced decimal, "$200.0K", which is noisy on a tick.)
 */
export function formatUsdShort(lang: Lang, value: number): string {
  if (!Number.isFinite(value)) return '–';
  const tag = (locales[lang] ?? locales.en).intl;
  let nf = shortUsdCache.get(tag);
  if (!nf) {
    nf = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: 'USD',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    shortUsdCache.set(tag, nf);
  }
  return nf.format(value);
}

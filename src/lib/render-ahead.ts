/**
 * Render ahead. A lesson's body comes in chunks (src/lib/markdown/rehype-lesson-chunks.mjs) with
 * `content-visibility` auto or hidden (global.css), so the page's first frame lays out only the top
 * of the lesson: laying out a whole lesson at once was one 70–150 ms task in Chromium on Linux.
 * Right after the first paint, this renders the other chunks, top to bottom, in tasks of about
 * BUDGET_MS each: the whole lesson is laid out within a few frames, and no task does all of it.
 *
 * Until then a chunk's height is an estimate, so a position computed from it can be wrong:
 *   - an in-page link clicked meanwhile waits for the last chunk (tens of ms), then jumps;
 *   - a page opened at a #fragment scrolls to it again once every chunk is rendered, unless the
 *     reader has scrolled or pressed a key meanwhile.
 */

/** A task renders chunks until it has spent this long (ms), then yields to input and painting. */
export const BUDGET_MS = 12;
/**
 * A chunk with more elements than this (a long table, a displayed formula, a simulator's markup) starts
 * a task of its own instead of joining one that has already rendered something: cold, such a chunk
 * alone took 15–33 ms in Chromium on Linux (`npm run bench:paint` machine), so added to 12 ms of
 * smaller ones it made tasks of 45–55 ms.
 */
export const HEAVY_ELEMENTS = 100;

const isHeavy = (chunk: HTMLElement) => chunk.getElementsByTagName('*').length > HEAVY_ELEMENTS;

export interface Clock {
  /** milliseconds, monotonic */
  now(): number;
  /** run `f` in a later task */
  later(f: () => void): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  later: (f) => setTimeout(f, 0),
};

/**
 * Renders `chunks` in order, each by dropping its content-visibility (class `is-rendered`) and
 * asking for its height, which lays it out at once, inside the current task; a task stops after
 * `budgetMs`, or before a heavy chunk (HEAVY_ELEMENTS) once it has rendered another. Resolves when
 * the last chunk is rendered.
 */
export function renderChunks(chunks: readonly HTMLElement[], clock: Clock = browserClock, budgetMs = BUDGET_MS): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    const step = () => {
      const start = clock.now();
      const first = next;
      while (next < chunks.length) {
        if (next > first && isHeavy(chunks[next])) break;
        const chunk = chunks[next++];
        chunk.classList.add('is-rendered');
        void chunk.offsetHeight; // style and layout of this chunk, now
        if (clock.now() - start >= budgetMs) break;
      }
      if (next < chunks.length) clock.later(step);
      else {
        // for benchmarks and tests: when the whole lesson was laid out
        globalThis.performance?.mark?.('lesson:rendered-ahead');
        resolve();
      }
    };
    clock.later(step);
  });
}

/** The element a fragment (`#id`, percent-encoded or not) names, if any. */
export function fragmentTarget(doc: Document, hash: string): HTMLElement | null {
  if (!hash || hash === '#') return null;
  let id = hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // a malformed escape: look the raw text up
  }
  return doc.getElementById(id);
}

/**
 * Keeps in-page jumps right while `done` is pending (see the module comment).
 * `isDone` says whether it has settled.
 */
export function keepJumps(doc: Document, done: Promise<void>, isDone: () => boolean): void {
  const win = doc.defaultView;
  if (!win) return;
  const jump = (hash: string) => {
    const target = fragmentTarget(doc, hash);
    if (win.location.hash === hash) target?.scrollIntoView();
    else win.location.hash = hash;
  };
  doc.addEventListener('click', (event) => {
    if (isDone() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof win.Element ? event.target.closest('a[href^="#"]') : null;
    if (!(link instanceof win.HTMLAnchorElement) || !fragmentTarget(doc, link.hash)) return;
    event.preventDefault();
    void done.then(() => jump(link.hash));
  });

  const opened = win.location.hash;
  if (!fragmentTarget(doc, opened)) return;
  let moved = false;
  const stop = () => {
    moved = true;
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) {
    win.addEventListener(type, stop, { once: true, passive: true, capture: true });
  }
  void done.then(() => {
    if (!moved && win.location.hash === opened) fragmentTarget(doc, opened)?.scrollIntoView({ block: 'start' });
  });
}

/** The page's entry point (LessonLayout.astro): start after the first paint. */
export function startRenderAhead(doc: Document = document): void {
  const chunks = [...doc.querySelectorAll<HTMLElement>('.lesson-body > .lesson-chunk')];
  if (chunks.length === 0) return;
  // tells the layout's fallback that the chunks held back (`later`) will be rendered
  doc.documentElement.setAttribute('data-render-ahead', '');
  let settled = false;
  // the frame callback runs just before the first paint; renderChunks starts in a task after it
  const done = new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    .then(() => renderChunks(chunks))
    .then(() => {
      settled = true;
    });
  keepJumps(doc, done, () => settled);
}

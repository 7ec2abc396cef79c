/**
 * User Timing marks for the lab (standard `performance.mark` / `performance.measure`, visible in any
 * browser's performance panel and read by scripts/bench-lab.mjs):
 *   - `lab:input`   a control event that changes the lab state (first one of a burst);
 *   - `lab:painted` the frame after the new results were rendered (rAF, then the next task, i.e.
 *                   after style, layout and paint of that frame);
 *   - measure `lab:change` from the first unpainted input to `lab:painted` (includes the wait for the
 *     display's next refresh, 0–16.7 ms at 60 Hz, which no page can shorten);
 *   - measure `lab:process` from that input to the moment the new outcomes and charts are in the DOM
 *     (engine + render: the main-thread work of a change, the part that must fit in a 16.7 ms frame);
 *   - `lab:mount` when the island has hydrated (before its first run);
 *   - `lab:ready` and measure `lab:hydrate` (navigation start → first results painted) once per lab;
 *   - measures `lab:engine` (a run's engine time, slices only, from LabRun.ms) and `lab:render`
 *     (applying a finished run to the DOM); src/lib/lab/run.ts adds `lab:company` (generating a company);
 *   - `lab:prefetched` when a change found its results already computed (prefetch.ts): no engine
 *     time on the page for that change, only `lab:render`.
 * Each call costs a few microseconds; nothing is stored except by the browser's timeline buffer.
 */
const perf: Performance | null = typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null;

function nextTask(fn: () => void): void {
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      fn();
    };
    ch.port2.postMessage(null);
  } else setTimeout(fn, 0);
}

/** Call `fn` after the next frame has been painted (or at once where there are no frames). */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => nextTask(fn));
  else nextTask(fn);
}

export interface LabMarks {
  /** the island has hydrated */
  mounted(): void;
  /** a control changed the state */
  input(): void;
  /** results for the latest state are in the DOM: mark when they are painted (`inFrame`: called
      from a requestAnimationFrame callback, so this very frame paints them) */
  rendered(first: boolean, inFrame?: boolean): void;
  /** a finished run: its engine time (null: computed ahead, see prefetch.ts) and the time the DOM
      update took, from `renderStart` to now */
  timing(engineMs: number | null, renderStart: number): void;
}

export function labMarks(id: string): LabMarks {
  let pending: number | null = null;
  return {
    mounted() {
      perf?.mark('lab:mount', { detail: id });
    },
    input() {
      if (!perf || pending !== null) return;
      pending = perf.now();
      perf.mark('lab:input', { detail: id });
    },
    timing(engineMs, renderStart) {
      if (!perf) return;
      const end = perf.now();
      if (engineMs === null) perf.mark('lab:prefetched', { startTime: renderStart, detail: id });
      else perf.measure('lab:engine', { start: renderStart - engineMs, duration: engineMs, detail: id });
      perf.measure('lab:render', { start: renderStart, end, detail: id });
    },
    rendered(first, inFrame = false) {
      if (!perf) return;
      if (pending !== null) perf.measure('lab:process', { start: pending, end: perf.now(), detail: id });
      (inFrame ? nextTask : afterPaint)(() => {
        const end = perf.now();
        perf.mark('lab:painted', { detail: id });
        if (first) {
          perf.mark('lab:ready', { detail: id });
          perf.measure('lab:hydrate', { start: 0, end, detail: id });
        }
        if (pending !== null) {
          perf.measure('lab:change', { start: pending, end, detail: id });
          pending = null;
        }
      });
    },
  };
}

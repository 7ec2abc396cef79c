/**
 * Lesson progress kept in localStorage under `segment-lab:progress:v1` as
 * {"version":1,"completed":["01-why-segment"]}.
 * Nothing here ever throws: storage that is missing, blocked (private mode, sandboxed iframe),
 * full (QuotaExceededError) or holding garbage only means progress is not kept.
 */
export const PROGRESS_KEY = 'segment-lab:progress:v1';
export const LANG_KEY = 'segment-lab:lang';

const FOLDER = /^\d{2}-[a-z0-9-]+$/;

export interface ProgressState {
  completed: string[];
}

/** Minimal Storage interface, so tests can pass a fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null when it cannot be reached (throws on access in some browsers). */
export function getStorage(): StorageLike | null {
  try {
    if (typeof window === 'undefined') return null;
    const storage = window.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** True when a value can be written and removed again. */
export function storageWorks(storage: StorageLike | null): boolean {
  if (!storage) return false;
  try {
    const probe = 'segment-lab:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** Parses stored JSON; anything of the wrong shape yields an empty list, unknown items are dropped. */
export function parseProgress(raw: string | null): ProgressState {
  if (raw === null || raw === '') return { completed: [] };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return { completed: [] };
    const record = value as { version?: unknown; completed?: unknown };
    if (record.version !== 1 || !Array.isArray(record.completed)) return { completed: [] };
    const completed = record.completed.filter((x): x is string => typeof x === 'string' && FOLDER.test(x));
    return { completed: [...new Set(completed)].sort() };
  } catch {
    return { completed: [] };
  }
}

export function serializeProgress(state: ProgressState): string {
  return JSON.stringify({ version: 1, completed: [...new Set(state.completed)].sort() });
}

export function readProgress(storage: StorageLike | null): ProgressState {
  if (!storage) return { completed: [] };
  try {
    return parseProgress(storage.getItem(PROGRESS_KEY));
  } catch {
    return { completed: [] };
  }
}

/** Sets one lesson's completion; returns the new state and whether it was saved. */
export function setCompleted(
  storage: StorageLike | null,
  lesson: string,
  done: boolean,
): { state: ProgressState; saved: boolean } {
  const current = readProgress(storage);
  const set = new Set(current.completed);
  if (done) set.add(lesson);
  else set.delete(lesson);
  const state = { completed: [...set].sort() };
  if (!storage) return { state, saved: false };
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(state));
    return { state, saved: true };
  } catch {
    return { state, saved: false };
  }
}

/** Shows every storage notice on the page (they are rendered hidden). */
export function showStorageNotice(): void {
  if (typeof document === 'undefined') return;
  document.querySelectorAll<HTMLElement>('[data-testid="storage-notice"]').forEach((el) => {
    el.hidden = false;
  });
}

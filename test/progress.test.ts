import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, parseProgress, readProgress, serializeProgress, setCompleted, storageWorks, type StorageLike } from '../src/lib/progress';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const throwing: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('progress storage', () => {
  it('round-trips the documented format', () => {
    const s = memoryStorage();
    const { saved } = setCompleted(s, '01-why-segment', true);
    expect(saved).toBe(true);
    expect(JSON.parse(s.data[PROGRESS_KEY])).toEqual({ version: 1, completed: ['01-why-segment'] });
    expect(readProgress(s).completed).toEqual(['01-why-segment']);
    setCompleted(s, '01-why-segment', false);
    expect(readProgress(s).completed).toEqual([]);
  });

  it.each([
    ['not json', '{oops'],
    ['null', 'null'],
    ['a number', '42'],
    ['wrong version', '{"version":2,"completed":["01-why-segment"]}'],
    ['completed not an array', '{"version":1,"completed":"01-why-segment"}'],
  ])('treats garbage (%s) as no progress', (_name, raw) => {
    expect(parseProgress(raw)).toEqual({ completed: [] });
  });

  it('drops unknown items but keeps valid ones', () => {
    expect(parseProgress('{"version":1,"completed":["02-needs",7,"../x","01-why-segment","02-needs"]}')).toEqual({
      completed: ['01-why-segment', '02-needs'],
    });
  });

  it('overwrites garbage with a valid record on the next save', () => {
    const s = memoryStorage({ [PROGRESS_KEY]: '][' });
    setCompleted(s, '01-why-segment', true);
    expect(parseProgress(s.data[PROGRESS_KEY]).completed).toEqual(['01-why-segment']);
  });

  it('never throws when storage is blocked, full or missing', () => {
    expect(storageWorks(throwing)).toBe(false);
    expect(storageWorks(null)).toBe(false);
    expect(readProgress(throwing)).toEqual({ completed: [] });
    expect(setCompleted(throwing, '01-why-segment', true)).toEqual({ state: { completed: ['01-why-segment'] }, saved: false });
    expect(setCompleted(null, '01-why-segment', true).saved).toBe(false);
  });

  it('serializes sorted and without duplicates', () => {
    expect(serializeProgress({ completed: ['02-b', '01-a', '02-b'] })).toBe('{"version":1,"completed":["01-a","02-b"]}');
  });
});

// A lesson declares which controls the learner may change (<SegmentLab editable={[...]} />):
// the declaration narrows the lens's own list and is honoured by state, share links and controls.
import { describe, expect, it } from 'vitest';
import { editableControls, getLens } from '../../src/lib/lab/lenses';
import { defaultState, normaliseState } from '../../src/lib/lab/state';
import { decodeState, encodeState } from '../../src/lib/lab/share';

describe('lesson-declared editable controls', () => {
  it('narrows the lens list, ignores unknown ids and never unlocks a control the lens keeps fixed', () => {
    expect(editableControls('needs')).toEqual(getLens('needs').editable);
    expect(editableControls('needs', ['minScore', 'nonsense'])).toEqual(['minScore']);
    const lensLocked = getLens('value').controls.map((c) => c.id).filter((id) => !getLens('value').editable.includes(id));
    expect(lensLocked.length).toBeGreaterThan(0);
    expect(editableControls('value', lensLocked)).toEqual([]);
  });

  it('keeps a control the lesson locked at its default, whatever the state says', () => {
    const base = defaultState('needs', 42, ['needs']);
    const moved = normaliseState({ ...base, params: { ...base.params, minScore: 1 } });
    expect(moved.params.minScore).toBe(base.params.minScore);
    const free = normaliseState({ ...defaultState('needs', 42), params: { ...base.params, minScore: 1 } });
    expect(free.params.minScore).toBe(1);
  });

  it('share links leave out locked controls and report them as locked when a link carries them', () => {
    const state = defaultState('needs', 42, ['needs']);
    const q = encodeState(state);
    expect(q.has('p.needs')).toBe(true);
    expect(q.has('p.minScore')).toBe(false);
    const decoded = decodeState('?lab=needs&seed=42&p.needs=price,speed&p.minScore=1', 'needs', 42, ['needs']);
    expect(decoded.ignored).toContainEqual(expect.objectContaining({ param: 'p.minScore', reason: 'locked' }));
    expect(decoded.state.params.minScore).toBe(state.params.minScore);
    expect(decoded.state.editable).toEqual(['needs']);
  });
});

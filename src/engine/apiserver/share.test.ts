// shareUnchanged: parts of a new version equal to the stored one's become the stored parts.
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './share';

const ready = () => ({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:00Z' });
const scheduled = () => ({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:00Z' });

describe('shareUnchanged', () => {
  it('returns the stored value when everything is equal', () => {
    const prev = { phase: 'Running', conditions: [scheduled(), ready()] };
    expect(shareUnchanged(prev, { phase: 'Running', conditions: [scheduled(), ready()] })).toBe(prev);
  });

  it('keeps the new value but shares its unchanged parts', () => {
    const prev = { phase: 'Pending', conditions: [scheduled(), { ...ready(), status: 'False' }] };
    const next = { phase: 'Running', conditions: [scheduled(), ready()] };
    const out = shareUnchanged(prev, next) as typeof next;
    expect(out).toBe(next);
    expect(out).toEqual({ phase: 'Running', conditions: [scheduled(), ready()] });
    expect(out.conditions[0]).toBe(prev.conditions[0]);
    expect(out.conditions[1]).not.toBe(prev.conditions[1]);
  });

  it.each([
    { name: 'key order differs', prev: { a: 1, b: 2 }, next: { b: 2, a: 1 } },
    { name: 'a key is added', prev: { a: 1 }, next: { a: 1, b: 2 } },
    { name: 'a key is removed', prev: { a: 1, b: 2 }, next: { a: 1 } },
    { name: 'a list grows', prev: { l: [1] }, next: { l: [1, 2] } },
    { name: 'a list is now a map', prev: { l: [1] }, next: { l: { 0: 1 } } },
    { name: 'null replaces a value', prev: { a: { b: 1 } }, next: { a: null } },
  ])('does not share the whole value when $name', ({ prev, next }) => {
    const copy = structuredClone(next);
    const out = shareUnchanged(prev, next);
    expect(out).not.toBe(prev);
    expect(out).toEqual(copy);
  });

  it('leaves frozen values alone', () => {
    const prev = { f: { a: {} } };
    const next = Object.freeze({ f: Object.freeze({ a: Object.freeze({}) }) });
    expect(shareUnchanged(prev, next)).toBe(next);
  });
});

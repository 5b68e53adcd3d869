import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../api';
import { appendDuplicatedIndexPodsForRemoval, firstPendingIndexes, intervalsString, matchSuccessPolicy, parseIndexesFromString,
  podGenerateNameWithIndex, withOrderedIndexes } from './indexed-job-utils';

const pod = (name: string, index?: number): Pod => ({ metadata: { name,
  annotations: index === undefined ? {} : { 'batch.kubernetes.io/job-completion-index': String(index) } } });

describe('ordered intervals', () => {
  const cases: { name: string; idx: number[]; want: string }[] = [
    { name: 'empty', idx: [], want: '' },
    { name: 'single', idx: [3], want: '3' },
    { name: 'two consecutive are listed', idx: [1, 2], want: '1,2' },
    { name: 'three consecutive are a range', idx: [1, 3, 4, 5, 7], want: '1,3-5,7' },
    { name: 'unsorted with duplicates', idx: [5, 1, 2, 3, 3, 0], want: '0-3,5' },
  ];
  for (const c of cases) it(c.name, () => expect(intervalsString(withOrderedIndexes([], c.idx))).toBe(c.want));

  it('parses, dropping what is beyond completions', () => {
    expect(intervalsString(parseIndexesFromString('1,3-5,7,9', 8))).toBe('1,3-5,7');
    expect(intervalsString(withOrderedIndexes(parseIndexesFromString('0-2', 10), [4, 3]))).toBe('0-4');
  });
});

describe('indexes to start and to remove', () => {
  it('firstPendingIndexes skips succeeded and busy indexes', () => {
    expect(firstPendingIndexes(parseIndexesFromString('0,2', 10), [pod('a', 1), pod('b', 4)], 3, 10)).toEqual([3, 5, 6]);
    expect(firstPendingIndexes([], [], 5, 2)).toEqual([0, 1]);
  });
  it('removes pods without an index, beyond completions, and duplicates', () => {
    const { rm, left } = appendDuplicatedIndexPodsForRemoval([pod('x'), pod('a', 0), pod('b', 0), pod('c', 1), pod('d', 9)], 3, (ps) => ps);
    expect(rm.map((p) => p.metadata!.name)).toEqual(['x', 'd', 'a']);
    expect(left.map((p) => p.metadata!.name)).toEqual(['b', 'c']);
  });
  it('cuts long Job names so the generateName fits', () => {
    expect(podGenerateNameWithIndex('pi', 3)).toBe('pi-3-');
    expect(podGenerateNameWithIndex('x'.repeat(60), 12)).toBe(`${'x'.repeat(54)}-12-`);
  });
});

describe('matchSuccessPolicy', () => {
  const job = (rules: object[]): Job => ({ spec: { completions: 10, template: {}, successPolicy: { rules } } as Job['spec'] });
  const cases: { name: string; rules: object[]; succeeded: number[]; want?: string }[] = [
    { name: 'indexes all succeeded', rules: [{ succeededIndexes: '0-2' }], succeeded: [0, 1, 2], want: 'Matched rules at index 0' },
    { name: 'indexes not all succeeded', rules: [{ succeededIndexes: '0-2' }], succeeded: [0, 2] },
    { name: 'count among indexes', rules: [{ succeededIndexes: '0-4', succeededCount: 2 }], succeeded: [1, 9, 4], want: 'Matched rules at index 0' },
    { name: 'count alone, second rule', rules: [{ succeededIndexes: '9' }, { succeededCount: 3 }], succeeded: [0, 1, 2], want: 'Matched rules at index 1' },
  ];
  for (const c of cases) it(c.name, () => expect(matchSuccessPolicy(job(c.rules), withOrderedIndexes([], c.succeeded))).toBe(c.want));
});

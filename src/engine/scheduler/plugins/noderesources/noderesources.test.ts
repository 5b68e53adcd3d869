import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api';
import { makeNode, makePod, nodeInfoOf, runFilter, runScore } from '../../framework';
import { BalancedAllocation } from './balanced-allocation';
import { Fit } from './fit';
import { leastRequestedScore } from './resource-allocation';

const fit = new Fit();

describe('NodeResourcesFit Filter', () => {
  const node = makeNode('n', { cpu: '2', memory: '4Gi', pods: '3' });
  const cases: { name: string; pod: Pod; existing?: Pod[]; want?: string[] }[] = [
    { name: 'fits', pod: makePod('p', { cpu: '1', memory: '1Gi' }) },
    { name: 'insufficient cpu', pod: makePod('p', { cpu: '2500m' }), want: ['Insufficient cpu'] },
    { name: 'insufficient cpu and memory, both reported', pod: makePod('p', { cpu: '3', memory: '5Gi' }), want: ['Insufficient cpu', 'Insufficient memory'] },
    { name: 'existing pods count', pod: makePod('p', { cpu: '1' }), existing: [makePod('e', { cpu: '1500m', nodeName: 'n' })], want: ['Insufficient cpu'] },
    { name: 'too many pods even without requests', pod: makePod('p'),
      existing: [makePod('a', { nodeName: 'n' }), makePod('b', { nodeName: 'n' }), makePod('c', { nodeName: 'n' })], want: ['Too many pods'] },
    { name: 'an init container larger than allocatable', pod: makePod('p', { spec: { containers: [{ name: 'a', image: 'x' }],
      initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '4' } } }] } }), want: ['Insufficient cpu'] },
    { name: 'extended resources the node lacks', pod: makePod('p', { spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { 'nvidia.com/gpu': '1' } } }] } }),
      want: ['Insufficient nvidia.com/gpu'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = runFilter(fit, c.pod, nodeInfoOf(node, c.existing ?? []));
      expect(s?.reasons).toEqual(c.want);
      if (s) expect(s.code).toBe(2);
    });
  }
});

describe('NodeResourcesFit Score (LeastAllocated, cpu and memory weight 1)', () => {
  it('leastRequestedScore is the free share, truncated', () => {
    expect([leastRequestedScore(0, 4000), leastRequestedScore(1000, 4000), leastRequestedScore(3333, 10000), leastRequestedScore(5, 4)]).toEqual([100, 75, 66, 0]);
  });
  it('averages cpu and memory, counting 100m/200Mi for unset requests', () => {
    const a = nodeInfoOf(makeNode('a', { cpu: '4', memory: '8Gi' }));
    const b = nodeInfoOf(makeNode('b', { cpu: '4', memory: '8Gi' }), [makePod('e', { cpu: '2', memory: '4Gi', nodeName: 'b' })]);
    // a: cpu (4000-1000)/4000 → 75, memory (8Gi-2Gi)/8Gi → 75 → 75; b: cpu 25, memory 25 → 25
    expect(runScore(fit, makePod('p', { cpu: '1', memory: '2Gi' }), [a, b])).toEqual([75, 25]);
    // best effort: 100m of 4000 → 97, 200Mi of 8Gi → 97
    expect(runScore(fit, makePod('q'), [a])).toEqual([97]);
  });
});

describe('NodeResourcesBalancedAllocation Score', () => {
  it('(1 − |cpu share − memory share| / 2) × 100', () => {
    const n = nodeInfoOf(makeNode('n', { cpu: '4', memory: '8Gi' }), [makePod('e', { cpu: '1', nodeName: 'n' })]);
    // after the pod: cpu (1+1)/4 = 0.5, memory 0.5Gi... 2Gi/8Gi = 0.25 → 1 − 0.125 → 87
    expect(runScore(new BalancedAllocation(), makePod('p', { cpu: '1', memory: '2Gi' }), [n])).toEqual([87]);
    // v1.32 still scores best-effort pods (the node's own balance)
    expect(runScore(new BalancedAllocation(), makePod('q'), [n])).toEqual([87]);
  });
});

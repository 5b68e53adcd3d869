import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api';
import { PreFilterResult, CycleState, makeNode, makePod, nodeInfoOf, runFilter, runScore } from '../../framework';
import { NodeAffinity } from './node-affinity';

const pl = new NodeAffinity();
const ssd = nodeInfoOf(makeNode('ssd', { labels: { disk: 'ssd', zone: 'a' } }));
const hdd = nodeInfoOf(makeNode('hdd', { labels: { disk: 'hdd', zone: 'b' } }));
const required = (key: string, values: string[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
  nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } } });

describe('NodeAffinity Filter', () => {
  const cases: { name: string; spec: Partial<NonNullable<Pod['spec']>>; want: [string | undefined, string | undefined] }[] = [
    { name: 'nothing required', spec: {}, want: [undefined, undefined] },
    { name: 'nodeSelector', spec: { nodeSelector: { disk: 'ssd' } }, want: [undefined, "node(s) didn't match Pod's node affinity/selector"] },
    { name: 'required affinity', spec: { affinity: required('zone', ['b']) }, want: ["node(s) didn't match Pod's node affinity/selector", undefined] },
    { name: 'both must hold', spec: { nodeSelector: { disk: 'ssd' }, affinity: required('zone', ['b']) },
      want: ["node(s) didn't match Pod's node affinity/selector", "node(s) didn't match Pod's node affinity/selector"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod('p', { spec: c.spec });
      expect([runFilter(pl, pod, ssd)?.message(), runFilter(pl, pod, hdd)?.message()]).toEqual(c.want);
    });
  }

  it('PreFilter narrows to nodes named by matchFields (DaemonSet pods)', () => {
    const pod = makePod('p', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['hdd'] }] }] } } } } });
    const r = pl.preFilter(new CycleState(), pod);
    expect(r).toBeInstanceOf(PreFilterResult);
    expect([...(r as PreFilterResult).nodeNames]).toEqual(['hdd']);
  });
});

describe('NodeAffinity Score', () => {
  it('sums preferred weights and normalizes by the best node', () => {
    const pod = makePod('p', { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } }] } } } });
    expect(runScore(pl, pod, [ssd, hdd])).toEqual([100, 25]);
  });
  it('skips pods without preferences', () => {
    expect(runScore(pl, makePod('p'), [ssd, hdd])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../../api';
import { makeNode, makePod, nodeInfoOf, runFilter, runScore } from '../../framework';
import { TaintToleration } from './taint-toleration';

const pl = new TaintToleration();
const withTols = (tolerations: Toleration[]) => makePod('p', { spec: { tolerations } });

describe('TaintToleration Filter', () => {
  const cases: { name: string; taints: Taint[]; tolerations: Toleration[]; want?: string }[] = [
    { name: 'no taints', taints: [], tolerations: [] },
    { name: 'an untolerated NoSchedule taint (empty value prints as nothing)', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      tolerations: [], want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
    { name: 'key and value shown', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }], tolerations: [],
      want: 'node(s) had untolerated taint {dedicated: gpu}' },
    { name: 'PreferNoSchedule does not filter', taints: [{ key: 'a', effect: 'PreferNoSchedule' }], tolerations: [] },
    { name: 'Exists tolerates any value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [{ key: 'dedicated', operator: 'Exists' }] },
    { name: 'Equal needs the same value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], want: 'node(s) had untolerated taint {dedicated: gpu}' },
    { name: 'an empty key with Exists tolerates everything', taints: [{ key: 'x', effect: 'NoSchedule' }], tolerations: [{ operator: 'Exists' }] },
    { name: 'the effect must match when given', taints: [{ key: 'x', effect: 'NoExecute' }],
      tolerations: [{ key: 'x', operator: 'Exists', effect: 'NoSchedule' }], want: 'node(s) had untolerated taint {x: }' },
    { name: 'the first untolerated taint is reported', taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }],
      tolerations: [{ key: 'a', operator: 'Exists' }], want: 'node(s) had untolerated taint {b: }' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = runFilter(pl, withTols(c.tolerations), nodeInfoOf(makeNode('n', { taints: c.taints })));
      expect(s?.reasons[0]).toBe(c.want);
      if (s) expect(s.code).toBe(3);
    });
  }
});

describe('TaintToleration Score', () => {
  it('fewer intolerable PreferNoSchedule taints score higher (reversed, normalized)', () => {
    const nodes = [
      nodeInfoOf(makeNode('none')),
      nodeInfoOf(makeNode('one', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] })),
      nodeInfoOf(makeNode('two', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }] })),
      nodeInfoOf(makeNode('tolerated', { taints: [{ key: 't', effect: 'PreferNoSchedule' }] })),
    ];
    expect(runScore(pl, withTols([{ key: 't', operator: 'Exists', effect: 'PreferNoSchedule' }]), nodes)).toEqual([100, 50, 0, 100]);
  });
  it('no taints anywhere: all 100', () => {
    expect(runScore(pl, withTols([]), [nodeInfoOf(makeNode('a')), nodeInfoOf(makeNode('b'))])).toEqual([100, 100]);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api';
import { fakeHandle, makeNode, makePod, nodeInfoOf, runFilter, runScore, type NodeInfo } from '../../framework';
import { PodTopologySpread } from './plugin';

const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });
const web = (name: string, nodeName?: string) => makePod(name, { labels: { app: 'web' }, nodeName });
const hard = (maxSkew: number, topologyKey: string) => ({ spec: { topologySpreadConstraints: [{ maxSkew, topologyKey,
  whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] } });

function pts(nodes: NodeInfo[], objects: Record<string, KubeObject[]> = {}) {
  return new PodTopologySpread(fakeHandle({ nodes, objects }));
}

describe('PodTopologySpread Filter (DoNotSchedule)', () => {
  // zone a: n1 (2 web pods), n2 (0); zone b: n3 (0)
  const n1 = nodeInfoOf(makeNode('n1', { labels: zone('a') }), [web('w1', 'n1'), web('w2', 'n1')]);
  const n2 = nodeInfoOf(makeNode('n2', { labels: zone('a') }));
  const n3 = nodeInfoOf(makeNode('n3', { labels: zone('b') }));
  const nolabel = nodeInfoOf(makeNode('n4'));
  const all = [n1, n2, n3, nolabel];

  const cases: { name: string; maxSkew: number; key: string; node: NodeInfo; want?: string }[] = [
    { name: 'zone a has 2, b has 0: adding to a makes skew 3 > 1', maxSkew: 1, key: 'topology.kubernetes.io/zone', node: n2,
      want: "node(s) didn't match pod topology spread constraints" },
    { name: 'zone b is fine', maxSkew: 1, key: 'topology.kubernetes.io/zone', node: n3 },
    { name: 'maxSkew 3 allows zone a', maxSkew: 3, key: 'topology.kubernetes.io/zone', node: n2 },
    { name: 'a node without the key never fits', maxSkew: 1, key: 'topology.kubernetes.io/zone', node: nolabel,
      want: "node(s) didn't match pod topology spread constraints (missing required label)" },
    { name: 'hostname: the node with 2 is out, an empty one fits', maxSkew: 1, key: 'kubernetes.io/hostname', node: n1,
      want: "node(s) didn't match pod topology spread constraints" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = runFilter(pts(all), makePod('new', { labels: { app: 'web' }, ...hard(c.maxSkew, c.key) }), c.node, all);
      expect(s?.message()).toBe(c.want);
    });
  }
});

describe('PodTopologySpread Score', () => {
  it('system defaults spread the pods of a ReplicaSet by hostname', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } } } };
    const owner = { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u', controller: true }] };
    const mk = (name: string, nodeName?: string) => { const p = web(name, nodeName); p.metadata = { ...p.metadata, ...owner }; return p; };
    const a = nodeInfoOf(makeNode('a'), [mk('x', 'a'), mk('y', 'a')]);
    const b = nodeInfoOf(makeNode('b'), [mk('z', 'b')]);
    const c = nodeInfoOf(makeNode('c'));
    const pl = pts([a, b, c], { replicasets: [rs] });
    // raw: cnt × log(3+2) + (3−1): a 2·1.609+2 = 5.2 → 5, b 3.6 → 4, c 2 → 2; normalized 100·(5+2−s)/5
    expect(runScore(pl, mk('new'), [a, b, c])).toEqual([40, 60, 100]);
  });
  it('a bare pod with no Service has no default selector: skipped', () => {
    expect(runScore(pts([nodeInfoOf(makeNode('a'))]), web('new'), [nodeInfoOf(makeNode('a'))])).toBeUndefined();
  });
});

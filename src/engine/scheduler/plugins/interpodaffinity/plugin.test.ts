import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api';
import { fakeHandle, makeNode, makePod, nodeInfoOf, runFilter, runScore } from '../../framework';
import { InterPodAffinity } from './plugin';

const term = (app: string, topologyKey = 'kubernetes.io/hostname') => ({ labelSelector: { matchLabels: { app } }, topologyKey });
const withAffinity = (name: string, a: NonNullable<Pod['spec']>['affinity'], labels?: Record<string, string>, nodeName?: string) =>
  makePod(name, { labels, nodeName, spec: { affinity: a } });

describe('InterPodAffinity Filter', () => {
  const db = makePod('db', { labels: { app: 'db' }, nodeName: 'n1' });
  const n1 = nodeInfoOf(makeNode('n1', { labels: { zone: 'a' } }), [db]);
  const n2 = nodeInfoOf(makeNode('n2', { labels: { zone: 'a' } }));
  const n3 = nodeInfoOf(makeNode('n3', { labels: { zone: 'b' } }));
  const nodes = [n1, n2, n3];
  const pl = () => new InterPodAffinity(fakeHandle({ nodes }));

  it('required affinity: only the domain with a matching pod', () => {
    const p = withAffinity('p', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', 'zone')] } });
    expect(nodes.map((n) => runFilter(pl(), p, n, nodes)?.message())).toEqual([undefined, undefined, "node(s) didn't match pod affinity rules"]);
  });
  it('required anti-affinity: not next to a matching pod', () => {
    const p = withAffinity('p', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } });
    expect(nodes.map((n) => runFilter(pl(), p, n, nodes)?.message())).toEqual(["node(s) didn't match pod anti-affinity rules", undefined, undefined]);
  });
  it("existing pods' anti-affinity keeps the new pod out of their domain", () => {
    const lonely = withAffinity('lonely', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', 'zone')] } }, { app: 'x' }, 'n3');
    const m3 = nodeInfoOf(makeNode('n3', { labels: { zone: 'b' } }), [lonely]);
    const ns = [n1, n2, m3];
    const p = makePod('web', { labels: { app: 'web' } });
    const ipa = new InterPodAffinity(fakeHandle({ nodes: ns }));
    expect(ns.map((n) => runFilter(ipa, p, n, ns)?.message())).toEqual([undefined, undefined, "node(s) didn't satisfy existing pods anti-affinity rules"]);
  });
  it('the first pod of a self-affine group may go anywhere', () => {
    const p = withAffinity('p', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] } }, { app: 'cache' });
    expect(runFilter(pl(), p, n3, nodes)).toBeUndefined();
  });
});

describe('InterPodAffinity Score', () => {
  it('preferred affinity towards db pods, min-max normalized', () => {
    const n1 = nodeInfoOf(makeNode('n1', { labels: { zone: 'a' } }), [makePod('db', { labels: { app: 'db' }, nodeName: 'n1' })]);
    const n2 = nodeInfoOf(makeNode('n2', { labels: { zone: 'a' } }));
    const n3 = nodeInfoOf(makeNode('n3', { labels: { zone: 'b' } }));
    const p = withAffinity('p', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db', 'zone') }] } });
    expect(runScore(new InterPodAffinity(fakeHandle({ nodes: [n1, n2, n3] })), p, [n1, n2, n3])).toEqual([100, 100, 0]);
  });
});

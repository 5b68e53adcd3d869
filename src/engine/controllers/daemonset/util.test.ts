import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod, Taint } from '../../api';
import { createPodTemplate, getTargetNodeName, nodeShouldRunDaemonPod, replaceNodeNameNodeAffinity, surgeCount, unavailableCount } from './util';
import { findUpdatedPodsOnNode, planRollingUpdate } from './update';

const ds = (spec: Partial<NonNullable<DaemonSet['spec']>['template']['spec']> = {}, extra: Partial<DaemonSet['spec']> = {}): DaemonSet => ({
  metadata: { name: 'fluentd', namespace: 'default', annotations: { 'deprecated.daemonset.template.generation': '2' } },
  spec: { selector: { matchLabels: { name: 'fluentd' } },
    template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'f', image: 'f' }], ...spec } }, ...extra } as DaemonSet['spec'],
});
const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node =>
  ({ metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } });

describe('nodeShouldRunDaemonPod', () => {
  const cases: { name: string; ds: DaemonSet; node: Node; want: [boolean, boolean] }[] = [
    { name: 'a plain node', ds: ds(), node: node('a'), want: [true, true] },
    { name: 'nodeSelector mismatch', ds: ds({ nodeSelector: { disk: 'ssd' } }), node: node('a'), want: [false, false] },
    { name: 'nodeSelector match', ds: ds({ nodeSelector: { disk: 'ssd' } }), node: node('a', { disk: 'ssd' }), want: [true, true] },
    { name: 'required affinity NotIn', ds: ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['a'] }] }] } } } }), node: node('a'), want: [false, false] },
    { name: 'untolerated NoSchedule: not started, keeps running', ds: ds(), node: node('a', {}, [{ key: 'gpu', effect: 'NoSchedule' }]), want: [false, true] },
    { name: 'untolerated NoExecute: neither', ds: ds(), node: node('a', {}, [{ key: 'gpu', effect: 'NoExecute' }]), want: [false, false] },
    { name: 'cordoned and unreachable are tolerated', ds: ds(), node: node('a', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), want: [true, true] },
    { name: 'network-unavailable only for host network pods', ds: ds({ hostNetwork: true }),
      node: node('a', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), want: [true, true] },
    { name: 'spec.nodeName pins another node', ds: ds({ nodeName: 'b' }), node: node('a'), want: [false, false] },
  ];
  for (const c of cases) it(c.name, () => expect(nodeShouldRunDaemonPod(c.node, c.ds)).toEqual(c.want));
});

describe('pod template', () => {
  it('adds generation and hash labels and the daemon tolerations', () => {
    const t = createPodTemplate(ds().spec!.template, 2, 'abc');
    expect(t.metadata!.labels).toEqual({ name: 'fluentd', 'pod-template-generation': '2', 'controller-revision-hash': 'abc' });
    expect(t.spec!.tolerations!.length).toBe(6);
  });
  it('pins the pod to its node through node affinity, replacing required terms', () => {
    const a = replaceNodeNameNodeAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: 'x', operator: 'Exists' }] }] } } }, 'n1');
    expect(a.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution).toEqual(
      { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] });
    expect(getTargetNodeName({ spec: { containers: [], affinity: a } })).toBe('n1');
  });
  it('rolling update counts round up', () => {
    const d = ds({}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } });
    expect([unavailableCount(d, 15), surgeCount(d, 15)]).toEqual([2, 0]);
  });
});

describe('planRollingUpdate', () => {
  const T0 = Date.UTC(2025, 0, 15, 9);
  const pod = (name: string, hash: string, ready = true): Pod => ({ metadata: { name, labels: { 'controller-revision-hash': hash } },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-01-15T08:00:00Z' }] } });
  const nodes = ['a', 'b', 'c'].map((n) => node(n));
  it('without surge deletes up to maxUnavailable old pods, unavailable ones first', () => {
    const d = ds({}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } });
    const byNode = new Map([['a', [pod('pa', 'old')]], ['b', [pod('pb', 'old', false)]], ['c', [pod('pc', 'old')]]]);
    expect(planRollingUpdate(d, nodes, byNode, 'new', T0, () => undefined)).toEqual({ oldPodsToDelete: ['pb'], newNodesToCreate: [] });
  });
  it('with surge starts new pods beside available old ones, then deletes the old ones', () => {
    const d = ds({}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    const start = new Map([['a', [pod('pa', 'old')]], ['b', [pod('pb', 'old')]], ['c', [pod('pc', 'old')]]]);
    expect(planRollingUpdate(d, nodes, start, 'new', T0, () => undefined)).toEqual({ oldPodsToDelete: [], newNodesToCreate: ['a'] });
    const surged = new Map([['a', [pod('pa', 'old'), pod('pa2', 'new')]], ['b', [pod('pb', 'old')]], ['c', [pod('pc', 'old')]]]);
    expect(planRollingUpdate(d, nodes, surged, 'new', T0, () => undefined)).toEqual({ oldPodsToDelete: ['pa'], newNodesToCreate: ['b'] });
  });
  it('findUpdatedPodsOnNode refuses two pods of one kind', () => {
    expect(findUpdatedPodsOnNode(ds(), [pod('x', 'new'), pod('y', 'new')], 'new').ok).toBe(false);
  });
});

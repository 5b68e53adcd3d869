import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api';
import { rfc3339 } from '../../clock';
import { logarithmicRankDiff, podDeletionCost, podDeletionLess, sortPodsForDeletion, type RankedPod } from './active-pods';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const ago = (s: number) => rfc3339(NOW - s * 1000);

interface PodOpts {
  name: string;
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  restarts?: number;
  created?: number;
  cost?: string;
  uid?: string;
}

function pod(o: PodOpts): Pod {
  return {
    metadata: { name: o.name, namespace: 'default', uid: o.uid ?? o.name, creationTimestamp: ago(o.created ?? 1000),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}) },
    spec: { nodeName: o.node, containers: [] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready === undefined ? [] : [{ type: 'Ready', status: o.ready ? 'True' : 'False',
        lastTransitionTime: ago(o.readySince ?? 500) }],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, ready: !!o.ready, image: 'x', imageID: '' }],
    },
  } as Pod;
}

const r = (p: Pod, rank = 0): RankedPod => ({ pod: p, rank });

describe('podDeletionLess (ActivePodsWithRanks.Less)', () => {
  const cases: { name: string; first: RankedPod; second: RankedPod }[] = [
    { name: 'unassigned before assigned', first: r(pod({ name: 'a', phase: 'Pending' })), second: r(pod({ name: 'b', node: 'n1', phase: 'Pending' })) },
    { name: 'pending before unknown', first: r(pod({ name: 'a', node: 'n', phase: 'Pending' })), second: r(pod({ name: 'b', node: 'n', phase: 'Unknown' })) },
    { name: 'unknown before running', first: r(pod({ name: 'a', node: 'n', phase: 'Unknown' })), second: r(pod({ name: 'b', node: 'n', phase: 'Running' })) },
    { name: 'not ready before ready', first: r(pod({ name: 'a', node: 'n', ready: false })), second: r(pod({ name: 'b', node: 'n', ready: true })) },
    { name: 'lower deletion cost first', first: r(pod({ name: 'a', node: 'n', ready: true, cost: '-10' })), second: r(pod({ name: 'b', node: 'n', ready: true, cost: '5' })) },
    { name: 'doubled up before alone', first: r(pod({ name: 'a', node: 'n', ready: true }), 3), second: r(pod({ name: 'b', node: 'm', ready: true }), 1) },
    { name: 'ready for less time first (different log2 buckets)', first: r(pod({ name: 'a', node: 'n', ready: true, readySince: 10 })),
      second: r(pod({ name: 'b', node: 'n', ready: true, readySince: 1000 })) },
    { name: 'same log2 bucket of ready time: smaller UID first', first: r(pod({ name: 'z', uid: 'aaa', node: 'n', ready: true, readySince: 10 })),
      second: r(pod({ name: 'y', uid: 'bbb', node: 'n', ready: true, readySince: 12 })) },
    { name: 'more restarts first', first: r(pod({ name: 'a', node: 'n', ready: true, restarts: 3 })), second: r(pod({ name: 'b', node: 'n', ready: true, restarts: 1 })) },
    { name: 'newer first (different buckets)', first: r(pod({ name: 'a', node: 'n', created: 20 })), second: r(pod({ name: 'b', node: 'n', created: 2000 })) },
    { name: 'same creation bucket: smaller UID first', first: r(pod({ name: 'b', uid: '1', node: 'n', created: 20 })),
      second: r(pod({ name: 'a', uid: '2', node: 'n', created: 25 })) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(podDeletionLess(c.first, c.second, NOW)).toBe(true);
      expect(podDeletionLess(c.second, c.first, NOW)).toBe(false);
    });
  }

  it('equal pods are not less either way', () => {
    const a = r(pod({ name: 'a', node: 'n', ready: true }));
    expect(podDeletionLess(a, a, NOW)).toBe(false);
  });

  it('sorts a mixed set with the upstream priorities', () => {
    const pods = [
      r(pod({ name: 'running-ready-old', node: 'n1', ready: true, readySince: 5000, created: 6000 })),
      r(pod({ name: 'pending-unassigned', phase: 'Pending' })),
      r(pod({ name: 'running-not-ready', node: 'n1', ready: false })),
      r(pod({ name: 'pending-assigned', node: 'n2', phase: 'Pending' })),
      r(pod({ name: 'running-ready-new', node: 'n1', ready: true, readySince: 5, created: 8 })),
    ];
    expect(sortPodsForDeletion(pods, NOW).map((p) => p.pod.metadata!.name)).toEqual([
      'pending-unassigned', 'pending-assigned', 'running-not-ready', 'running-ready-new', 'running-ready-old']);
  });
});

describe('logarithmicRankDiff', () => {
  it('buckets ages by powers of two of nanoseconds', () => {
    expect(logarithmicRankDiff(NOW - 10_000, NOW - 12_000, NOW)).toBe(0);
    expect(logarithmicRankDiff(NOW - 10_000, NOW - 20_000, NOW)).toBe(-1);
    expect(logarithmicRankDiff(NOW, NOW - 1, NOW)).toBe(-1 - 19);
  });
});

describe('podDeletionCost', () => {
  const cases = [
    { name: 'absent', value: undefined, want: 0 },
    { name: 'positive', value: '100', want: 100 },
    { name: 'negative', value: '-5', want: -5 },
    { name: 'not a number', value: 'abc', want: 0 },
    { name: 'out of int32 range', value: '3000000000', want: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => expect(podDeletionCost(pod({ name: 'p', cost: c.value }))).toBe(c.want));
  }
});

import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import { SimClock, rfc3339 } from '../../clock';
import { FakePodControl } from '../shared';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { ReplicaSetController } from './replica-set';
import { slowStartBatch } from './manage-replicas';

const T0 = Date.UTC(2025, 0, 15, 9);

function newRS(replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', generation: 1, resourceVersion: '10' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, ...extra },
    status: { replicas: 0 },
  };
}

interface PodOpts { phase?: string; ready?: boolean; readyAgo?: number; node?: string; owner?: string | null; labels?: Record<string, string>; deleting?: boolean; createdAgo?: number }

function newPod(name: string, o: PodOpts = {}): Pod {
  const owner = o.owner === undefined ? 'rs-uid' : o.owner;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: o.labels ?? { app: 'web' }, resourceVersion: '1',
      creationTimestamp: rfc3339(T0 - (o.createdAgo ?? 100) * 1000),
      ...(o.deleting ? { deletionTimestamp: rfc3339(T0) } : {}),
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner, controller: true, blockOwnerDeletion: true }] } : {}) },
    spec: { nodeName: o.node ?? 'node-1', containers: [] },
    status: { phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: rfc3339(T0 - (o.readyAgo ?? 50) * 1000) }] },
  } as Pod;
}

function setup(rs: ReplicaSet, pods: Pod[], burstReplicas?: number) {
  const api = new FakeApi().seed(R.replicasets, rs).seed(R.pods, ...pods);
  const client = fakeClient(api);
  const clock = new SimClock({ start: T0 });
  const podControl = new FakePodControl();
  const c = new ReplicaSetController({ rs: seededInformer(client, R.replicasets, [rs]), pods: seededInformer(client, R.pods, pods),
    client, podControl, clock, burstReplicas });
  return { api, c, podControl, clock };
}

const statusWrites = (api: FakeApi) => api.actions.filter((a) => a.resource === 'replicasets' && a.subresource === 'status')
  .map((a) => (a.body as ReplicaSet).status);

describe('ReplicaSetController.sync', () => {
  it('creates the missing pods in slow-start batches and expects them', () => {
    const { api, c, podControl } = setup(newRS(7), []);
    c.sync('default/web');
    expect(podControl.createCallCount).toBe(7);
    expect(podControl.controllerRefs[0]).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true });
    expect(c.expectations.get('default/web')).toEqual({ add: 7, del: 0 });
    expect(statusWrites(api)).toEqual([{ replicas: 0, observedGeneration: 1 }]);
  });

  it('waits while expectations are pending, then acts again once they are observed', () => {
    const { c, podControl } = setup(newRS(3), []);
    c.sync('default/web');
    podControl.clear();
    c.sync('default/web');
    expect(podControl.createCallCount).toBe(0);
    for (let i = 0; i < 3; i++) c.expectations.creationObserved('default/web');
    c.sync('default/web');
    expect(podControl.createCallCount).toBe(3); // the pods never reached the (unstarted) informer
  });

  it('creates at most burstReplicas pods per sync', () => {
    const { podControl, c } = setup(newRS(600), []);
    c.sync('default/web');
    expect(podControl.createCallCount).toBe(500);
  });

  it('skips the batches after a failing one, forgets their expectations and reports ReplicaFailure', () => {
    const { api, c, podControl } = setup(newRS(10), []);
    podControl.createLimit = 4; // batches 1, 2 succeed; the batch of 4 has one success, three failures
    expect(() => c.sync('default/web')).toThrow('not creating pod, limit 4 already reached (create call 5)');
    expect(podControl.createCallCount).toBe(7);
    expect(c.expectations.get('default/web')).toEqual({ add: 4, del: 0 });
    const [st] = statusWrites(api);
    expect(st!.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(T0), reason: 'FailedCreate',
      message: 'not creating pod, limit 4 already reached (create call 5)' }]);
  });

  it('deletes the extra pods, the least valuable first', () => {
    const pods = [
      newPod('ready-old', { readyAgo: 5000, createdAgo: 6000 }),
      newPod('pending', { phase: 'Pending', ready: false }),
      newPod('not-ready', { ready: false }),
      newPod('ready-new', { readyAgo: 5, createdAgo: 10 }),
    ];
    const { c, podControl } = setup(newRS(2), pods);
    c.sync('default/web');
    expect(podControl.deletePodNames).toEqual(['pending', 'not-ready']);
    expect(c.expectations.get('default/web')).toEqual({ add: 0, del: 2 });
  });

  it('ignores inactive pods and pods of other controllers', () => {
    const pods = [newPod('a'), newPod('done', { phase: 'Succeeded' }), newPod('going', { deleting: true }), newPod('theirs', { owner: 'other' })];
    const { api, c, podControl } = setup(newRS(1), pods);
    c.sync('default/web');
    expect(podControl.createCallCount + podControl.deletePodNames.length).toBe(0);
    expect(statusWrites(api)).toEqual([{ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 }]);
  });

  it('adopts matching orphans and releases pods that stopped matching', () => {
    const pods = [newPod('orphan', { owner: null }), newPod('relabelled', { labels: { app: 'other' } })];
    const { api, c, podControl } = setup(newRS(1), pods);
    c.sync('default/web');
    expect(podControl.patches.map((p) => p.name)).toEqual(['orphan', 'relabelled']);
    expect(api.actions.filter((a) => a.verb === 'get' && a.resource === 'replicasets')).toHaveLength(1); // canAdopt recheck
    expect(podControl.createCallCount).toBe(0);
  });

  it('counts availability with minReadySeconds and resyncs when it will change', () => {
    const pods = [newPod('a', { readyAgo: 100 }), newPod('b', { readyAgo: 3 })];
    const { api, c, clock } = setup(newRS(2, { minReadySeconds: 10 }), pods);
    c.sync('default/web');
    expect(statusWrites(api)).toEqual([{ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 }]);
    const synced: string[] = [];
    c.syncHandler = (k) => void synced.push(k);
    clock.advance(9_999);
    expect(synced).toEqual([]);
    clock.advance(1);
    expect(synced).toEqual(['default/web']);
  });

  it('does not write an unchanged status', () => {
    const rs: ReplicaSet = { ...newRS(1), status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } };
    const { api, c } = setup(rs, [newPod('a')]);
    c.sync('default/web');
    expect(statusWrites(api)).toEqual([]);
  });

  it('forgets expectations of a deleted ReplicaSet', () => {
    const { c } = setup(newRS(1), []);
    c.expectations.expectCreations('default/gone', 3);
    c.sync('default/gone');
    expect(c.expectations.get('default/gone')).toBeUndefined();
  });
});

describe('slowStartBatch', () => {
  const cases = [
    { name: 'all succeed', count: 10, failAt: 0, want: { successes: 10, calls: 10 } },
    { name: 'first call fails', count: 10, failAt: 1, want: { successes: 0, calls: 1 } },
    { name: 'fails in the batch of 4: the whole batch runs', count: 10, failAt: 5, want: { successes: 6, calls: 7 } },
    { name: 'zero', count: 0, failAt: 0, want: { successes: 0, calls: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let calls = 0;
      const res = slowStartBatch(c.count, 1, () => {
        calls++;
        if (calls === c.failAt) throw new Error('boom');
      });
      expect({ successes: res.successes, calls }).toEqual(c.want);
    });
  }
});

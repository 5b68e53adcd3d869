import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from '../../api';
import { R } from '../../client';
import { SimClock, rfc3339 } from '../../clock';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { NamespaceController } from './namespace-controller';
import { NamespacedResourcesDeleter, ResourcesRemainingError } from './namespaced-resources-deleter';
import { NamespaceConditionUpdater } from './status-condition-utils';

const T0 = Date.UTC(2025, 0, 15, 9);
const terminating = (deletedAgoMs = 0): Namespace => ({ apiVersion: 'v1', kind: 'Namespace',
  metadata: { name: 'demo', uid: 'ns-uid', resourceVersion: '3', deletionTimestamp: rfc3339(T0 - deletedAgoMs) },
  spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } });
const pod = (name: string, grace = 30): Pod => ({ metadata: { name, namespace: 'demo' }, spec: { terminationGracePeriodSeconds: grace, containers: [] },
  status: { phase: 'Running' } });

describe('NamespaceConditionUpdater', () => {
  it('writes the five conditions in upstream order, the failing ones True', () => {
    const u = new NamespaceConditionUpdater(T0);
    u.processContentTotals({ gvrToNumRemaining: new Map([['pods.', 2], ['deployments.apps', 1]]),
      finalizersToNumRemaining: new Map([['example.com/x', 1]]) });
    u.processDeleteContentErr('b failed');
    u.processDeleteContentErr('a failed');
    const status = {};
    expect(u.update(status)).toBe(true);
    expect((status as Namespace['status'])!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'True', 'ContentDeletionFailed', 'Failed to delete all resource types, 2 remaining: a failed, b failed'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances'],
      ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', 'Some content in the namespace has finalizers remaining: example.com/x in 1 resource instances'],
    ]);
    expect(new NamespaceConditionUpdater(T0 + 5000).update(status)).toBe(true);
    expect(new NamespaceConditionUpdater(T0 + 9000).update(status)).toBe(false);
  });
});

describe('NamespacedResourcesDeleter', () => {
  it('deletes every collection with Background propagation, and waits for pods within their grace period', () => {
    const api = new FakeApi().seed(R.namespaces, terminating(1000)).seed(R.pods, pod('a'), pod('b', 10));
    const d = new NamespacedResourcesDeleter(fakeClient(api), () => T0);
    let err: unknown;
    try {
      d.delete('demo');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResourcesRemainingError);
    expect((err as Error).message).toBe('some content remains in the namespace, estimate 30 seconds before it is removed');
    const dc = api.actions.filter((a) => a.verb === 'deletecollection');
    expect(dc.map((a) => a.resource)).toContain('pods');
    expect(dc.map((a) => a.resource)).toContain('deployments');
    expect(dc.every((a) => (a.body as { propagationPolicy: string }).propagationPolicy === 'Background')).toBe(true);
    expect(api.actions.some((a) => a.subresource === 'finalize')).toBe(false);
  });

  it('finalizes an empty namespace and removes it', () => {
    const api = new FakeApi().seed(R.namespaces, terminating());
    new NamespacedResourcesDeleter(fakeClient(api), () => T0).delete('demo');
    const fin = api.actions.find((a) => a.subresource === 'finalize')!;
    expect((fin.body as Namespace).spec!.finalizers).toEqual([]);
    expect(api.verbs().slice(-2)).toEqual(['update namespaces/finalize', 'delete namespaces']);
  });

  it('reports items that cannot be deleted', () => {
    const api = new FakeApi().seed(R.namespaces, terminating()).seed(R.configmaps, { metadata: { name: 'stuck', namespace: 'demo' } });
    expect(() => new NamespacedResourcesDeleter(fakeClient(api), () => T0).delete('demo'))
      .toThrow('unexpected items still remain in namespace: demo for gvr: { v1 configmaps}');
  });
});

describe('NamespaceController', () => {
  it('starts five seconds after it sees the deletion, then requeues after estimate/2 + 1 seconds', () => {
    const api = new FakeApi().seed(R.namespaces, terminating()).seed(R.pods, pod('a'));
    const client = fakeClient(api);
    const clock = new SimClock({ start: T0 });
    const ns = seededInformer<Namespace>(client, R.namespaces, [terminating()]);
    const c = new NamespaceController({ namespaces: ns, client, clock });
    const synced: number[] = [];
    const orig = c.sync.bind(c);
    c.sync = (k) => {
      synced.push(clock.now() - T0);
      orig(k);
    };
    (c.queue as unknown as { opts: { process: (k: string) => void } }).opts.process = (k) => c.sync(k);
    c.queue.addAfter('demo', 5000);
    clock.advance(5000);
    expect(synced).toEqual([5000]);
    clock.advance(16_000);
    expect(synced).toEqual([5000, 21_000]);
  });
});

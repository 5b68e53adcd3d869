import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api';
import { labelSelectorAsSelector, newNotFound } from '../../api';
import { R } from '../../client';
import { ClaimError, ControllerRefManager, deleteOwnerRefPatch, ownerRefControllerPatch } from './controller-ref-manager';
import { FakeApi, fakeClient } from './testing';

const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-uid' },
  spec: { selector: { matchLabels: { app: 'web' } } } } as KubeObject;
const kind = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
const ref = (uid: string, name = 'web') => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid, controller: true, blockOwnerDeletion: true });

function pod(name: string, labels: Record<string, string>, owner?: string, extra: Partial<Pod['metadata']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, labels,
    ...(owner ? { ownerReferences: [ref(owner, owner === 'rs-uid' ? 'web' : 'other')] } : {}), ...extra }, spec: { containers: [] } };
}

function manager(api: FakeApi, controller: KubeObject = rs, canAdopt?: () => void) {
  const client = fakeClient(api);
  return new ControllerRefManager({ controller, selector: labelSelectorAsSelector({ matchLabels: { app: 'web' } }), controllerKind: kind,
    canAdopt, patch: (ns, name, p) => client.patch(R.pods, ns, name, 'application/strategic-merge-patch+json', p) });
}

describe('ControllerRefManager.claim (ClaimPods)', () => {
  const cases: { name: string; pod: Pod; claimed: boolean; patch?: unknown; controller?: KubeObject }[] = [
    { name: 'owned and matching: claimed, no patch', pod: pod('a', { app: 'web' }, 'rs-uid'), claimed: true },
    { name: 'owned by another controller: ignored', pod: pod('b', { app: 'web' }, 'other-uid'), claimed: false },
    { name: 'matching orphan: adopted', pod: pod('c', { app: 'web' }), claimed: true,
      patch: { metadata: { ownerReferences: [ref('rs-uid')], uid: 'uid-c' } } },
    { name: 'non-matching orphan: ignored', pod: pod('d', { app: 'db' }), claimed: false },
    { name: 'owned but no longer matching: released', pod: pod('e', { app: 'db' }, 'rs-uid'), claimed: false,
      patch: { metadata: { uid: 'uid-e', ownerReferences: [{ $patch: 'delete', uid: 'rs-uid' }] } } },
    { name: 'orphan being deleted: not adopted', pod: pod('f', { app: 'web' }, undefined, { deletionTimestamp: '2025-01-15T09:00:00Z' }), claimed: false },
    { name: 'controller being deleted: no adoption', pod: pod('g', { app: 'web' }), claimed: false,
      controller: { ...rs, metadata: { ...rs.metadata, deletionTimestamp: '2025-01-15T09:00:00Z' } } },
    { name: 'controller being deleted: still claims what it owns', pod: pod('h', { app: 'web' }, 'rs-uid'), claimed: true,
      controller: { ...rs, metadata: { ...rs.metadata, deletionTimestamp: '2025-01-15T09:00:00Z' } } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const api = new FakeApi().seed(R.pods, c.pod);
      const got = manager(api, c.controller).claim([c.pod]);
      expect(got.length === 1).toBe(c.claimed);
      const patches = api.actions.filter((a) => a.verb === 'patch');
      if (c.patch) {
        expect(patches).toHaveLength(1);
        expect(patches[0].patchType).toBe('application/strategic-merge-patch+json');
        expect(patches[0].body).toEqual(c.patch);
      } else expect(patches).toHaveLength(0);
    });
  }

  it('applies the adoption and release patches with strategic merge semantics', () => {
    const other = ref('keep', 'x');
    const p = pod('e', { app: 'db' }, 'rs-uid');
    p.metadata!.ownerReferences = [{ ...other, controller: false }, ref('rs-uid')];
    const api = new FakeApi().seed(R.pods, p, pod('c', { app: 'web' }));
    manager(api).claim([p, pod('c', { app: 'web' })]);
    expect(api.get(R.pods, 'default', 'e')!.metadata!.ownerReferences).toEqual([{ ...other, controller: false }]);
    expect(api.get(R.pods, 'default', 'c')!.metadata!.ownerReferences).toEqual([ref('rs-uid')]);
  });

  it('checks canAdopt once and reports every failure in one aggregate error', () => {
    let calls = 0;
    const api = new FakeApi().seed(R.pods, pod('x', { app: 'web' }), pod('y', { app: 'web' }));
    const m = manager(api, rs, () => {
      calls++;
      throw new Error('default/web has just been deleted at 2025-01-15T09:00:00Z');
    });
    let err: unknown;
    try {
      m.claim([pod('x', { app: 'web' }), pod('y', { app: 'web' })]);
    } catch (e) {
      err = e;
    }
    expect(calls).toBe(1);
    expect(err).toBeInstanceOf(ClaimError);
    expect((err as Error).message).toBe("[can't adopt Pod default/x (uid-x): default/web has just been deleted at 2025-01-15T09:00:00Z, "
      + "can't adopt Pod default/y (uid-y): default/web has just been deleted at 2025-01-15T09:00:00Z]");
  });

  it('treats NotFound on adoption as "not claimed" without error', () => {
    const api = new FakeApi();
    api.reactors.push((req) => (req.verb === 'patch' ? { code: 404, body: newNotFound({ group: '', resource: 'pods' }, 'z').status } : undefined));
    expect(manager(api).claim([pod('z', { app: 'web' })])).toEqual([]);
  });
});

describe('patch bodies', () => {
  it('ownerRefControllerPatch carries finalizers when given', () => {
    expect(ownerRefControllerPatch(rs, kind, 'u', ['batch.kubernetes.io/job-tracking'])).toEqual({ metadata: {
      ownerReferences: [ref('rs-uid')], uid: 'u', finalizers: ['batch.kubernetes.io/job-tracking'] } });
  });
  it('deleteOwnerRefPatch removes finalizers with the primitive-list directive', () => {
    expect(deleteOwnerRefPatch('u', ['o1', 'o2'], ['f'])).toEqual({ metadata: { uid: 'u',
      ownerReferences: [{ $patch: 'delete', uid: 'o1' }, { $patch: 'delete', uid: 'o2' }], '$deleteFromPrimitiveList/finalizers': ['f'] } });
  });
});

// A create's managed fields taken from the shape cache are those the full computation gives: each
// case creates `first`, then `second` (answered from the cache when the shapes match), and compares
// the second's entries with a fresh computation.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { updateManagedFields } from './field-manager';
import { createShapeKey, forgetCreateOutcomes } from './create-cache';
import { emptyObjectFor } from './empty-object';

const opts = { manager: 'kubelet', time: '2024-05-01T10:00:00Z', apiVersion: 'v1' };

function event(extra: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled', message: 'Successfully pulled', source: { component: 'kubelet', host: 'node-1' }, count: 1,
    firstTimestamp: '2024-05-01T10:00:00Z', lastTimestamp: '2024-05-01T10:00:00Z', type: 'Normal', ...extra } as KubeObject;
}

function pod(containers: unknown[], labels: Record<string, string> = { app: 'web' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-', namespace: 'default', labels,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u-rs', controller: true, blockOwnerDeletion: true }] },
  spec: { containers } } as KubeObject;
}

const nginx = { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] };

const cases: { name: string; first: KubeObject; second: KubeObject; sameShape: boolean }[] = [
  { name: 'events differing in scalar values share a shape', first: event({}), second: event({ message: 'other', count: 7, reason: 'Started' }), sameShape: true },
  { name: 'an event with an extra field has its own shape', first: event({}), second: event({ reportingComponent: 'kubelet' }), sameShape: false },
  { name: 'a null field is not a scalar', first: event({}), second: event({ eventTime: null }), sameShape: false },
  { name: 'an empty object is not a missing one', first: event({}), second: event({ source: {} }), sameShape: false },
  { name: 'pods of one template share a shape', first: pod([nginx]), second: pod([{ ...nginx }]), sameShape: true },
  { name: 'list keys are part of the shape', first: pod([nginx]), second: pod([{ ...nginx, name: 'web' }]), sameShape: false },
  { name: 'values inside lists are part of the shape', first: pod([nginx]), second: pod([{ ...nginx, image: 'nginx:1.28' }]), sameShape: false },
  { name: 'label keys are part of the shape, not their values', first: pod([nginx]), second: pod([nginx], { app: 'db' }), sameShape: true },
  { name: 'other label keys make another shape', first: pod([nginx]), second: pod([nginx], { tier: 'web' }), sameShape: false },
];

describe('create shape cache', () => {
  it.each(cases)('$name', ({ first, second, sameShape }) => {
    const key = (o: KubeObject) => createShapeKey('m', o, emptyObjectFor('v1', o.kind));
    expect(key(first) === key(second)).toBe(sameShape);
    forgetCreateOutcomes();
    const fresh = updateManagedFields(undefined, structuredClone(second), opts);
    forgetCreateOutcomes();
    updateManagedFields(undefined, structuredClone(first), opts);
    const cached = updateManagedFields(undefined, structuredClone(second), opts);
    expect(cached).toEqual(fresh);
    expect(cached?.[0].fieldsV1).toBeDefined();
  });

  it('a shape beyond the key limit is not cached', () => {
    const big = event({ message: 'x' }) as KubeObject & { related?: unknown };
    (big.metadata as Record<string, unknown>).labels = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`label-${i}`, 'v']));
    expect(createShapeKey('m', big, emptyObjectFor('v1', 'Event'))).toBeUndefined();
  });
});

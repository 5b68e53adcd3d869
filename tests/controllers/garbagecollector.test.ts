import { describe, expect, it } from 'vitest';
import type { ConfigMap, Deployment, Pod, ReplicaSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { TestCluster, deployment } from './harness';

function withDeployment(seed: number) {
  const c = new TestCluster({ seed });
  c.create(R.deployments, deployment('web', 2));
  c.advance(10_000);
  return c;
}

describe('garbage collector', () => {
  it('background: the owner goes at once, then its ReplicaSet, then its pods', () => {
    const c = withDeployment(1);
    c.client.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Background' });
    expect(c.get(R.deployments, 'default', 'web')).toBeUndefined();
    c.advance(1);
    expect(c.list(R.replicasets, 'default')).toHaveLength(0);
    const pods = c.list<Pod>(R.pods, 'default');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata!.deletionTimestamp).toBeDefined();
    c.advance(5_000);
    expect(c.list(R.pods, 'default')).toHaveLength(0);
  });

  it('foreground: the owner keeps foregroundDeletion until its blocking dependents are gone', () => {
    const c = withDeployment(2);
    c.client.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Foreground' });
    c.advance(1);
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    expect(d.metadata!.deletionTimestamp).toBeDefined();
    expect(d.metadata!.finalizers).toEqual(['foregroundDeletion']);
    const [rs] = c.list<ReplicaSet>(R.replicasets, 'default');
    expect(rs.metadata!.finalizers).toEqual(['foregroundDeletion']);
    c.advance(500);
    expect(c.get(R.deployments, 'default', 'web')).toBeDefined();
    c.until(() => c.get(R.deployments, 'default', 'web') === undefined, 60_000, 100);
    expect(c.list(R.replicasets, 'default')).toHaveLength(0);
    expect(c.list(R.pods, 'default')).toHaveLength(0);
  });

  it('orphan: dependents lose their ownerReference, then the owner is removed', () => {
    const c = withDeployment(3);
    const [rs] = c.list<ReplicaSet>(R.replicasets, 'default');
    c.client.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Orphan' });
    c.advance(1_000);
    expect(c.get(R.deployments, 'default', 'web')).toBeUndefined();
    const after = c.get<ReplicaSet>(R.replicasets, 'default', rs.metadata!.name!)!;
    // Deviation (API server): the emptied list is stored as [] where Go's omitempty would drop it.
    expect(after.metadata!.ownerReferences ?? []).toEqual([]);
    expect(c.list(R.pods, 'default')).toHaveLength(2);
    c.advance(10_000);
    expect(c.list(R.pods, 'default')).toHaveLength(2);
  });

  it('deletes a dependent whose owner never existed (dangling reference)', () => {
    const c = new TestCluster({ seed: 4 });
    c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', namespace: 'default',
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'parent', uid: '00000000-0000-4000-8000-000000000000' }] }, data: { a: 'b' } } as ConfigMap);
    c.advance(100);
    expect(c.get(R.configmaps, 'default', 'child')).toBeUndefined();
  });

  it('keeps a dependent with one live owner, dropping the reference to the missing one', () => {
    const c = new TestCluster({ seed: 5 });
    const parent = c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'parent', namespace: 'default' } } as ConfigMap);
    c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', namespace: 'default', ownerReferences: [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'parent', uid: parent.metadata!.uid! },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: '00000000-0000-4000-8000-000000000001' }] } } as ConfigMap);
    c.advance(100);
    const child = c.get<ConfigMap>(R.configmaps, 'default', 'child')!;
    expect(child.metadata!.ownerReferences!.map((r) => r.name)).toEqual(['parent']);
    c.client.delete(R.configmaps, 'default', 'parent');
    c.advance(100);
    expect(c.get(R.configmaps, 'default', 'child')).toBeUndefined();
  });
});

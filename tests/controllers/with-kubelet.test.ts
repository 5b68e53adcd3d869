// Controller scenarios on the real kubelets (the fake scheduler binds pods until the real one lands).
import { describe, expect, it } from 'vitest';
import type { Deployment, Namespace, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { TestCluster, deployment } from './harness';

const inDefault = (e: { involvedObject: { namespace?: string } }) => e.involvedObject.namespace === 'default';
const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

describe('with the real kubelet', () => {
  it('a Deployment of 3: controller events come first, then the kubelet starts each pod', () => {
    const c = new TestCluster({ seed: 11, fakeNodes: false, nodes: 2 });
    c.create(R.deployments, deployment('web', 3));
    c.until(() => (c.get<Deployment>(R.deployments, 'default', 'web')!.status?.availableReplicas ?? 0) === 3, 120_000, 500);
    const events = c.events(inDefault);
    const rsName = c.list(R.replicasets, 'default')[0].metadata!.name!;
    expect(events[0]).toBe(`Deployment/web Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rsName} from 0 to 3`);
    expect(events.slice(1, 4).every((e) => e.startsWith(`ReplicaSet/${rsName} Normal SuccessfulCreate replicaset-controller: Created pod: ${rsName}-`))).toBe(true);
    for (const p of c.list<Pod>(R.pods, 'default')) {
      const started = events.findIndex((e) => e === `Pod/${p.metadata!.name} Normal Started kubelet: Started container nginx`);
      expect(started).toBeGreaterThan(3);
    }
    const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
    expect(d.status!.conditions!.find((x) => x.type === 'Progressing')!.reason).toBe('NewReplicaSetAvailable');
  });

  it('rolls 10 replicas to nginx:1.26 within 8..13 pods', () => {
    const c = new TestCluster({ seed: 12, fakeNodes: false, nodes: 4 });
    c.create(R.deployments, deployment('web', 10));
    c.until(() => (c.get<Deployment>(R.deployments, 'default', 'web')!.status?.availableReplicas ?? 0) === 10, 120_000, 500);
    c.client.patch(R.deployments, 'default', 'web', 'application/strategic-merge-patch+json',
      { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    let minReady = Infinity;
    let maxActive = 0;
    c.until(() => {
      const pods = c.list<Pod>(R.pods, 'default').filter((p) => !p.metadata!.deletionTimestamp);
      minReady = Math.min(minReady, pods.filter(isReady).length);
      maxActive = Math.max(maxActive, pods.length);
      const d = c.get<Deployment>(R.deployments, 'default', 'web')!;
      return d.status!.updatedReplicas === 10 && d.status!.availableReplicas === 10 && (d.status!.replicas ?? 0) === 10;
    }, 300_000, 100);
    expect(minReady).toBeGreaterThanOrEqual(8);
    expect(maxActive).toBeLessThanOrEqual(13);
  });

  it('namespace deletion ends with the namespace gone', () => {
    const c = new TestCluster({ seed: 13, fakeNodes: false, nodes: 1 });
    c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } } as Namespace);
    const d = deployment('web', 2);
    c.create(R.deployments, { ...d, metadata: { ...d.metadata, namespace: 'demo' } });
    c.until(() => c.list<Pod>(R.pods, 'demo').filter(isReady).length === 2, 120_000, 500);
    c.client.delete(R.namespaces, undefined, 'demo');
    c.until(() => c.get(R.namespaces, undefined, 'demo') === undefined, 120_000, 500);
    expect(c.list(R.pods, 'demo')).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { TestCluster } from './harness';

const rs = (replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend', namespace: 'default', labels: { tier: 'frontend' } },
  spec: { replicas, selector: { matchLabels: { tier: 'frontend' } },
    template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php-redis', image: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5' }] } } },
});

describe('ReplicaSet scenario', () => {
  it('creates 3 pods, reports them ready, and replaces a deleted one', () => {
    const c = new TestCluster({ seed: 3 });
    c.create(R.replicasets, rs(3));
    c.advance(5000);
    const pods = c.list<Pod>(R.pods, 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata!.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const got = c.get<ReplicaSet>(R.replicasets, 'default', 'frontend')!;
    expect(got.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const created = c.events((e) => e.involvedObject.namespace === 'default' && e.reason === 'SuccessfulCreate');
    expect([...created].sort()).toEqual(pods.map((p) => `ReplicaSet/frontend Normal SuccessfulCreate replicaset-controller: Created pod: ${p.metadata!.name}`).sort());
    c.client.delete(R.pods, 'default', pods[0].metadata!.name!);
    c.advance(5000);
    const after = c.list<Pod>(R.pods, 'default');
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata!.name)).not.toContain(pods[0].metadata!.name);
  });
});

import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { WorkloadCluster } from './harness';

describe('pod garbage collector', () => {
  it('force-deletes the pods of a deleted node after 40 s, marking them Failed with DisruptionTarget', () => {
    const c = new WorkloadCluster({ nodes: 2 });
    c.advance(5000);
    c.create(R.deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } } as Deployment);
    c.until(() => c.list<Pod>(R.pods, 'default', 'app=web').filter((p) => p.status?.phase === 'Running').length === 2);
    const victim = c.list<Pod>(R.pods, 'default', 'app=web').find((p) => p.spec!.nodeName === 'minikube-m02')!.metadata!.name!;
    c.h.nodes.get('minikube-m02')!.stop();
    // Watch the pod's last state before it disappears.
    let last: Pod | undefined;
    c.client.watch(R.pods, 'default', {}, (ev) => {
      if ((ev.object as Pod).metadata?.name === victim) last = ev.object as Pod;
    });
    c.client.delete(R.nodes, undefined, 'minikube-m02');
    c.advance(39_000);
    expect(c.get(R.pods, 'default', victim)).toBeDefined();
    c.advance(2000);
    expect(c.get(R.pods, 'default', victim)).toBeUndefined();
    expect(last!.status?.phase).toBe('Failed');
    expect(last!.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject(
      { status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    c.until(() => c.list<Pod>(R.pods, 'default', 'app=web').filter((p) => p.status?.phase === 'Running').length === 2);
  });
});

import { describe, expect, it } from 'vitest';
import { applyBatches, applyFiles, applySnapshot, useCluster } from './cluster-store';
import { bootParams } from './boot-params';

const clock = { now: 1, speed: 1 as const, wallAt: 1, lagging: false };
const pod = (name: string, phase: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name }, status: { phase } });

describe('cluster store', () => {
  it('applies a snapshot, then batches, sharing untouched maps', () => {
    applySnapshot({ pods: [pod('a', 'Pending')], nodes: [{ metadata: { name: 'minikube' } }] }, clock);
    const nodesBefore = useCluster.getState().objects.nodes;
    applyBatches([
      { changes: [{ resource: 'pods', type: 'MODIFIED', object: pod('a', 'Running') }, { resource: 'pods', type: 'ADDED', object: pod('b', 'Pending') }], clock },
      { changes: [{ resource: 'pods', type: 'DELETED', object: pod('b', 'Pending') }], clock: { ...clock, now: 2 } },
    ]);
    const s = useCluster.getState();
    expect([...s.objects.pods.keys()]).toEqual(['default/a']);
    expect((s.objects.pods.get('default/a') as any).status.phase).toBe('Running');
    expect(s.objects.nodes).toBe(nodesBefore);
    expect(s.clock.now).toBe(2);
  });

  it('follows file changes', () => {
    applyFiles([{ path: '/home/learner/a.yaml', content: 'x' }], []);
    applyFiles([{ path: '/home/learner/b.yaml', content: 'y' }], ['/home/learner/a.yaml']);
    expect([...useCluster.getState().files.keys()]).toEqual(['/home/learner/b.yaml']);
  });
});

describe('bootParams', () => {
  const cases = [
    { name: 'defaults with a random seed', search: '', want: { seed: 50_000, nodes: 1, speed: 1 } },
    { name: 'seed, nodes and speed from the address', search: '?seed=42&nodes=3&speed=60', want: { seed: 42, nodes: 3, speed: 60 } },
    { name: 'nonsense falls back', search: '?seed=-4&nodes=0&speed=7', want: { seed: 50_000, nodes: 1, speed: 1 } },
  ];
  for (const c of cases) it(c.name, () => expect(bootParams(c.search, () => 0.5)).toEqual(c.want));
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Cluster } from '../cluster';
import { R } from '../client';

function scenario(seed: number): string {
  const c = new Cluster({ seed, nodes: 2 });
  const cl = c.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  c.advance(2000);
  for (let i = 0; i < 4; i++) {
    cl.create(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' },
      spec: { nodeName: i % 2 ? 'minikube-m02' : 'minikube', containers: [{ name: 'c', image: i === 3 ? 'nginx:nope' : 'nginx' }] } } as KubeObject);
  }
  c.advance(60_000);
  cl.delete(R.pods, 'default', 'p0');
  c.nodes.get('minikube-m02')!.stop();
  c.advance(60_000);
  c.nodes.get('minikube-m02')!.start();
  c.advance(30_000);
  return c.dump();
}

describe('determinism', () => {
  it('gives a byte-identical store for the same seed and inputs', () => {
    const a = scenario(42);
    const b = scenario(42);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10_000);
  });
});

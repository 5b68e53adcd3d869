import { describe, expect, it } from 'vitest';
import { failoverBanner, failoverNodeNames, FAILOVER_MANIFEST } from './failover-demo';

describe('failover demo banner', () => {
  it('names minikube\'s nodes as it adds them', () => {
    expect(failoverNodeNames()).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    expect(failoverNodeNames(11).at(-1)).toBe('minikube-m11');
  });

  it('says what was set up: the nodes, the Deployment behind its Service, the shortened timings', () => {
    const plain = failoverBanner().replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain.split('\n')).toEqual([
      'Failover demo · a fresh cluster was set up (your files were kept):',
      '  • 3 nodes: minikube, minikube-m02, minikube-m03',
      '  • Deployment web: 6 nginx pods behind Service web (~/failover-demo.yaml, applied below)',
      '  • Node failure sped up: NotReady 10 s after its kubelet stops (default 40 s), its pods evicted 30 s later (default 300 s)',
      'Stop a node in the Cluster pane (click it, then “Stop node”) and watch its pods move to the others.',
    ]);
    // The manifest is what the banner describes.
    expect(FAILOVER_MANIFEST).toMatch(/kind: Deployment\nmetadata:\n {2}name: web[\s\S]*replicas: 6[\s\S]*kind: Service\nmetadata:\n {2}name: web\n/);
  });
});

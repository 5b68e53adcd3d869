import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../api/types';
import { R } from '../../client';
import { kubeletHarness } from '../testing/harness';

const preloaded = ['registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-apiserver:v1.32.0',
  'registry.k8s.io/kube-controller-manager:v1.32.0', 'registry.k8s.io/kube-scheduler:v1.32.0'];

describe('static pods', () => {
  it('runs the control plane as static pods with mirror pods as minikube shows them', () => {
    const h = kubeletHarness({ controlPlane: true, runtime: { preloaded } });
    h.advance(30_000);
    const pods = h.client.list<Pod>(R.pods, 'kube-system', { labelSelector: 'tier=control-plane' }).items;
    expect(pods.map((p) => p.metadata!.name).sort()).toEqual(['etcd-minikube', 'kube-apiserver-minikube', 'kube-controller-manager-minikube',
      'kube-scheduler-minikube']);
    const node = h.client.get<Node>(R.nodes, undefined, 'minikube');
    const etcd = pods.find((p) => p.metadata!.name === 'etcd-minikube')!;
    const a = etcd.metadata!.annotations!;
    expect(a['kubeadm.kubernetes.io/etcd.advertise-client-urls']).toBe('https://192.168.49.2:2379');
    expect(a['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
    expect(a['kubernetes.io/config.source']).toBe('file');
    expect(a['kubernetes.io/config.seen']).toMatch(/^2025-01-15T09:00:00\.\d+Z$/);
    expect(etcd.metadata!.labels).toEqual({ component: 'etcd', tier: 'control-plane' });
    expect(etcd.metadata!.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: node.metadata!.uid, controller: true }]);
    expect(etcd.spec).toMatchObject({ nodeName: 'minikube', hostNetwork: true, priorityClassName: 'system-node-critical', priority: 2000001000,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } });
    expect(etcd.spec!.containers[0].livenessProbe?.httpGet).toMatchObject({ host: '127.0.0.1', path: '/livez', port: 2381, scheme: 'HTTP' });
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.podIP).toBe('192.168.49.2');
      expect(p.status?.containerStatuses?.[0].ready).toBe(true);
    }
    const api = pods.find((p) => p.metadata!.name === 'kube-apiserver-minikube')!;
    expect(api.spec!.containers[0].command).toContain('--secure-port=8443');
    expect(api.spec!.containers[0].image).toBe('registry.k8s.io/kube-apiserver:v1.32.0');
  });

  it('recreates a deleted mirror pod; the static pod keeps running', () => {
    const h = kubeletHarness({ controlPlane: true, runtime: { preloaded } });
    h.advance(5000);
    const before = h.pod('kube-scheduler-minikube', 'kube-system')!;
    const started = h.runtime.containers.length;
    h.client.delete(R.pods, 'kube-system', 'kube-scheduler-minikube');
    h.advance(2000);
    const after = h.pod('kube-scheduler-minikube', 'kube-system')!;
    expect(after.metadata!.uid).not.toBe(before.metadata!.uid);
    expect(after.metadata!.annotations!['kubernetes.io/config.mirror']).toBe(before.metadata!.annotations!['kubernetes.io/config.mirror']);
    expect(after.status?.phase).toBe('Running');
    expect(h.runtime.containers.length).toBe(started);
  });
});

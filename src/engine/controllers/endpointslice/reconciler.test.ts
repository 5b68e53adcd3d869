import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Node, Pod, Service } from '../../api';
import { reconcile } from './reconciler';

const svc = (extra: Partial<NonNullable<Service['spec']>> = {}): Service => ({ apiVersion: 'v1', kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { app: 'web' } },
  spec: { clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], ...extra } });
const pod = (name: string, ip: string, ready = true, extra: Partial<Pod['metadata']> = {}): Pod => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, ...extra },
  spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const node: Node = { metadata: { name: 'minikube' } };
const nodeOf = (n: string) => (n === 'minikube' ? node : undefined);

describe('reconcile', () => {
  it('creates one slice with the ready and not ready endpoints and the resolved named port', () => {
    const p = reconcile(svc(), [pod('a', '10.244.0.3'), pod('b', '10.244.0.4', false)], [], nodeOf);
    expect(p.create).toHaveLength(1);
    const s = p.create[0];
    expect(s.metadata?.generateName).toBe('web-');
    expect(s.metadata?.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.244.0.3', { ready: true, serving: true, terminating: false }],
      ['10.244.0.4', { ready: false, serving: false, terminating: false }]]);
  });

  it('marks a terminating pod not ready but still serving', () => {
    const p = reconcile(svc(), [pod('a', '10.244.0.3', true, { deletionTimestamp: '2025-01-15T09:00:00Z' })], [], nodeOf);
    expect(p.create[0].endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('publishNotReadyAddresses makes every endpoint ready', () => {
    const p = reconcile(svc({ publishNotReadyAddresses: true }), [pod('b', '10.244.0.4', false)], [], nodeOf);
    expect(p.create[0].endpoints[0].conditions?.ready).toBe(true);
  });

  it('a Service selecting nothing gets a placeholder slice without endpoints nor ports', () => {
    const p = reconcile(svc(), [], [], nodeOf);
    expect(p.create).toHaveLength(1);
    expect(p.create[0].endpoints).toEqual([]);
    expect(p.create[0].ports).toBeNull();
  });

  it('a pod without the named port gets an empty port list (its own slice)', () => {
    const bare = pod('c', '10.244.0.5');
    bare.spec!.containers[0].ports = [];
    const p = reconcile(svc(), [pod('a', '10.244.0.3'), bare], [], nodeOf);
    expect(p.create.map((s) => [s.ports, s.endpoints.length])).toEqual([[[{ name: 'http', port: 8080, protocol: 'TCP' }], 1], [[], 1]]);
  });

  it('splits past maxEndpointsPerSlice', () => {
    const pods = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, `10.244.0.${10 + i}`));
    const p = reconcile(svc(), pods, [], nodeOf, 2);
    expect(p.create.map((s) => s.endpoints.length)).toEqual([2, 2, 1]);
  });

  it('sets hostname for pods naming the Service as subdomain', () => {
    const p0 = pod('web-0', '10.244.0.3');
    p0.spec = { ...p0.spec!, hostname: 'web-0', subdomain: 'web' };
    const p = reconcile(svc({ clusterIP: 'None' }), [p0], [], nodeOf);
    expect(p.create[0].endpoints[0].hostname).toBe('web-0');
    expect(p.create[0].metadata?.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('updates an existing slice in place and deletes nothing when a pod leaves', () => {
    const first = reconcile(svc(), [pod('a', '10.244.0.3'), pod('b', '10.244.0.4')], [], nodeOf).create[0];
    const existing: EndpointSlice = { ...first, metadata: { ...first.metadata, name: 'web-abcde', uid: 's1', generation: 1 } };
    const p = reconcile(svc(), [pod('a', '10.244.0.3')], [existing], nodeOf);
    expect(p.create).toEqual([]);
    expect(p.delete).toEqual([]);
    expect(p.update.map((s) => [s.metadata?.name, s.endpoints.map((e) => e.addresses[0])])).toEqual([['web-abcde', ['10.244.0.3']]]);
  });

  it('reuses the name of a slice that would be deleted instead of creating a new one', () => {
    const first = reconcile(svc(), [pod('a', '10.244.0.3')], [], nodeOf).create[0];
    const existing: EndpointSlice = { ...first, metadata: { ...first.metadata, name: 'web-abcde', uid: 's1' } };
    const p = reconcile(svc(), [], [existing], nodeOf);
    expect(p.create).toEqual([]);
    expect(p.delete).toEqual([]);
    expect(p.update).toHaveLength(1);
    expect(p.update[0].metadata?.name).toBe('web-abcde');
    expect(p.update[0].endpoints).toEqual([]);
  });

  it('changes nothing when the slice is already right', () => {
    const first = reconcile(svc(), [pod('a', '10.244.0.3')], [], nodeOf).create[0];
    const existing: EndpointSlice = { ...first, metadata: { ...first.metadata, name: 'web-abcde', uid: 's1' } };
    const p = reconcile(svc(), [pod('a', '10.244.0.3')], [existing], nodeOf);
    expect([p.create, p.update, p.delete]).toEqual([[], [], []]);
  });

  it('skips pods on a missing node and reports it', () => {
    const p0 = pod('a', '10.244.0.3');
    p0.spec!.nodeName = 'gone';
    const p = reconcile(svc(), [p0], [], nodeOf);
    expect(p.errors).toEqual(['skipping Pod a for Service default/web: Node gone Not Found']);
  });
});

// Names as pods resolve them through CoreDNS: Services by short and qualified names, a headless
// Service's StatefulSet pods, pod A records, and what happens without DNS.
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { apply, CLIENT_POD, run, session, WEB_STATEFULSET } from './harness';

describe('CoreDNS from a pod', () => {
  it('resolves Services through the namespace search list', async () => {
    const s = session();
    await apply(s, CLIENT_POD);
    await run(s, 'sleep 20');
    const net = s.cluster.network;
    expect(net.resolveFromPod('default', 'kubernetes')).toEqual({ name: 'kubernetes.default.svc.cluster.local',
      answer: { rcode: 'NOERROR', addresses: ['10.96.0.1'] } });
    expect(net.resolveFromPod('default', 'kubernetes.default')).toEqual({ name: 'kubernetes.default.svc.cluster.local',
      answer: { rcode: 'NOERROR', addresses: ['10.96.0.1'] } });
    expect(net.resolveFromPod('default', 'kube-dns.kube-system')).toEqual({ name: 'kube-dns.kube-system.svc.cluster.local',
      answer: { rcode: 'NOERROR', addresses: ['10.96.0.10'] } });
    expect(net.resolveFromPod('kube-system', 'kubernetes')).toMatchObject({ answer: { rcode: 'NXDOMAIN' } });
    expect(net.resolveFromPod('default', 'no-such-service')).toEqual({ name: 'no-such-service', answer: { rcode: 'NXDOMAIN' } });
    expect(net.resolveFromPod('default', '10-244-0-5.default.pod.cluster.local').answer).toEqual({ rcode: 'NOERROR', addresses: ['10.244.0.5'] });
    expect(net.pods.reverse('10.96.0.1')).toBe('kubernetes.default.svc.cluster.local');
  });

  it('a headless Service gives each StatefulSet pod its own name, and the Service name all of them', async () => {
    const s = session();
    await apply(s, WEB_STATEFULSET);
    await run(s, 'sleep 60');
    const c = s.cluster.client('t');
    const ip = (n: string) => c.get(R.pods, 'default', n).status.podIP as string;
    const net = s.cluster.network;
    expect(net.resolveFromPod('default', 'web-0.nginx').answer).toEqual({ rcode: 'NOERROR', addresses: [ip('web-0')] });
    expect(net.resolveFromPod('default', 'web-1.nginx.default.svc.cluster.local').answer).toEqual({ rcode: 'NOERROR', addresses: [ip('web-1')] });
    expect(net.resolveFromPod('default', 'nginx').answer).toEqual({ rcode: 'NOERROR', addresses: [ip('web-0'), ip('web-1')] });
    expect(net.pods.reverse(ip('web-1'))).toBe('web-1.nginx.default.svc.cluster.local');
    // The Endpoints carry the pods' hostnames and the headless label.
    const ep = c.get(R.endpoints, 'default', 'nginx') as { metadata: { labels: Record<string, string> }; subsets: { addresses: { hostname: string }[] }[] };
    expect(ep.metadata.labels).toEqual({ app: 'nginx', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets[0].addresses.map((a) => a.hostname)).toEqual(['web-0', 'web-1']);
    expect(c.get<Service>(R.services, 'default', 'nginx').spec!.clusterIP).toBe('None');
  });

  it('without a ready CoreDNS pod, lookups time out', async () => {
    const s = session();
    await run(s, 'kubectl scale deployment coredns -n kube-system --replicas=0');
    await run(s, 'sleep 40');
    expect(s.cluster.network.resolveFromPod('default', 'kubernetes').answer).toEqual({ rcode: 'TIMEOUT' });
    expect(s.cluster.network.pods.lookup('kubernetes.default.svc.cluster.local', { podIP: '10.244.0.9', namespace: 'default',
      podName: 'x', nodeName: 'minikube' })).toBeUndefined();
  });
});

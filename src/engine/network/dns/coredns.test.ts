import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../api';
import { ServiceTable } from '../proxy/service-table';
import { CoreDNS } from './coredns';

const svc = (ns: string, name: string, spec: NonNullable<Service['spec']>): Service => ({ metadata: { name, namespace: ns }, spec });
const slice = (ns: string, svcName: string, eps: { ip: string; ready?: boolean; hostname?: string }[], port = 53): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: `${svcName}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svcName } },
  ports: [{ name: port === 53 ? 'dns' : 'web', port, protocol: 'UDP' }],
  endpoints: eps.map((e) => ({ addresses: [e.ip], conditions: { ready: e.ready ?? true }, ...(e.hostname ? { hostname: e.hostname } : {}) })),
});

function table(): ServiceTable {
  const t = new ServiceTable();
  t.setService(svc('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }));
  t.setSlice(slice('kube-system', 'kube-dns', [{ ip: '10.244.0.2' }]));
  t.setService(svc('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443 }] }));
  t.setService(svc('default', 'webapp-service', { clusterIP: '10.101.22.33', ports: [{ port: 80 }] }));
  t.setService(svc('default', 'nginx', { clusterIP: 'None', ports: [{ name: 'web', port: 80 }] }));
  t.setSlice(slice('default', 'nginx', [{ ip: '10.244.0.7', hostname: 'web-0' }, { ip: '10.244.0.8', hostname: 'web-1' },
    { ip: '10.244.0.9', hostname: 'web-2', ready: false }], 80));
  t.setService(svc('default', 'empty-headless', { clusterIP: 'None', ports: [{ port: 80 }] }));
  t.setService(svc('default', 'db', { type: 'ExternalName', externalName: 'webapp-service.default.svc.cluster.local' }));
  t.setService(svc('default', 'ext', { type: 'ExternalName', externalName: 'database.example.com' }));
  return t;
}

describe('CoreDNS', () => {
  const dns = new CoreDNS(table());
  const cases: { name: string; q: string; want: unknown }[] = [
    { name: 'a Service name', q: 'webapp-service.default.svc.cluster.local', want: { rcode: 'NOERROR', addresses: ['10.101.22.33'] } },
    { name: 'trailing dot and case', q: 'KUBERNETES.default.svc.cluster.local.', want: { rcode: 'NOERROR', addresses: ['10.96.0.1'] } },
    { name: 'a missing Service', q: 'nope.default.svc.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'a Service in another namespace', q: 'webapp-service.other.svc.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'a headless Service gives its ready pods', q: 'nginx.default.svc.cluster.local', want: { rcode: 'NOERROR', addresses: ['10.244.0.7', '10.244.0.8'] } },
    { name: 'a StatefulSet pod by hostname', q: 'web-0.nginx.default.svc.cluster.local', want: { rcode: 'NOERROR', addresses: ['10.244.0.7'] } },
    { name: 'a not-ready pod has no record', q: 'web-2.nginx.default.svc.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'a headless Service without endpoints', q: 'empty-headless.default.svc.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'pod A records (pods insecure)', q: '10-244-0-5.default.pod.cluster.local', want: { rcode: 'NOERROR', addresses: ['10.244.0.5'] } },
    { name: 'a bad pod name', q: 'not-an-ip.default.pod.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'ExternalName to a cluster name follows the CNAME', q: 'db.default.svc.cluster.local',
      want: { rcode: 'NOERROR', addresses: ['10.101.22.33'], cnames: ['webapp-service.default.svc.cluster.local'] } },
    { name: 'ExternalName outside the cluster', q: 'ext.default.svc.cluster.local',
      want: { rcode: 'NOERROR', addresses: [], cnames: ['database.example.com'] } },
    { name: 'a namespace name has no address', q: 'default.svc.cluster.local', want: { rcode: 'NODATA' } },
    { name: 'a search-list expansion of a short name', q: 'kubernetes.default.default.svc.cluster.local', want: { rcode: 'NXDOMAIN' } },
    { name: 'host.minikube.internal', q: 'host.minikube.internal', want: { rcode: 'NOERROR', addresses: ['192.168.49.1'] } },
    { name: 'names outside the cluster (no internet)', q: 'example.com', want: { rcode: 'NXDOMAIN' } },
  ];
  for (const c of cases) it(c.name, () => expect(dns.query(c.q)).toEqual(c.want));

  it('answers PTR for Service IPs and endpoint IPs', () => {
    expect(dns.reverse('10.96.0.1')).toBe('kubernetes.default.svc.cluster.local');
    expect(dns.reverse('10.244.0.7')).toBe('web-0.nginx.default.svc.cluster.local');
    expect(dns.reverse('10.244.0.2')).toBe('10-244-0-2.kube-dns.kube-system.svc.cluster.local');
    expect(dns.reverseName('10.0.96.10.in-addr.arpa')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(dns.reverse('10.244.9.9')).toBeUndefined();
  });

  it('times out when no CoreDNS endpoint is ready', () => {
    const t = table();
    t.setSlice(slice('kube-system', 'kube-dns', [{ ip: '10.244.0.2', ready: false }]));
    expect(new CoreDNS(t).query('kubernetes.default.svc.cluster.local')).toEqual({ rcode: 'TIMEOUT' });
  });
});

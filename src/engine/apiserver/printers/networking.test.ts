// Networking printers: cases from printers_test.go (TestPrintService, TestPrintServiceLoadBalancer,
// TestPrintServiceList, TestPrintEndpoint, TestPrintEndpointSlice, TestPrintIngress, TestPrintIngressClass,
// TestPrintNetworkPolicy) and each Service type as the sim creates it.
import { describe, expect, it } from 'vitest';
import { endpointSliceHandler, endpointsHandler, ingressClassHandler, ingressHandler, loadBalancerStatusStringer,
  networkPolicyHandler, serviceHandler } from './networking';
import { ago, SOON, M, U, rowsOf } from './testing';

const Y = 365 * 24 * 60 * M;

describe('Service', () => {
  const svc = (name: string, spec: object, status: object = {}) => ({ metadata: { name }, spec, status });
  const lb = (...ingress: object[]) => ({ loadBalancer: { ingress } });
  it.each(rowsOf(serviceHandler, [
    { name: 'ClusterIP with selector', obj: svc('test1', { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }],
      clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }), cells: ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', U, 'foo=bar'] },
    { name: 'NodePort', obj: svc('test2', { type: 'NodePort', ports: [{ protocol: 'tcp', port: 8888, nodePort: 9999 }],
      clusterIPs: ['10.9.8.7'] }), cells: ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp', U, '<none>'] },
    { name: 'LoadBalancer pending', obj: svc('test3', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }],
      clusterIPs: ['10.9.8.7'] }), cells: ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/tcp', U, '<none>'] },
    { name: 'LoadBalancer with externalIPs and no status', obj: svc('test4', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }],
      clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }), cells: ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/tcp', U, '<none>'] },
    { name: 'LoadBalancer ingress then externalIPs', obj: svc('test5', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }],
      clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }, lb({ ip: '3.4.5.6', hostname: 'test.cluster.com' })),
    cells: ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/tcp', U, '<none>'] },
    { name: 'LoadBalancer, several of each', obj: svc('test6', { type: 'LoadBalancer', ports: [{ protocol: 'tcp', port: 8888 }],
      clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10', '80.11.12.11'] },
    lb({ ip: '2.3.4.5', hostname: 'test.cluster.local' }, { ip: '3.4.5.6', hostname: 'test.cluster.com' })),
    cells: ['test6', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11', '8888/tcp', U, '<none>'] },
    { name: 'ExternalName', obj: svc('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }),
      cells: ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>', U, '<none>'] },
    { name: 'LoadBalancer, several ports and addresses (wide: not clipped)', obj: svc('service4', { type: 'LoadBalancer',
      clusterIPs: ['1.5.6.7'], ports: [{ port: 80, protocol: 'TCP' }, { port: 8090, protocol: 'UDP' }, { port: 8000, protocol: 'TCP' }],
      selector: { foo: 'bar' } }, lb({ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' })),
    cells: ['service4', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5.6,5.6.7.8', '80/TCP,8090/UDP,8000/TCP', U, 'foo=bar'] },
    { name: 'LoadBalancer with SCTP', obj: svc('service2', { type: 'LoadBalancer', clusterIPs: ['1.3.4.5'], ports: [{ port: 80, protocol: 'TCP' },
      { port: 8090, protocol: 'UDP' }, { port: 8000, protocol: 'TCP' }, { port: 7777, protocol: 'SCTP' }] }),
    cells: ['service2', 'LoadBalancer', '1.3.4.5', '<pending>', '80/TCP,8090/UDP,8000/TCP,7777/SCTP', U, '<none>'] },
    { name: 'LoadBalancer hostname-only ingress', obj: svc('h', { type: 'LoadBalancer', clusterIPs: ['10.0.0.9'],
      ports: [{ port: 443, protocol: 'TCP', nodePort: 31443 }] }, lb({ hostname: 'a.elb.example.com' })),
    cells: ['h', 'LoadBalancer', '10.0.0.9', 'a.elb.example.com', '443:31443/TCP', U, '<none>'] },
    { name: 'headless', obj: { metadata: { name: 'db', creationTimestamp: ago(4 * M) }, spec: { type: 'ClusterIP', clusterIP: 'None',
      clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }], selector: { app: 'db' } } },
    cells: ['db', 'ClusterIP', 'None', '<none>', '5432/TCP', '4m', 'app=db'] },
    { name: 'kubernetes default service', obj: { metadata: { name: 'kubernetes', creationTimestamp: ago(40 * 24 * 60 * M) },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP',
        targetPort: 8443 }] } }, cells: ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '40d', '<none>'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));

  it('clips the load balancer list to 16 bytes when not wide', () => {
    expect(loadBalancerStatusStringer([{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }], false))
      .toBe('2.3.4.5,3.4.5...');
    expect(loadBalancerStatusStringer([{ ip: '3.4.5.6' }, { ip: '2.3.4.5' }, { ip: '3.4.5.6' }], true)).toBe('2.3.4.5,3.4.5.6');
  });
});

describe('Endpoints', () => {
  it.each(rowsOf(endpointsHandler, [
    { name: 'no subsets', obj: { metadata: { name: 'endpoint1', creationTimestamp: SOON } }, cells: ['endpoint1', '<none>', '0s'] },
    { name: 'no ports', obj: { metadata: { name: 'endpoint3', creationTimestamp: ago(5 * M) }, subsets: [{ addresses: [{ ip: '1.2.3.4' },
      { ip: '5.6.7.8' }] }] }, cells: ['endpoint3', '1.2.3.4,5.6.7.8', '5m'] },
    { name: 'two IPs, one port', obj: { metadata: { name: 'endpoint2', creationTimestamp: SOON }, subsets: [{ addresses: [{ ip: '1.2.3.4' },
      { ip: '5.6.7.8' }], ports: [{ port: 8001, protocol: 'tcp' }] }] }, cells: ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001', '0s'] },
    { name: 'more than three', obj: { metadata: { name: 'endpoint2', creationTimestamp: SOON }, subsets: [{ addresses: [{ ip: '1.2.3.4' },
      { ip: '5.6.7.8' }, { ip: '9.8.7.6' }, { ip: '6.6.6.6' }], ports: [{ port: 8001, protocol: 'tcp' }] }] },
    cells: ['endpoint2', '1.2.3.4:8001,5.6.7.8:8001,9.8.7.6:8001 + 1 more...', '0s'] },
    { name: 'IPv6 host:port', obj: { metadata: { name: 'v6' }, subsets: [{ addresses: [{ ip: 'fd00::5' }], ports: [{ port: 80 }] }] },
      cells: ['v6', '[fd00::5]:80', U] },
    { name: 'two ports multiply addresses', obj: { metadata: { name: 'two' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }],
      ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }] },
    cells: ['two', '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('EndpointSlice', () => {
  it.each(rowsOf(endpointSliceHandler, [
    { name: 'one port, two addresses', obj: { metadata: { name: 'abcslice.123', creationTimestamp: SOON }, addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }], endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }] },
    cells: ['abcslice.123', 'IPv4', '80', '10.1.2.3,2001:db8::1234:5678', '0s'] },
    { name: 'more addresses', obj: { metadata: { name: 'longerslicename.123', creationTimestamp: ago(5 * M) }, addressType: 'IPv6',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }] },
    cells: ['longerslicename.123', 'IPv6', '80,443', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'] },
    { name: 'more ports', obj: { metadata: { name: 'multiportslice.123', creationTimestamp: ago(5 * M) }, addressType: 'IPv4',
      ports: [{ port: 80 }, { port: 443 }, { port: 3000 }, { port: 3001 }],
      endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }] },
    cells: ['multiportslice.123', 'IPv4', '80,443,3000 + 1 more...', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'] },
    { name: 'empty slice', obj: { metadata: { name: 'web-abcde' }, addressType: 'IPv4', ports: null, endpoints: [] },
      cells: ['web-abcde', 'IPv4', '<unset>', '<unset>', U] },
    { name: 'port without number', obj: { metadata: { name: 's' }, addressType: 'IPv4', ports: [{ name: 'http' }, {}],
      endpoints: [{ addresses: ['10.0.0.1'] }] }, cells: ['s', 'IPv4', 'http,*', '10.0.0.1', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('Ingress and IngressClass', () => {
  it.each(rowsOf(ingressHandler, [
    { name: 'TestPrintIngress', obj: { metadata: { name: 'test1', creationTimestamp: ago(10 * Y) }, spec: { ingressClassName: 'foo',
      defaultBackend: { service: { name: 'default-backend', port: { name: 'default-backend', number: 80 } } } },
    status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } } },
    cells: ['test1', 'foo', '*', '2.3.4.5', '80', '10y'] },
    { name: 'hosts, TLS, no class, no address', obj: { metadata: { name: 'web', creationTimestamp: ago(2 * M) }, spec: {
      rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] } },
    cells: ['web', '<none>', 'a.example.com,b.example.com', '', '80, 443', '2m'] },
    { name: 'more than three hosts', obj: { metadata: { name: 'many' }, spec: { ingressClassName: 'nginx', rules: [
      { host: 'a' }, { host: 'b' }, {}, { host: 'c' }, { host: 'd' }, { host: 'e' }] },
    status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } } },
    cells: ['many', 'nginx', 'a,b,c + 3 more...', '192.168.49.2', '80', U] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
  it.each(rowsOf(ingressClassHandler, [
    { name: 'with params', obj: { metadata: { name: 'test1', creationTimestamp: ago(10 * Y) }, spec: { controller: 'example.com/controller',
      parameters: { kind: 'customgroup', name: 'example' } } }, cells: ['test1', 'example.com/controller', 'customgroup/example', '10y'] },
    { name: 'with params + API group', obj: { metadata: { name: 'test1', creationTimestamp: ago(10 * Y) }, spec: {
      controller: 'example.com/controller', parameters: { apiGroup: 'example.com', kind: 'customgroup', name: 'example' } } },
    cells: ['test1', 'example.com/controller', 'customgroup.example.com/example', '10y'] },
    { name: 'without params', obj: { metadata: { name: 'test2', creationTimestamp: ago(11 * Y) }, spec: { controller: 'example.com/controller2' } },
      cells: ['test2', 'example.com/controller2', '<none>', '11y'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

describe('NetworkPolicy', () => {
  it.each(rowsOf(networkPolicyHandler, [
    { name: 'empty spec', obj: { metadata: { name: 'policy1', creationTimestamp: SOON }, spec: {} }, cells: ['policy1', '<none>', '0s'] },
    { name: 'pod selector', obj: { metadata: { name: 'policy2', creationTimestamp: SOON }, spec: { podSelector: { matchLabels: { foo: 'bar' } } } },
      cells: ['policy2', 'foo=bar', '0s'] },
  ]))('$name', ({ got, want }) => expect(got).toEqual(want));
});

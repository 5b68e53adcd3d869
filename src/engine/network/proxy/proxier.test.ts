import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../api';
import { SeededRng, SimClock, DEFAULT_EPOCH } from '../../clock';
import { Proxier, usableEndpoints } from './proxier';
import { ServiceTable, type EndpointInfo } from './service-table';

const ep = (ip: string, c: Partial<EndpointInfo> = {}): EndpointInfo => ({ ip, port: 80, ready: true, serving: true, terminating: false, ...c });

describe('usableEndpoints', () => {
  const cases: { name: string; all: EndpointInfo[]; local?: boolean; want: string[] }[] = [
    { name: 'all ready', all: [ep('a'), ep('b')], want: ['a', 'b'] },
    { name: 'only the ready ones', all: [ep('a'), ep('b', { ready: false, serving: false })], want: ['a'] },
    { name: 'serving terminating ones when none is ready', all: [ep('a', { ready: false, serving: true, terminating: true }),
      ep('b', { ready: false, serving: false, terminating: true })], want: ['a'] },
    { name: 'nothing usable', all: [ep('a', { ready: false, serving: false })], want: [] },
    { name: 'traffic policy Local keeps the node’s own', all: [ep('a', { nodeName: 'm1' }), ep('b', { nodeName: 'm2' })], local: true, want: ['a'] },
  ];
  for (const c of cases) it(c.name, () => expect(usableEndpoints(c.all, c.local ?? false, 'm1').map((e) => e.ip)).toEqual(c.want));
});

function setup(affinity: boolean, ips: string[]) {
  const clock = new SimClock({ start: DEFAULT_EPOCH });
  const t = new ServiceTable();
  t.setService({ metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', ports: [{ name: 'http', port: 80 }],
    ...(affinity ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } } : {}) } } as Service);
  t.setSlice({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: 'web-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })) } as EndpointSlice);
  return { clock, t, p: new Proxier(t, new SeededRng(7), clock), svc: t.service('default/web')! };
}

describe('Proxier', () => {
  it('spreads connections over the endpoints, on the target port', () => {
    const { p, svc } = setup(false, ['10.244.0.3', '10.244.0.4', '10.244.0.5']);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const d = p.route(svc, 80, '10.244.0.9', { external: false });
      if (d.kind !== 'endpoint') throw new Error(d.kind);
      expect(d.endpoint.port).toBe(8080);
      seen.add(d.endpoint.ip);
    }
    expect([...seen].sort()).toEqual(['10.244.0.3', '10.244.0.4', '10.244.0.5']);
  });

  it('rejects when there is no endpoint, drops an unknown port', () => {
    const { p, svc } = setup(false, []);
    expect(p.route(svc, 80, '10.244.0.9', { external: false }).kind).toBe('reject');
    expect(p.route(svc, 81, '10.244.0.9', { external: false }).kind).toBe('drop');
  });

  it('keeps a client on one endpoint with ClientIP affinity until the timeout passes', () => {
    const { p, svc, clock } = setup(true, ['10.244.0.3', '10.244.0.4', '10.244.0.5', '10.244.0.6']);
    const pick = () => { const d = p.route(svc, 80, '10.244.0.9', { external: false }); return d.kind === 'endpoint' ? d.endpoint.ip : d.kind; };
    const first = pick();
    for (let i = 0; i < 20; i++) expect(pick()).toBe(first);
    clock.advance(61_000);
    const after = new Set(Array.from({ length: 1 }, pick));
    expect(after.size).toBe(1);
  });

  it('is deterministic for a seed', () => {
    const run = () => { const { p, svc } = setup(false, ['a', 'b', 'c', 'd']);
      return Array.from({ length: 20 }, () => { const d = p.route(svc, 80, 'x', { external: false }); return d.kind === 'endpoint' ? d.endpoint.ip : ''; }).join(); };
    expect(run()).toBe(run());
  });
});

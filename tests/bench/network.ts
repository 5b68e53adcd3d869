// Network routing throughput: 100,000 HTTP requests from client pods to Service cluster IPs, each
// through kube-proxy's endpoint choice (1,000 endpoints per Service, in ten EndpointSlices of 100,
// one Service with ClientIP affinity) to the chosen pod's container. The Service table and the pod
// address book are filled directly (no informers), so the figure is the per-request cost of
// network.request's packet path: Service lookup, endpoint choice, pod lookup, container exchange.
import type { EndpointSlice, Pod, Service } from '../../src/engine/api';
import { SimClock, SeededRng, DEFAULT_EPOCH } from '../../src/engine/clock';
import type { Container, HttpRequest, HttpResponse } from '../../src/engine/runtime/cri';
import { Dataplane, Proxier, ServiceTable } from '../../src/engine/network';
import { type Figure, medianOf, round } from './util';

const ENDPOINTS = 1000;
const SERVICES = 3;
const REQUESTS = 100_000;

function container(ip: string): Container {
  const res: HttpResponse = { status: 200, headers: { 'Content-Type': 'text/plain' }, body: ip };
  return {
    id: ip, signal: () => undefined, exec: async () => 0, listening: (p) => p === 8080,
    http: (p: number, _req: HttpRequest) => (p === 8080 ? res : undefined), usage: () => ({ cpuMilli: 1, memoryBytes: 1 }),
  };
}

/** Builds the table and address book; returns a function sending `n` requests, and the count answered. */
export function buildNetworkBench(seed = 1): { send(n: number): number } {
  const clock = new SimClock({ start: DEFAULT_EPOCH });
  const table = new ServiceTable();
  const proxier = new Proxier(table, new SeededRng(seed), clock);
  const containers = new Map<string, Container[]>();
  const dp = new Dataplane(table, proxier, { podContainers: (_n, uid) => containers.get(uid) });
  for (let i = 0; i < ENDPOINTS; i++) {
    const ip = `10.${244 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) || 1}`;
    const uid = `uid-${i}`;
    containers.set(uid, [container(ip)]);
    dp.setPod({ metadata: { name: `web-${i}`, namespace: 'default', uid, labels: { app: 'web' } },
      spec: { nodeName: `node-${i % 100}`, containers: [{ name: 'c', image: 'web' }] },
      status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] } } as Pod);
  }
  const pods = dp.pods();
  for (let s = 0; s < SERVICES; s++) {
    table.setService({ metadata: { name: `svc-${s}`, namespace: 'default' },
      spec: { clusterIP: `10.96.1.${s + 1}`, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        ...(s === 2 ? { sessionAffinity: 'ClientIP' } : {}) } } as Service);
    for (let k = 0; k < ENDPOINTS / 100; k++) {
      table.setSlice({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
        metadata: { name: `svc-${s}-${k}`, namespace: 'default', labels: { 'kubernetes.io/service-name': `svc-${s}` } },
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        endpoints: pods.slice(k * 100, k * 100 + 100).map((p) => ({ addresses: [p.ip], conditions: { ready: true }, nodeName: p.nodeName })),
      } as EndpointSlice);
    }
  }
  const req: HttpRequest = { method: 'GET', path: '/', headers: { Host: 'svc' }, remoteAddr: '' };
  return {
    send(n: number): number {
      let ok = 0;
      for (let i = 0; i < n; i++) {
        const client = pods[i % pods.length];
        const d = dp.deliver({ ip: client.ip, node: client.nodeName }, `10.96.1.${(i % SERVICES) + 1}`, 80, req);
        if (d.result.kind === 'response') ok++;
      }
      return ok;
    },
  };
}

/** Figure network.requests_per_s: requests routed per second of wall time (median of 5 runs). */
export async function benchNetwork(): Promise<Figure[]> {
  const rate = await medianOf(5, () => {
    const b = buildNetworkBench();
    const t0 = performance.now();
    const ok = b.send(REQUESTS);
    const ms = performance.now() - t0;
    if (ok !== REQUESTS) throw new Error(`answered ${ok} of ${REQUESTS}`);
    return REQUESTS / (ms / 1000);
  });
  return [{ name: 'network.requests_per_s', value: round(rate, 0), unit: 'requests/s' }];
}

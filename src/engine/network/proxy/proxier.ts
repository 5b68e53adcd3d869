// What kube-proxy's rules do to a connection for a Service address: pick an endpoint (at random
// among the usable ones, or the one the client is stuck to by ClientIP affinity), or reject it.
// Models pkg/proxy/iptables/proxier.go syncProxyRules (KUBE-SVC random probability chains,
// KUBE-SEP recent-module affinity, REJECT when a service has no endpoints) and
// pkg/proxy/topology.go CategorizeEndpoints (ready endpoints first; serving terminating ones
// only when none is ready; traffic policy Local keeps the node's own endpoints).
import type { Clock, Rng } from '../../clock';
import type { EndpointInfo, ServiceInfo, ServiceTable } from './service-table';

/** Where a connection to a service port goes. */
export type ProxyDecision =
  | { kind: 'endpoint'; endpoint: EndpointInfo }
  /** No usable endpoint: kube-proxy REJECTs with ICMP port unreachable (connection refused). */
  | { kind: 'reject' }
  /** The address is a Service but not on this port: nothing matches, the packet is dropped. */
  | { kind: 'drop' };

interface Stuck {
  ip: string;
  port: number;
  last: number;
}

/**
 * The usable endpoints of a service port for a connection: with traffic policy Local only those on
 * `node`; the ready ones, else (ProxyTerminatingEndpoints) the serving terminating ones.
 */
export function usableEndpoints(all: readonly EndpointInfo[], local: boolean, node: string | undefined): readonly EndpointInfo[] {
  const candidates = local ? all.filter((e) => e.nodeName === node) : all;
  let ready = 0;
  for (const e of candidates) if (e.ready) ready++;
  if (ready === candidates.length) return candidates;
  if (ready) return candidates.filter((e) => e.ready);
  return candidates.filter((e) => e.serving && e.terminating);
}

// The table hands out the same endpoint array until the Service's slices change: the usable
// subset (cluster-wide policy) is computed once per array.
const usableCache = new WeakMap<readonly EndpointInfo[], readonly EndpointInfo[]>();

function usableCluster(all: readonly EndpointInfo[]): readonly EndpointInfo[] {
  let u = usableCache.get(all);
  if (!u) usableCache.set(all, (u = usableEndpoints(all, false, undefined)));
  return u;
}

/** Routes connections to Service addresses. */
export class Proxier {
  private readonly affinity = new Map<string, Stuck>();
  /** Connections routed so far (benchmarks). */
  routed = 0;

  constructor(private readonly table: ServiceTable, private readonly rng: Rng, private readonly clock: Clock) {}

  /**
   * A connection from `clientIP` to a port of `svc`. `external` marks traffic that entered through
   * a node port or an external address (externalTrafficPolicy applies; else internalTrafficPolicy),
   * `node` the node whose rules handle it.
   */
  route(svc: ServiceInfo, port: number, clientIP: string, opts: { external: boolean; node?: string; byNodePort?: boolean }): ProxyDecision {
    const sp = svc.ports.find((p) => (opts.byNodePort ? p.nodePort === port : p.port === port) && p.protocol === 'TCP');
    if (!sp) return { kind: 'drop' };
    const local = opts.external ? svc.externalTrafficPolicyLocal : svc.internalTrafficPolicyLocal;
    const all = this.table.endpoints(svc.key, sp.name);
    const eps = local ? usableEndpoints(all, true, opts.node) : usableCluster(all);
    if (!eps.length) return { kind: 'reject' };
    this.routed++;
    if (svc.affinityTimeoutMs !== undefined) {
      const k = `${svc.key}|${sp.name}|${clientIP}`;
      const now = this.clock.now();
      const stuck = this.affinity.get(k);
      if (stuck && now - stuck.last <= svc.affinityTimeoutMs) {
        const ep = eps.find((e) => e.ip === stuck.ip && e.port === stuck.port);
        if (ep) {
          stuck.last = now;
          return { kind: 'endpoint', endpoint: ep };
        }
      }
      const ep = eps.length === 1 ? eps[0] : eps[this.rng.int(eps.length)];
      this.affinity.set(k, { ip: ep.ip, port: ep.port, last: now });
      return { kind: 'endpoint', endpoint: ep };
    }
    return { kind: 'endpoint', endpoint: eps.length === 1 ? eps[0] : eps[this.rng.int(eps.length)] };
  }
}

// The cluster's packet path, one HTTP exchange at a time: a pod IP reaches the pod's containers
// (the bridge CNI plugin), a Service address or a node port goes through kube-proxy's rules to an
// endpoint, a node IP reaches host ports (the portmap plugin) and host-network pods. Source NAT
// follows kube-proxy: traffic entering through a node port or from outside the pod network is
// masqueraded to the address of the interface towards the endpoint (the node's bridge gateway
// 10.244.N.1 for a pod on the same node, the node's IP for a pod elsewhere).
import type { Node, Pod } from '../api';
import type { Container, HttpRequest, HttpResponse } from '../runtime/cri';
import { gatewayOf } from './ip';
import type { Proxier } from './proxy/proxier';
import type { ServiceInfo, ServiceTable } from './proxy/service-table';

/** How an HTTP exchange ends at the network level (the shape of runtime/network.ts NetResult). */
export type NetResult =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

/** How a TCP connection attempt ends. */
export type ConnectResult = 'open' | 'refused' | 'timeout' | 'unreachable';

/** What the network needs of the nodes: a pod's running containers. */
export interface PodHost {
  /** The running containers of a pod on its node; undefined when the pod has no network sandbox there. */
  podContainers(nodeName: string, podUid: string): readonly Container[] | undefined;
}

/** A pod as the network knows it (from its status). */
export interface PodRecord {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string;
  ip: string;
  hostNetwork: boolean;
  /** hostPort → containerPort (TCP). */
  hostPorts: Map<number, number>;
  labels: Record<string, string>;
  images: string[];
}

/** Claims traffic to a pod's port before its containers see it (the ingress controller's nginx). */
export type Interceptor = (pod: PodRecord, port: number) => ((req: HttpRequest) => NetResult) | undefined;

/** Where a request comes from. */
export interface Source {
  ip: string;
  /** The node the sender is on (pods, node-local clients); undefined for the host machine. */
  node?: string;
}

/** The result with the pod that answered (tests and access-path tracing). */
export interface Delivery {
  result: NetResult;
  pod?: PodRecord;
  /** The address the server saw the request come from. */
  remoteAddr?: string;
}

const REFUSED: NetResult = { kind: 'refused' };
const TIMEOUT: NetResult = { kind: 'timeout' };
const UNREACHABLE: NetResult = { kind: 'unreachable' };

/** The pod record of an API pod with an IP, or undefined. */
export function podRecord(pod: Pod): PodRecord | undefined {
  const ip = pod.status?.podIP;
  const nodeName = pod.spec?.nodeName;
  if (!ip || !nodeName) return undefined;
  const p = pod.status?.phase;
  if (p === 'Succeeded' || p === 'Failed') return undefined;
  const hostPorts = new Map<number, number>();
  for (const c of pod.spec?.containers ?? []) {
    for (const port of c.ports ?? []) if (port.hostPort && (port.protocol ?? 'TCP') === 'TCP') hostPorts.set(port.hostPort, port.containerPort);
  }
  return { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '', nodeName, ip,
    hostNetwork: pod.spec?.hostNetwork === true, hostPorts, labels: pod.metadata?.labels ?? {},
    images: (pod.spec?.containers ?? []).map((c) => c.image ?? '') };
}

/** Pods and nodes by address. */
export class Dataplane {
  private readonly podsByIP = new Map<string, PodRecord>();
  private readonly podsByKey = new Map<string, PodRecord>();
  private readonly hostPorts = new Map<string, PodRecord>();
  private readonly hostNetPods = new Map<string, PodRecord[]>();
  private readonly nodesByIP = new Map<string, string>();
  private readonly nodeIPs = new Map<string, string>();
  private readonly nodeCidrs = new Map<string, string>();
  private readonly interceptors: Interceptor[] = [];

  constructor(private readonly table: ServiceTable, private readonly proxier: Proxier, private readonly host: PodHost) {}

  /** Adds a claim on pod traffic. */
  intercept(i: Interceptor): void {
    this.interceptors.push(i);
  }

  setPod(pod: Pod): void {
    const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
    this.deletePod(key);
    const r = podRecord(pod);
    if (!r) return;
    this.podsByKey.set(key, r);
    if (r.hostNetwork) {
      this.hostNetPods.set(r.nodeName, [...(this.hostNetPods.get(r.nodeName) ?? []), r]);
      return;
    }
    this.podsByIP.set(r.ip, r);
    for (const hp of r.hostPorts.keys()) this.hostPorts.set(`${r.nodeName}|${hp}`, r);
  }

  deletePod(key: string): void {
    const r = this.podsByKey.get(key);
    if (!r) return;
    this.podsByKey.delete(key);
    if (r.hostNetwork) {
      const l = (this.hostNetPods.get(r.nodeName) ?? []).filter((x) => x !== r);
      if (l.length) this.hostNetPods.set(r.nodeName, l);
      else this.hostNetPods.delete(r.nodeName);
      return;
    }
    if (this.podsByIP.get(r.ip) === r) this.podsByIP.delete(r.ip);
    for (const hp of r.hostPorts.keys()) if (this.hostPorts.get(`${r.nodeName}|${hp}`) === r) this.hostPorts.delete(`${r.nodeName}|${hp}`);
  }

  setNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    this.deleteNode(name);
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) {
      this.nodesByIP.set(ip, name);
      this.nodeIPs.set(name, ip);
    }
    if (node.spec?.podCIDR) this.nodeCidrs.set(name, node.spec.podCIDR);
  }

  deleteNode(name: string): void {
    const ip = this.nodeIPs.get(name);
    if (ip && this.nodesByIP.get(ip) === name) this.nodesByIP.delete(ip);
    this.nodeIPs.delete(name);
    this.nodeCidrs.delete(name);
  }

  /** The pod holding a (pod network) address. */
  podByIP(ip: string): PodRecord | undefined {
    return this.podsByIP.get(ip);
  }

  podByKey(namespace: string, name: string): PodRecord | undefined {
    return this.podsByKey.get(`${namespace}/${name}`);
  }

  /** Every known pod, in key order. */
  pods(): PodRecord[] {
    return [...this.podsByKey.keys()].sort().map((k) => this.podsByKey.get(k)!);
  }

  nodeByIP(ip: string): string | undefined {
    return this.nodesByIP.get(ip);
  }

  nodeIP(name: string): string | undefined {
    return this.nodeIPs.get(name);
  }

  /** Node names with their InternalIP, in name order. */
  nodes(): { name: string; ip: string }[] {
    return [...this.nodeIPs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, ip]) => ({ name, ip }));
  }

  /** The bridge address of a node's pod network (the masquerade source towards its pods). */
  gateway(node: string, podIP?: string): string {
    const cidr = this.nodeCidrs.get(node);
    if (cidr) return gatewayOf(cidr);
    return podIP ? podIP.replace(/\.\d+$/, '.1') : '';
  }

  /** Is the address a Service's (cluster or external) address? */
  isServiceIP(ip: string): boolean {
    return !!(this.table.serviceByClusterIP(ip) ?? this.table.serviceByExternalIP(ip));
  }

  /**
   * Sends an HTTP request from `src` to ip:port. `external` marks traffic from outside the pod
   * network (the host through a route or tunnel): kube-proxy masquerades it.
   */
  deliver(src: Source, ip: string, port: number, req: HttpRequest, external = false): Delivery {
    const svc = this.table.serviceByClusterIP(ip) ?? this.table.serviceByExternalIP(ip);
    if (svc) return this.toService(src, svc, port, req, { external, node: src.node ?? this.firstNode(), byNodePort: false });
    const node = this.nodesByIP.get(ip);
    if (node) return this.toNode(src, node, ip, port, req);
    const pod = this.podsByIP.get(ip);
    if (pod) return this.toPod(pod, port, { ...req, remoteAddr: src.ip });
    return { result: TIMEOUT };
  }

  /** A TCP connect (nc -z, tcpSocket checks from pods): the same path without the exchange. */
  connect(src: Source, ip: string, port: number): ConnectResult {
    const probe: HttpRequest = { method: 'CONNECT', path: '/', headers: {}, remoteAddr: src.ip };
    const d = this.route(src, ip, port, probe);
    if ('result' in d) return d.result.kind === 'response' ? 'open' : d.result.kind;
    const listening = d.containers.some((c) => c.listening(d.port)) || !!this.claim(d.pod, d.port);
    return listening ? 'open' : 'refused';
  }

  private firstNode(): string | undefined {
    return this.nodes()[0]?.name;
  }

  // Resolves the destination without exchanging: the pod and port a connection ends at.
  private route(src: Source, ip: string, port: number, req: HttpRequest):
    { result: NetResult } | { pod: PodRecord; port: number; containers: readonly Container[] } {
    let target: { ip: string; port: number } | undefined;
    const svc = this.table.serviceByClusterIP(ip) ?? this.table.serviceByExternalIP(ip);
    const node = this.nodesByIP.get(ip);
    if (svc) {
      const d = this.proxier.route(svc, port, src.ip, { external: false, node: src.node ?? this.firstNode() });
      if (d.kind === 'reject') return { result: REFUSED };
      if (d.kind === 'drop') return { result: TIMEOUT };
      target = { ip: d.endpoint.ip, port: d.endpoint.port };
    } else if (node) {
      const np = this.table.nodePort(port);
      if (np) {
        const d = this.proxier.route(np.service, port, src.ip, { external: true, node, byNodePort: true });
        if (d.kind !== 'endpoint') return { result: d.kind === 'reject' ? REFUSED : TIMEOUT };
        target = { ip: d.endpoint.ip, port: d.endpoint.port };
      } else {
        const hp = this.hostPorts.get(`${node}|${port}`);
        if (hp) target = { ip: hp.ip, port: hp.hostPorts.get(port)! };
        else {
          for (const p of this.hostNetPods.get(node) ?? []) {
            const cs = this.host.podContainers(p.nodeName, p.uid);
            if (cs?.some((c) => c.listening(port))) return { pod: p, port, containers: cs };
          }
          return { result: REFUSED };
        }
      }
    } else target = { ip, port };
    const pod = this.podsByIP.get(target.ip);
    if (!pod) {
      // An endpoint on a node's own address (the apiserver's 192.168.49.2:8443).
      const n = this.nodesByIP.get(target.ip);
      if (n) return this.route(src, target.ip, target.port, req);
      return { result: UNREACHABLE };
    }
    const cs = this.host.podContainers(pod.nodeName, pod.uid);
    if (!cs) return { result: UNREACHABLE };
    return { pod, port: target.port, containers: cs };
  }

  private claim(pod: PodRecord, port: number): ((req: HttpRequest) => NetResult) | undefined {
    for (const i of this.interceptors) {
      const h = i(pod, port);
      if (h) return h;
    }
    return undefined;
  }

  private toService(src: Source, svc: ServiceInfo, port: number, req: HttpRequest,
    o: { external: boolean; node?: string; byNodePort: boolean }): Delivery {
    const d = this.proxier.route(svc, port, src.ip, o);
    if (d.kind === 'reject') return { result: REFUSED };
    if (d.kind === 'drop') return { result: TIMEOUT };
    const ep = d.endpoint;
    // Masquerade: node-port traffic (unless policy Local keeps the client address), traffic from
    // outside the pod network, and hairpin traffic (a pod reaching itself through its Service).
    const masq = o.byNodePort ? !svc.externalTrafficPolicyLocal : o.external || src.ip === ep.ip;
    const remoteAddr = masq ? this.masqueradeAddress(o.node, ep.nodeName, ep.ip) : src.ip;
    const pod = this.podsByIP.get(ep.ip);
    if (!pod) {
      const n = this.nodesByIP.get(ep.ip);
      if (n) return this.toNode({ ip: remoteAddr, node: o.node }, n, ep.ip, ep.port, req);
      return { result: UNREACHABLE };
    }
    return this.toPod(pod, ep.port, { ...req, remoteAddr });
  }

  private masqueradeAddress(via: string | undefined, endpointNode: string | undefined, endpointIP: string): string {
    if (via && endpointNode && via !== endpointNode) return this.nodeIPs.get(via) ?? '';
    return this.gateway(endpointNode ?? via ?? '', endpointIP);
  }

  private toNode(src: Source, node: string, ip: string, port: number, req: HttpRequest): Delivery {
    const np = this.table.nodePort(port);
    if (np) return this.toService(src, np.service, port, req, { external: true, node, byNodePort: true });
    const hp = this.hostPorts.get(`${node}|${port}`);
    if (hp) return this.toPod(hp, hp.hostPorts.get(port)!, { ...req, remoteAddr: src.ip });
    for (const p of this.hostNetPods.get(node) ?? []) {
      const cs = this.host.podContainers(p.nodeName, p.uid);
      const c = cs?.find((x) => x.listening(port));
      if (c) {
        const res = c.http(port, { ...req, remoteAddr: src.ip });
        return { result: res ? { kind: 'response', response: res } : REFUSED, pod: p, remoteAddr: src.ip };
      }
    }
    void ip;
    return { result: REFUSED };
  }

  private toPod(pod: PodRecord, port: number, req: HttpRequest): Delivery {
    const cs = this.host.podContainers(pod.nodeName, pod.uid);
    if (!cs) return { result: UNREACHABLE };
    if (!cs.length) return { result: REFUSED, pod };
    const claim = this.claim(pod, port);
    if (claim) return { result: claim(req), pod, remoteAddr: req.remoteAddr };
    for (const c of cs) {
      if (!c.listening(port)) continue;
      const res = c.http(port, req);
      return { result: res ? { kind: 'response', response: res } : REFUSED, pod, remoteAddr: req.remoteAddr };
    }
    return { result: REFUSED, pod };
  }
}

// kube-proxy's view of the cluster's Services: virtual IPs, node ports and the endpoints behind
// each service port, kept from the Service and EndpointSlice informers. Models
// pkg/proxy/servicechangetracker.go + serviceport.go (ServicePortInfo) and
// pkg/proxy/endpointschangetracker.go + endpointslicecache.go (endpoints merged from a Service's
// slices, matched to service ports by port name).
import type { EndpointSlice, Service } from '../../api';

/** One port of a Service, as kube-proxy programs it. */
export interface ServicePortInfo {
  name: string;
  port: number;
  protocol: string;
  nodePort?: number;
}

/** A Service, as kube-proxy and CoreDNS need it. */
export interface ServiceInfo {
  key: string;
  namespace: string;
  name: string;
  type: string;
  /** The cluster IP, or undefined for headless and ExternalName Services. */
  clusterIP?: string;
  headless: boolean;
  externalName?: string;
  ports: ServicePortInfo[];
  /** sessionAffinity ClientIP: how long a client sticks to its endpoint (ms). */
  affinityTimeoutMs?: number;
  externalTrafficPolicyLocal: boolean;
  internalTrafficPolicyLocal: boolean;
  publishNotReadyAddresses: boolean;
  /** status.loadBalancer.ingress IPs and spec.externalIPs. */
  externalIPs: string[];
}

/** One endpoint of one service port. */
export interface EndpointInfo {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  hostname?: string;
  /** The pod behind it ("ns/name"), when the slice names one. */
  target?: string;
}

/** v1.DefaultClientIPServiceAffinitySeconds. */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** The Service as kube-proxy sees it. */
export function serviceInfo(svc: Service): ServiceInfo {
  const spec = svc.spec ?? {};
  const ip = spec.clusterIP;
  const headless = ip === 'None';
  const info: ServiceInfo = {
    key: `${svc.metadata?.namespace}/${svc.metadata?.name}`,
    namespace: svc.metadata?.namespace ?? '',
    name: svc.metadata?.name ?? '',
    type: spec.type ?? 'ClusterIP',
    headless,
    ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP',
      ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
    externalTrafficPolicyLocal: spec.externalTrafficPolicy === 'Local',
    internalTrafficPolicyLocal: spec.internalTrafficPolicy === 'Local',
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    externalIPs: [...(spec.externalIPs ?? []), ...((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter(Boolean))],
  };
  if (ip && !headless && info.type !== 'ExternalName') info.clusterIP = ip;
  if (info.type === 'ExternalName') info.externalName = spec.externalName;
  if (spec.sessionAffinity === 'ClientIP') {
    info.affinityTimeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
  }
  return info;
}

/** Services and their endpoints, indexed for routing and name lookups. */
export class ServiceTable {
  private readonly services = new Map<string, ServiceInfo>();
  private readonly byClusterIP = new Map<string, string>();
  private readonly byExternalIP = new Map<string, string>();
  private readonly byNodePort = new Map<number, { key: string; port: string }>();
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  private readonly endpointCache = new Map<string, Map<string, EndpointInfo[]>>();
  /** Namespaces that hold at least one Service (CoreDNS answers NXDOMAIN for others). */
  private readonly namespaces = new Map<string, number>();

  /** A Service was added or changed. */
  setService(svc: Service): void {
    const info = serviceInfo(svc);
    this.deleteService(info.key);
    this.services.set(info.key, info);
    this.namespaces.set(info.namespace, (this.namespaces.get(info.namespace) ?? 0) + 1);
    if (info.clusterIP) this.byClusterIP.set(info.clusterIP, info.key);
    for (const ip of info.externalIPs) this.byExternalIP.set(ip, info.key);
    for (const p of info.ports) if (p.nodePort && info.type !== 'ClusterIP') this.byNodePort.set(p.nodePort, { key: info.key, port: p.name });
    this.endpointCache.delete(info.key);
  }

  /** A Service was deleted. */
  deleteService(key: string): void {
    const old = this.services.get(key);
    if (!old) return;
    this.services.delete(key);
    const n = (this.namespaces.get(old.namespace) ?? 1) - 1;
    if (n > 0) this.namespaces.set(old.namespace, n);
    else this.namespaces.delete(old.namespace);
    if (old.clusterIP && this.byClusterIP.get(old.clusterIP) === key) this.byClusterIP.delete(old.clusterIP);
    for (const ip of old.externalIPs) if (this.byExternalIP.get(ip) === key) this.byExternalIP.delete(ip);
    for (const p of old.ports) if (p.nodePort && this.byNodePort.get(p.nodePort)?.key === key) this.byNodePort.delete(p.nodePort);
    this.endpointCache.delete(key);
  }

  /** An EndpointSlice was added or changed (it belongs to the Service its label names). */
  setSlice(slice: EndpointSlice, previous?: EndpointSlice): void {
    if (previous) this.deleteSlice(previous);
    const key = sliceServiceKey(slice);
    if (!key) return;
    let m = this.slices.get(key);
    if (!m) this.slices.set(key, (m = new Map()));
    m.set(slice.metadata?.name ?? '', slice);
    this.endpointCache.delete(key);
  }

  /** An EndpointSlice was deleted. */
  deleteSlice(slice: EndpointSlice): void {
    const key = sliceServiceKey(slice);
    if (!key) return;
    const m = this.slices.get(key);
    if (!m) return;
    m.delete(slice.metadata?.name ?? '');
    if (!m.size) this.slices.delete(key);
    this.endpointCache.delete(key);
  }

  service(key: string): ServiceInfo | undefined {
    return this.services.get(key);
  }

  serviceByName(namespace: string, name: string): ServiceInfo | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  /** The Service whose cluster IP this is. */
  serviceByClusterIP(ip: string): ServiceInfo | undefined {
    const k = this.byClusterIP.get(ip);
    return k ? this.services.get(k) : undefined;
  }

  /** The Service whose external (load-balancer or spec.externalIPs) address this is. */
  serviceByExternalIP(ip: string): ServiceInfo | undefined {
    const k = this.byExternalIP.get(ip);
    return k ? this.services.get(k) : undefined;
  }

  /** The Service and port name a node port belongs to. */
  nodePort(port: number): { service: ServiceInfo; port: string } | undefined {
    const e = this.byNodePort.get(port);
    const s = e && this.services.get(e.key);
    return s ? { service: s, port: e.port } : undefined;
  }

  hasNamespace(ns: string): boolean {
    return this.namespaces.has(ns);
  }

  /** Every Service, in key order. */
  all(): ServiceInfo[] {
    return [...this.services.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * The endpoints of a service port (by the port's name), merged from all the Service's slices
   * and deduplicated by address, in slice-name then slice order.
   */
  endpoints(key: string, portName: string): readonly EndpointInfo[] {
    let byPort = this.endpointCache.get(key);
    if (!byPort) this.endpointCache.set(key, (byPort = new Map()));
    let list = byPort.get(portName);
    if (list) return list;
    list = [];
    const seen = new Set<string>();
    const slices = this.slices.get(key);
    for (const name of slices ? [...slices.keys()].sort() : []) {
      const s = slices!.get(name)!;
      if (s.addressType !== 'IPv4') continue;
      const port = (s.ports ?? []).find((p) => (p.name ?? '') === portName);
      if (!port || port.port === undefined || port.port === null) continue;
      for (const e of s.endpoints ?? []) {
        const ip = e.addresses?.[0];
        if (!ip || seen.has(ip)) continue;
        seen.add(ip);
        const c = e.conditions ?? {};
        // A missing ready condition means ready; serving defaults to ready (discovery/v1 docs).
        const ready = c.ready !== false;
        list.push({ ip, port: port.port, ready, serving: c.serving ?? ready, terminating: c.terminating === true,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}), ...(e.hostname ? { hostname: e.hostname } : {}),
          ...(e.targetRef?.name ? { target: `${e.targetRef.namespace ?? ''}/${e.targetRef.name}` } : {}) });
      }
    }
    byPort.set(portName, list);
    return list;
  }

  /** Every endpoint address of a Service (any port, or none: headless Services without ports). */
  addresses(key: string): readonly EndpointInfo[] {
    const out: EndpointInfo[] = [];
    const seen = new Set<string>();
    const slices = this.slices.get(key);
    for (const name of slices ? [...slices.keys()].sort() : []) {
      const s = slices!.get(name)!;
      if (s.addressType !== 'IPv4') continue;
      for (const e of s.endpoints ?? []) {
        const ip = e.addresses?.[0];
        if (!ip || seen.has(ip)) continue;
        seen.add(ip);
        const c = e.conditions ?? {};
        const ready = c.ready !== false;
        out.push({ ip, port: 0, ready, serving: c.serving ?? ready, terminating: c.terminating === true,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}), ...(e.hostname ? { hostname: e.hostname } : {}),
          ...(e.targetRef?.name ? { target: `${e.targetRef.namespace ?? ''}/${e.targetRef.name}` } : {}) });
      }
    }
    return out;
  }
}

/** "ns/service" of the Service a slice belongs to (its kubernetes.io/service-name label). */
export function sliceServiceKey(slice: EndpointSlice): string | undefined {
  const n = slice.metadata?.labels?.['kubernetes.io/service-name'];
  return n ? `${slice.metadata?.namespace}/${n}` : undefined;
}

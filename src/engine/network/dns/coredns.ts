// What minikube's CoreDNS answers (the Corefile in src/engine/bootstrap: kubernetes cluster.local
// with `pods insecure`, hosts with host.minikube.internal, forward to the node's resolver).
// Models coredns/coredns plugin/kubernetes (kubernetes.go Records/findServices/findPods,
// reverse.go, parse.go parseRequest) for A, CNAME and PTR queries.
import { dashed, fromReverseName, undashed } from '../ip';
import { usableEndpoints } from '../proxy/proxier';
import type { ServiceTable } from '../proxy/service-table';

/** The cluster domain (kubelet --cluster-domain, the Corefile's zone). */
export const CLUSTER_DOMAIN = 'cluster.local';
/** The kube-dns Service's cluster IP (every pod's nameserver). */
export const DNS_SERVICE_IP = '10.96.0.10';
/** host.minikube.internal: the host as the cluster sees it (the docker network's gateway). */
export const HOST_MINIKUBE_INTERNAL = '192.168.49.1';

/** A DNS answer: addresses (after following CNAMEs), no such name, a name without A records, or no server. */
export type DnsAnswer =
  | { rcode: 'NOERROR'; addresses: string[]; cnames?: string[] }
  | { rcode: 'NXDOMAIN' }
  | { rcode: 'NODATA' }
  /** No CoreDNS endpoint answered: `;; connection timed out; no servers could be reached`. */
  | { rcode: 'TIMEOUT' };

/** Options of the DNS server. */
export interface CoreDNSOptions {
  /** Names the upstream resolver knows (forward . /etc/resolv.conf); none by default (no internet). */
  upstream?: (name: string) => string[] | undefined;
}

const NX: DnsAnswer = { rcode: 'NXDOMAIN' };
const NODATA: DnsAnswer = { rcode: 'NODATA' };

/** CoreDNS for the cluster, answering from kube-proxy's Service table (the same informers' data). */
export class CoreDNS {
  constructor(private readonly table: ServiceTable, private readonly opts: CoreDNSOptions = {}) {}

  /** Is a CoreDNS pod behind the kube-dns Service ready to answer? */
  reachable(): boolean {
    const svc = this.table.serviceByName('kube-system', 'kube-dns');
    if (!svc) return false;
    const port = svc.ports.find((p) => p.port === 53)?.name ?? 'dns';
    return usableEndpoints(this.table.endpoints(svc.key, port), false, undefined).length > 0;
  }

  /** Answers an A query for a fully qualified name (trailing dot optional). */
  query(qname: string): DnsAnswer {
    if (!this.reachable()) return { rcode: 'TIMEOUT' };
    return this.answer(qname.toLowerCase().replace(/\.$/, ''), 0);
  }

  /** Answers a PTR query for an address: the name, or undefined (NXDOMAIN). */
  reverse(ip: string): string | undefined {
    if (!this.reachable()) return undefined;
    const svc = this.table.serviceByClusterIP(ip);
    if (svc) return `${svc.name}.${svc.namespace}.svc.${CLUSTER_DOMAIN}`;
    for (const s of this.table.all()) {
      const ep = this.table.addresses(s.key).find((e) => e.ip === ip);
      if (ep) return `${ep.hostname ?? dashed(ip)}.${s.name}.${s.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
    return undefined;
  }

  /** PTR by its query name ("5.0.244.10.in-addr.arpa"). */
  reverseName(name: string): string | undefined {
    const ip = fromReverseName(name);
    return ip ? this.reverse(ip) : undefined;
  }

  private answer(name: string, depth: number): DnsAnswer {
    if (name === 'host.minikube.internal') return { rcode: 'NOERROR', addresses: [HOST_MINIKUBE_INTERNAL] };
    if (name === CLUSTER_DOMAIN || !name.endsWith(`.${CLUSTER_DOMAIN}`)) {
      if (name === CLUSTER_DOMAIN) return NODATA;
      const up = this.opts.upstream?.(name);
      return up?.length ? { rcode: 'NOERROR', addresses: up } : NX;
    }
    const labels = name.slice(0, -(CLUSTER_DOMAIN.length + 1)).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'pod') return this.pod(labels.slice(0, -1));
    if (kind === 'svc') return this.service(labels.slice(0, -1), depth);
    return NX;
  }

  // <a-b-c-d>.<namespace>.pod: with `pods insecure` the address is taken from the name, unchecked.
  private pod(labels: string[]): DnsAnswer {
    if (labels.length !== 2) return labels.length < 2 ? NODATA : NX;
    const ip = undashed(labels[0]);
    return ip ? { rcode: 'NOERROR', addresses: [ip] } : NX;
  }

  private service(labels: string[], depth: number): DnsAnswer {
    if (labels.length === 0) return NODATA;
    if (labels.length === 1) return this.table.hasNamespace(labels[0]) ? NODATA : NX;
    if (labels.length > 3) return NX;
    const [ns, svcName] = [labels[labels.length - 1], labels[labels.length - 2]];
    const svc = this.table.serviceByName(ns, svcName);
    if (!svc) return NX;
    if (labels.length === 3) {
      // <endpoint>.<service>.<namespace>.svc: endpoints named by hostname, or by dashed address.
      if (!svc.headless) return NX;
      const want = labels[0];
      const ep = this.table.addresses(svc.key).find((e) => (e.ready || svc.publishNotReadyAddresses) &&
        (e.hostname === want || (!e.hostname && dashed(e.ip) === want) || dashed(e.ip) === want));
      return ep ? { rcode: 'NOERROR', addresses: [ep.ip] } : NX;
    }
    if (svc.type === 'ExternalName' && svc.externalName) {
      const target = svc.externalName.toLowerCase().replace(/\.$/, '');
      if (depth > 7) return NX;
      const next = this.answer(target, depth + 1);
      if (next.rcode === 'NOERROR') return { rcode: 'NOERROR', addresses: next.addresses, cnames: [target, ...(next.cnames ?? [])] };
      // The CNAME is still answered; its target has no address the cluster can find.
      return { rcode: 'NOERROR', addresses: [], cnames: [target] };
    }
    if (svc.clusterIP) return { rcode: 'NOERROR', addresses: [svc.clusterIP] };
    if (svc.headless) {
      const ips = this.table.addresses(svc.key).filter((e) => e.ready || svc.publishNotReadyAddresses).map((e) => e.ip);
      return ips.length ? { rcode: 'NOERROR', addresses: ips } : NX;
    }
    return NX;
  }
}

// What a container reaches beyond its own pod: DNS and TCP/HTTP to other pods and Services. The
// networking engineer implements PodNetwork (Service VIPs, kube-proxy, CoreDNS records); until then
// NO_NETWORK answers nothing, so `wget http://x` fails with busybox's clean `wget: bad address 'x'`.
import type { HttpRequest, HttpResponse } from './cri';

/** The pod a request comes from. */
export interface PodEndpoint {
  podIP: string;
  namespace: string;
  podName: string;
  nodeName: string;
}

/** A DNS answer as the cluster's DNS gives it. */
export type DnsAnswer =
  | { rcode: 'NOERROR'; addresses: string[]; cnames?: string[] }
  | { rcode: 'NXDOMAIN' }
  | { rcode: 'NODATA' }
  | { rcode: 'TIMEOUT' };

/** How a TCP connection attempt ends. */
export type ConnectResult = 'open' | 'refused' | 'timeout' | 'unreachable';

/** An HTTP exchange's outcome at the network level. */
export type NetResult =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

/**
 * The cluster network as a pod sees it. Implementations answer exact names (the container's
 * resolver applies /etc/resolv.conf's search list and ndots itself) and route by IP.
 */
export interface PodNetwork {
  /** A records of a fully-qualified name ("web.default.svc.cluster.local"), or undefined (NXDOMAIN). */
  lookup(fqdn: string, from: PodEndpoint): string[] | undefined;
  /** PTR: the name of an address (busybox 1.28 nslookup prints it), if any. */
  reverse?(ip: string): string | undefined;
  /**
   * The full answer for nslookup and dig: NXDOMAIN, a name without A records (NODATA), or no DNS
   * server reachable (TIMEOUT). Optional: without it lookup() decides found / NXDOMAIN.
   */
  resolve?(fqdn: string, from: PodEndpoint): DnsAnswer;
  /** Sends an HTTP request to ip:port. */
  request(from: PodEndpoint, ip: string, port: number, req: HttpRequest): NetResult;
  /** Opens (and closes) a TCP connection to ip:port (nc -z, tcp probes from pods). */
  connect(from: PodEndpoint, ip: string, port: number): ConnectResult;
}

/** No cluster network yet: nothing resolves, nothing routes. */
export const NO_NETWORK: PodNetwork = {
  lookup: () => undefined,
  request: () => ({ kind: 'unreachable' }),
  connect: () => 'unreachable',
};

// network.request: one HTTP exchange as a client on the host machine, on a node or in a pod
// makes it — name resolution as that client resolves, then the packet path. Used by the exec
// shell's tools (through PodNetwork), the host's curl, kubectl port-forward's local side, the
// `minikube service` URLs and the UI's browser pane.
import type { HttpRequest, HttpResponse } from '../runtime/cri';
import type { ConnectResult, NetResult } from './dataplane';
import { parseUrl } from './http-util';
import { isIPv4 } from './ip';

/** Who sends a request. */
export type RequestFrom = 'host' | { pod: { namespace: string; name: string } } | { node: string };

/** A request. */
export interface NetworkRequest {
  from: RequestFrom;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** curl --resolve HOST:PORT:ADDRESS entries. */
  resolve?: { host: string; port: number; address: string }[];
  /** curl -k: accept the clusters' self-signed certificates. */
  insecure?: boolean;
  /** The User-Agent header (default curl's). */
  userAgent?: string;
}

/** Why a request got no answer. */
export type RequestError = 'bad-url' | 'resolve' | 'dns-timeout' | 'refused' | 'timeout' | 'unreachable' | 'tls' | 'empty';

/** A response, or a failure, with the simulated time the client spent. */
export type NetworkResponse =
  | { ok: true; status: number; headers: Record<string, string>; body: string; address: string; port: number; elapsedMs: number }
  | { ok: false; error: RequestError; host: string; port: number; address?: string; elapsedMs: number };

/** The curl the learner's machine has (Ubuntu 24.04's). */
export const HOST_CURL_USER_AGENT = 'curl/8.5.0';
/** The host machine's address on minikube's docker network. */
export const HOST_IP = '192.168.49.1';
/** How long a connect to a silent address takes to fail (tcp_syn_retries 6: 1+2+4+…+64 s). */
export const CONNECT_TIMEOUT_MS = 127_000;
/** How long a connect to an address nobody answers ARP for takes to fail (No route to host). */
export const NO_ROUTE_MS = 3_000;

/** How a client resolves and where its packets go (supplied by ClusterNetwork per client kind). */
export interface ClientPath {
  /** Resolves a name: addresses, 'nx' or 'timeout'. */
  resolve(host: string): string[] | 'nx' | 'timeout';
  /** Sends one exchange to ip:port (`empty`: a local listener closed the connection without a reply). */
  send(ip: string, port: number, req: HttpRequest): NetResult | { kind: 'empty' };
  /** Opens (and closes) a connection to ip:port. */
  connect(ip: string, port: number): ConnectResult;
  /** The client's own address (remoteAddr the server sees without NAT). */
  ip: string;
}

/** Builds the outgoing request headers the way curl does (Host, User-Agent, Accept, then the caller's). */
export function requestHeaders(hostHeader: string, r: NetworkRequest): Record<string, string> {
  const h: Record<string, string> = { Host: hostHeader, 'User-Agent': r.userAgent ?? HOST_CURL_USER_AGENT, Accept: '*/*' };
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    const existing = Object.keys(h).find((x) => x.toLowerCase() === k.toLowerCase());
    if (existing) delete h[existing];
    if (v !== '') h[k] = v;
  }
  if (r.body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/x-www-form-urlencoded';
  if (r.body !== undefined) h['Content-Length'] = String(new TextEncoder().encode(r.body).length);
  return h;
}

/** Performs a request over a client path. */
export function performRequest(r: NetworkRequest, path: ClientPath): NetworkResponse {
  const u = parseUrl(r.url);
  if (!u) return { ok: false, error: 'bad-url', host: r.url, port: 0, elapsedMs: 0 };
  const pinned = r.resolve?.find((e) => e.host.toLowerCase() === u.host && e.port === u.port);
  let address: string;
  if (pinned) address = pinned.address;
  else if (isIPv4(u.host)) address = u.host;
  else {
    const got = path.resolve(u.host);
    if (got === 'timeout') return { ok: false, error: 'dns-timeout', host: u.host, port: u.port, elapsedMs: 10_000 };
    if (got === 'nx' || !got.length) return { ok: false, error: 'resolve', host: u.host, port: u.port, elapsedMs: 0 };
    address = got[0];
  }
  const method = r.method ?? (r.body !== undefined ? 'POST' : 'GET');
  const req: HttpRequest = { method, path: u.path, headers: requestHeaders(u.hostHeader, r), remoteAddr: path.ip };
  if (r.body !== undefined) req.body = r.body;
  const fail = (kind: 'refused' | 'timeout' | 'unreachable' | 'empty'): NetworkResponse => ({ ok: false, error: kind, host: u.host, port: u.port, address,
    elapsedMs: kind === 'timeout' ? CONNECT_TIMEOUT_MS : kind === 'unreachable' ? NO_ROUTE_MS : 0 });
  // TLS is not simulated: https needs -k, since every certificate in the cluster is self-signed;
  // without it the handshake fails once connected, before any request is sent.
  if (u.scheme === 'https' && !r.insecure) {
    const c = path.connect(address, u.port);
    return c === 'open' ? { ok: false, error: 'tls', host: u.host, port: u.port, address, elapsedMs: 0 } : fail(c);
  }
  const res = path.send(address, u.port, req);
  if (res.kind !== 'response') return fail(res.kind);
  return response(res.response, address, u.port, method);
}

function response(res: HttpResponse, address: string, port: number, method: string): NetworkResponse {
  return { ok: true, status: res.status, headers: res.headers, body: method === 'HEAD' ? '' : res.body, address, port, elapsedMs: 0 };
}

/** The resolver's search candidates for a name (res_search: as-is first when it has ndots dots or more). */
export function searchCandidates(host: string, search: readonly string[], ndots: number): string[] {
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const dots = host.split('.').length - 1;
  const expanded = search.map((d) => `${host}.${d}`);
  return dots >= ndots ? [host, ...expanded] : [...expanded, host];
}

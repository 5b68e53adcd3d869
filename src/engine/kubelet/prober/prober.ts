// One probe attempt. Models pkg/kubelet/prober/prober.go (runProbe) and pkg/probe/{exec,http,tcp}:
// what counts as success and the output a failure reports ("HTTP probe failed with statuscode:
// 503", `Get "http://…": dial tcp …: connect: connection refused`).
import type { Container, Pod, Probe } from '../../api/types';
import type { Clock } from '../../clock';
import type { Container as RuntimeContainer, HttpResponse } from '../../runtime/cri';
import { runCommand } from '../util';

/** results.Result. */
export type ProbeResult = 'success' | 'failure' | 'unknown';

/** What a probe attempt reaches. */
export interface ProbeTarget {
  pod: Pod;
  container: Container;
  /** The probed container's runtime handle (exec probes). */
  handle: RuntimeContainer;
  /** The pod's IP (the default host of httpGet and tcpSocket). */
  podIP: string;
  /** Every running container of the pod: they share one network namespace. */
  podContainers: () => RuntimeContainer[];
  /** Where the kubelet's connection comes from (nginx logs it). */
  remoteAddr: string;
}

/** The User-Agent of probe requests (kube-probe/<major>.<minor>). */
export const PROBE_USER_AGENT = 'kube-probe/1.32';

/** ResolveContainerPort: a number, or a named port of the container. */
export function resolvePort(port: number | string | undefined, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Sends a request into the pod's network namespace: the first container that answers on the port. */
function podHttp(t: ProbeTarget, port: number, req: Parameters<RuntimeContainer['http']>[1]): HttpResponse | undefined {
  const first = t.handle.http(port, req);
  if (first) return first;
  for (const c of t.podContainers()) {
    if (c === t.handle) continue;
    const r = c.http(port, req);
    if (r) return r;
  }
  return undefined;
}

function podListening(t: ProbeTarget, port: number): boolean {
  return t.handle.listening(port) || t.podContainers().some((c) => c.listening(port));
}

/** Runs one probe attempt; `done` is called once with the result and the output a failure reports. */
export function runProbe(clock: Clock, p: Probe, t: ProbeTarget, done: (r: ProbeResult, output: string) => void): void {
  const timeoutMs = (p.timeoutSeconds ?? 1) * 1000;
  if (p.exec) {
    const argv = p.exec.command ?? [];
    runCommand(clock, t.handle, argv, timeoutMs, (r) => {
      if (r.timedOut) return done('failure', `command ${JSON.stringify(argv.join(' '))} timed out`);
      done(r.exitCode === 0 ? 'success' : 'failure', r.output);
    });
    return;
  }
  if (p.httpGet) {
    const g = p.httpGet;
    const port = resolvePort(g.port, t.container);
    if (port === undefined) return done('unknown', `unable to find port ${JSON.stringify(g.port)}`);
    const host = g.host || t.podIP;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    let path = g.path ?? '';
    if (path && !path.startsWith('/')) path = `/${path}`;
    const url = `${scheme}://${joinHostPort(host, port)}${path}`;
    const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*' };
    for (const h of g.httpHeaders ?? []) headers[h.name] = h.value;
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = joinHostPort(host, port);
    const res = podHttp(t, port, { method: 'GET', path: path || '/', headers, remoteAddr: t.remoteAddr });
    if (!res) return done('failure', `Get ${JSON.stringify(url)}: dial tcp ${joinHostPort(host, port)}: connect: connection refused`);
    if (res.status >= 200 && res.status < 400) return done('success', res.body);
    return done('failure', `HTTP probe failed with statuscode: ${res.status}`);
  }
  if (p.tcpSocket) {
    const port = resolvePort(p.tcpSocket.port, t.container);
    if (port === undefined) return done('unknown', `unable to find port ${JSON.stringify(p.tcpSocket.port)}`);
    const host = p.tcpSocket.host || t.podIP;
    if (podListening(t, port)) return done('success', '');
    return done('failure', `dial tcp ${joinHostPort(host, port)}: connect: connection refused`);
  }
  if (p.grpc) {
    const addr = joinHostPort(t.podIP, p.grpc.port);
    // Deviation: a gRPC health check passes when something listens on the port.
    if (podListening(t, p.grpc.port)) return done('success', '');
    return done('failure', `timeout: failed to connect service ${JSON.stringify(addr)} within ${p.timeoutSeconds ?? 1}s: context deadline exceeded`);
  }
  done('unknown', 'missing probe handler');
}

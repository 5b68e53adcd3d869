// The ingress-nginx controller as it behaves once its pod runs in the ingress-nginx namespace:
// it claims the Ingresses of its class, records "Scheduled for sync" on them, publishes the
// address of the nodes its ready pods run on (every 60 s while leading), and its nginx proxies the
// HTTP traffic that reaches the pod's ports 80/443 to the Ingresses' backends.
// Models ingress-nginx v1.11 internal/ingress/controller/store/store.go (ingress event handlers),
// internal/ingress/status/status.go (statusSync: runningAddresses, updateStatus, Shutdown) and
// internal/ingress/controller/controller.go + its nginx.tmpl (servers, locations, proxy headers).
import type { Ingress, IngressBackend, IngressClass, Pod } from '../../api';
import { isNotFound } from '../../api';
import { EventRecorder, R, type Client, type Informer, type InformerFactory } from '../../client';
import type { Clock, Rng } from '../../clock';
import type { HttpRequest, HttpResponse } from '../../runtime/cri';
import type { Dataplane, NetResult, PodRecord } from '../dataplane';
import { byteLength, httpDate } from '../http-util';
import { usableEndpoints } from '../proxy/proxier';
import type { ServiceTable } from '../proxy/service-table';
import { errorResponse, redirectResponse } from './pages';
import { IngressRouter } from './router';

/** The addon's namespace. */
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
/** --controller-class. */
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** The events' source. */
export const EVENT_COMPONENT = 'nginx-ingress-controller';
/** status.UpdateInterval. */
export const STATUS_UPDATE_INTERVAL_MS = 60_000;
/** The user agent of the controller's client. */
export const INGRESS_NGINX_USER_AGENT = 'nginx-ingress-controller/v1.11.3 (linux/amd64) ingress-nginx/0f7ed5e9';
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const CONTROLLER_LABELS: Record<string, string> = {
  'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller',
};

/** What the controller is built from. */
export interface IngressNginxDeps {
  clock: Clock;
  rng: Rng;
  client: Client;
  /** The network's shared informers (Pods, Services, Nodes). */
  informers: InformerFactory;
  table: ServiceTable;
  dataplane: Dataplane;
}

const isControllerLabels = (labels: Record<string, string> | undefined) =>
  Object.entries(CONTROLLER_LABELS).every(([k, v]) => labels?.[k] === v);

/** Is this pod one of the addon's controller pods? */
export function isControllerPod(p: { namespace: string; labels: Record<string, string>; images: string[] }): boolean {
  return p.namespace === INGRESS_NGINX_NAMESPACE && isControllerLabels(p.labels) && p.images.some((i) => i.includes('ingress-nginx/controller'));
}

/** The ingress-nginx controller. */
export class IngressNginxController {
  private readonly ingresses: Informer<Ingress>;
  private readonly classes: Informer<IngressClass>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: EventRecorder;
  private router?: IngressRouter;
  private readonly rr = new Map<string, number>();
  /** The running controller pod leading (undefined while no controller runs). */
  private leader?: string;
  private statusTimer?: () => void;
  private published = false;

  constructor(private readonly deps: IngressNginxDeps) {
    this.recorder = new EventRecorder(deps.client, deps.clock, { component: EVENT_COMPONENT });
    this.ingresses = deps.informers.for<Ingress>(R.ingresses);
    this.classes = deps.informers.for<IngressClass>(R.ingressclasses);
    this.pods = deps.informers.for<Pod>(R.pods);
    const changed = () => { this.router = undefined; };
    this.ingresses.onEvent({
      add: (i) => { changed(); if (this.leader && this.handles(i)) this.syncEvent(i); },
      // Any change, its own status updates included, is scheduled for sync (reflect.DeepEqual(old, cur) fails).
      update: (_o, i) => { changed(); if (this.leader && this.handles(i)) this.syncEvent(i); },
      delete: changed,
    });
    this.classes.onEvent({ add: changed, update: changed, delete: changed });
    this.pods.onEvent({ add: (p) => this.podChanged(p), update: (_o, p) => this.podChanged(p), delete: (p) => this.podChanged(p) });
    deps.dataplane.intercept((pod, port) => (isControllerPod(pod) && (port === 80 || port === 443)
      ? (req) => this.serve(pod, port, req) : undefined));
  }

  /** Does the controller claim this Ingress (its class, or no class with --watch-ingress-without-class)? */
  handles(ing: Ingress): boolean {
    const name = ing.spec?.ingressClassName;
    if (name) return this.classes.lister.get(undefined, name)?.spec?.controller === CONTROLLER_CLASS;
    const ann = ing.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION];
    if (ann !== undefined) return ann === 'nginx';
    return true;
  }

  private syncEvent(ing: Ingress): void {
    // The informer's objects carry no TypeMeta.
    this.recorder.event({ ...ing, apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' }, 'Normal', 'Sync', 'Scheduled for sync');
  }

  private controllerPods(): Pod[] {
    return this.pods.lister.list(INGRESS_NGINX_NAMESPACE).filter((p) => isControllerLabels(p.metadata?.labels) &&
      (p.spec?.containers ?? []).some((c) => (c.image ?? '').includes('ingress-nginx/controller')));
  }

  // The controller process lives while its pod runs: it starts (and wins the leader election) when
  // a controller pod turns Running, and shuts down when none is left.
  private podChanged(p: Pod): void {
    if (p.metadata?.namespace !== INGRESS_NGINX_NAMESPACE || !isControllerLabels(p.metadata?.labels)) return;
    this.deps.clock.after(0, () => this.reconcileLeader());
  }

  private reconcileLeader(): void {
    const running = this.controllerPods().filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
    const leader = running[0]?.metadata?.name;
    if (leader && !this.leader) {
      this.leader = leader;
      // The informer's initial list replays every Ingress through AddFunc.
      for (const ing of this.ingresses.lister.list()) if (this.handles(ing)) this.syncEvent(ing);
      this.syncStatus();
    } else if (!leader && this.leader) {
      this.leader = undefined;
      this.statusTimer?.();
      this.statusTimer = undefined;
      // --update-status-on-shutdown: the last controller removes the address it published.
      if (this.published) this.updateStatus([]);
      this.published = false;
    } else if (leader) this.leader = leader;
  }

  // statusSync.sync, then again every UpdateInterval while leading.
  private syncStatus(): void {
    this.statusTimer?.();
    if (!this.leader) return;
    const addrs = this.runningAddresses();
    this.updateStatus(addrs);
    this.published = true;
    this.statusTimer = this.deps.clock.after(STATUS_UPDATE_INTERVAL_MS, () => this.syncStatus());
  }

  /** runningAddresses: the InternalIP of the node of each Running and Ready controller pod, sorted. */
  private runningAddresses(): string[] {
    const out = new Set<string>();
    for (const p of this.controllerPods()) {
      if (p.status?.phase !== 'Running') continue;
      if (!(p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      const ip = this.deps.dataplane.nodeIP(p.spec?.nodeName ?? '');
      if (ip) out.add(ip);
    }
    return [...out].sort();
  }

  private updateStatus(addrs: string[]): void {
    const want = addrs.map((ip) => ({ ip }));
    for (const ing of this.ingresses.lister.list()) {
      if (!this.handles(ing)) continue;
      const cur = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').sort();
      if (cur.join(',') === addrs.join(',')) continue;
      try {
        const fresh = this.deps.client.get<Ingress>(R.ingresses, ing.metadata?.namespace, ing.metadata?.name ?? '');
        this.deps.client.updateStatus(R.ingresses, { ...fresh, status: { ...fresh.status, loadBalancer: want.length ? { ingress: want } : {} } });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }

  // ---- nginx ----

  private routerNow(): IngressRouter {
    this.router ??= new IngressRouter(this.ingresses.lister.list().filter((i) => this.handles(i)));
    return this.router;
  }

  /** One request reaching the controller pod's nginx on port 80 or 443. */
  private serve(pod: PodRecord, port: number, req: HttpRequest): NetResult {
    const now = this.deps.clock.now();
    const host = headerOf(req, 'host') ?? pod.ip;
    const route = this.routerNow().route(host, req.path, port === 443);
    if (route.kind === 'default') return respond(errorResponse(404, now));
    if (route.kind === 'redirect') return respond(redirectResponse(route.location, now));
    const upstream = this.upstream(route.namespace, route.backend);
    if (!upstream) return respond(errorResponse(503, now));
    const scheme = port === 443 ? 'https' : 'http';
    const headers: Record<string, string> = {
      Host: host, 'X-Request-ID': this.requestId(), 'X-Real-IP': req.remoteAddr, 'X-Forwarded-For': req.remoteAddr,
      'X-Forwarded-Host': host, 'X-Forwarded-Port': String(port), 'X-Forwarded-Proto': scheme, 'X-Forwarded-Scheme': scheme,
      'X-Scheme': scheme,
    };
    for (const [k, v] of Object.entries(req.headers)) if (!/^(host|connection|proxy)$/i.test(k) && !(k in headers)) headers[k] = v;
    // proxy_next_upstream error timeout: a refused endpoint is retried on the next one (3 tries).
    let last: NetResult = { kind: 'refused' };
    for (let attempt = 0; attempt < Math.min(3, upstream.length); attempt++) {
      const ep = this.pick(upstream);
      last = this.deps.dataplane.deliver({ ip: pod.ip, node: pod.nodeName }, ep.ip, ep.port, { ...req, headers }).result;
      if (last.kind === 'response') return respond(passThrough(last.response, now));
    }
    return respond(errorResponse(last.kind === 'timeout' ? 504 : 502, now));
  }

  private requestId(): string {
    let s = '';
    for (let i = 0; i < 32; i++) s += this.deps.rng.int(16).toString(16);
    return s;
  }

  /** The ready endpoints of a backend (ingress-nginx balances over endpoints, not the cluster IP). */
  private upstream(namespace: string, backend: IngressBackend): { ip: string; port: number; key: string }[] | undefined {
    const s = backend.service;
    if (!s?.name) return undefined;
    const svc = this.deps.table.serviceByName(namespace, s.name);
    if (!svc) return undefined;
    const sp = svc.ports.find((p) => (s.port?.number !== undefined ? p.port === s.port.number : p.name === s.port?.name));
    if (!sp) return undefined;
    const key = `${namespace}-${s.name}-${s.port?.number ?? s.port?.name}`;
    const eps = usableEndpoints(this.deps.table.endpoints(svc.key, sp.name), false, undefined).filter((e) => e.ready);
    return eps.length ? eps.map((e) => ({ ip: e.ip, port: e.port, key })) : undefined;
  }

  private pick(eps: { ip: string; port: number; key: string }[]): { ip: string; port: number } {
    const n = this.rr.get(eps[0].key) ?? 0;
    this.rr.set(eps[0].key, n + 1);
    return eps[n % eps.length];
  }
}

function headerOf(req: HttpRequest, name: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

const respond = (response: HttpResponse): NetResult => ({ kind: 'response', response });

/** The upstream's response as nginx relays it: its own Date, no Server, keep-alive. */
function passThrough(res: HttpResponse, now: number): HttpResponse {
  const h: Record<string, string> = { Date: httpDate(now) };
  const get = (n: string) => Object.entries(res.headers).find(([k]) => k.toLowerCase() === n)?.[1];
  const ct = get('content-type');
  if (ct) h['Content-Type'] = ct;
  h['Content-Length'] = get('content-length') ?? String(byteLength(res.body));
  h.Connection = 'keep-alive';
  for (const [k, v] of Object.entries(res.headers)) {
    if (/^(date|server|connection|keep-alive|transfer-encoding|content-type|content-length)$/i.test(k)) continue;
    h[k] = v;
  }
  return { status: res.status, headers: h, body: res.body };
}

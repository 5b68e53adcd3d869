// How ingress-nginx maps a request to a backend: one nginx server per host (wildcards as nginx's
// server_name matches them, everything else to the catch-all "_"), one location per path (Exact
// as `location =`, Prefix as element-wise prefix, ImplementationSpecific as nginx's string prefix),
// the longest match winning and the oldest Ingress winning a conflict; a server's unmatched
// requests go to the Ingress's defaultBackend or to the controller's default backend (404).
// Models ingress-nginx internal/ingress/controller/controller.go (getBackendServers,
// createServers) and the location ordering of its nginx.tmpl.
import type { Ingress, IngressBackend } from '../../api';
import { parseTime } from '../../clock';

/** Where a request goes. */
export type Route =
  | { kind: 'backend'; ingress: string; namespace: string; backend: IngressBackend }
  /** No Ingress takes it: the default backend's 404. */
  | { kind: 'default' }
  /** A TLS host asked over http: 308 to https. */
  | { kind: 'redirect'; location: string };

interface Location {
  path: string;
  type: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  ingress: string;
  namespace: string;
  backend: IngressBackend;
}

interface Server {
  locations: Location[];
  /** An Ingress's spec.defaultBackend for this host. */
  fallback?: { ingress: string; namespace: string; backend: IngressBackend };
  tls: boolean;
}

function matches(l: Location, path: string): boolean {
  if (l.type === 'Exact') return path === l.path;
  if (l.type === 'Prefix') {
    if (l.path === '/') return true;
    const p = l.path.replace(/\/+$/, '');
    return path === p || path.startsWith(`${p}/`);
  }
  return path.startsWith(l.path);
}

/** The routing table of the Ingresses one controller serves. */
export class IngressRouter {
  private readonly servers = new Map<string, Server>();
  private readonly wildcards: [string, Server][] = [];
  private readonly catchAll: Server = { locations: [], tls: false };

  /** Builds the table; ingresses are taken oldest first (creationTimestamp, then namespace/name). */
  constructor(ingresses: readonly Ingress[]) {
    const sorted = [...ingresses].sort((a, b) => {
      const ta = parseTime(a.metadata?.creationTimestamp) ?? 0, tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
      if (ta !== tb) return ta - tb;
      const ka = `${a.metadata?.namespace}/${a.metadata?.name}`, kb = `${b.metadata?.namespace}/${b.metadata?.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    for (const ing of sorted) this.add(ing);
    for (const s of [...this.servers.values(), this.catchAll, ...this.wildcards.map(([, s]) => s)]) {
      // Longest path first; at equal length an Exact location beats a prefix one.
      s.locations.sort((a, b) => b.path.length - a.path.length || (a.type === 'Exact' ? -1 : 0) - (b.type === 'Exact' ? -1 : 0));
    }
    this.wildcards.sort((a, b) => b[0].length - a[0].length);
  }

  private server(host: string): Server {
    if (!host) return this.catchAll;
    if (host.startsWith('*.')) {
      let w = this.wildcards.find(([h]) => h === host);
      if (!w) this.wildcards.push((w = [host, { locations: [], tls: false }]));
      return w[1];
    }
    let s = this.servers.get(host);
    if (!s) this.servers.set(host, (s = { locations: [], tls: false }));
    return s;
  }

  private add(ing: Ingress): void {
    const namespace = ing.metadata?.namespace ?? '';
    const id = `${namespace}/${ing.metadata?.name}`;
    const spec = ing.spec ?? {};
    const tlsHosts = new Set((spec.tls ?? []).flatMap((t) => t.hosts ?? []).map((h) => h.toLowerCase()));
    const hosts = new Set<string>();
    for (const rule of spec.rules ?? []) {
      const host = (rule.host ?? '').toLowerCase();
      hosts.add(host);
      const srv = this.server(host);
      if (tlsHosts.has(host)) srv.tls = true;
      for (const p of rule.http?.paths ?? []) {
        const path = p.path || '/';
        const type = (p.pathType ?? 'ImplementationSpecific') as Location['type'];
        if (srv.locations.some((l) => l.path === path && l.type === type)) continue; // the older Ingress keeps it
        srv.locations.push({ path, type, ingress: id, namespace, backend: p.backend });
      }
    }
    if (spec.defaultBackend) {
      const fb = { ingress: id, namespace, backend: spec.defaultBackend };
      // Without rules the Ingress is the catch-all; with rules its default backend serves its hosts' unmatched paths.
      if (!(spec.rules ?? []).length) this.catchAll.fallback ??= fb;
      for (const h of hosts) this.server(h).fallback ??= fb;
    }
  }

  /** The server a Host header selects. */
  private select(host: string): Server {
    const h = host.toLowerCase().replace(/:\d+$/, '');
    const exact = this.servers.get(h);
    if (exact) return exact;
    for (const [w, s] of this.wildcards) if (h.endsWith(w.slice(1)) && h.length > w.length - 1) return s;
    return this.catchAll;
  }

  /** Routes a request by Host header and path ("/a/b?x=1"); `https` when it came in on 443. */
  route(host: string, rawPath: string, https: boolean): Route {
    const srv = this.select(host);
    const path = rawPath.split('?')[0] || '/';
    if (srv.tls && !https) return { kind: 'redirect', location: `https://${host.replace(/:\d+$/, '')}${rawPath}` };
    for (const l of srv.locations) if (matches(l, path)) return { kind: 'backend', ingress: l.ingress, namespace: l.namespace, backend: l.backend };
    if (srv.fallback) return { kind: 'backend', ...srv.fallback };
    return { kind: 'default' };
  }
}

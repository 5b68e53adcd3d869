import { describe, expect, it } from 'vitest';
import type { Ingress } from '../../api';
import { IngressRouter, type Route } from './router';

type P = { path?: string; pathType?: string; svc: string };
const ing = (name: string, created: string, rules: { host?: string; paths: P[] }[], extra: Partial<NonNullable<Ingress['spec']>> = {}): Ingress => ({
  metadata: { name, namespace: 'default', creationTimestamp: created },
  spec: {
    rules: rules.map((r) => ({ ...(r.host ? { host: r.host } : {}), http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType ?? 'Prefix',
      backend: { service: { name: p.svc, port: { number: 80 } } } })) } })),
    ...extra,
  },
});
const svcOf = (r: Route) => (r.kind === 'backend' ? r.backend.service?.name : r.kind === 'redirect' ? `-> ${r.location}` : '404');

describe('IngressRouter', () => {
  const router = new IngressRouter([
    ing('app', '2025-01-15T09:00:00Z', [{ host: 'mywebapp.example.com', paths: [{ path: '/', svc: 'web' }, { path: '/api', svc: 'api' },
      { path: '/exact', pathType: 'Exact', svc: 'exact' }, { path: '/impl', pathType: 'ImplementationSpecific', svc: 'impl' }] }]),
    ing('later', '2025-01-15T09:05:00Z', [{ host: 'mywebapp.example.com', paths: [{ path: '/api', svc: 'other' }, { path: '/new', svc: 'new' }] }]),
    ing('wild', '2025-01-15T09:00:00Z', [{ host: '*.apps.example.com', paths: [{ path: '/', svc: 'wild' }] }]),
    ing('tls', '2025-01-15T09:00:00Z', [{ host: 'secure.example.com', paths: [{ path: '/', svc: 'secure' }] }],
      { tls: [{ hosts: ['secure.example.com'], secretName: 'cert' }] }),
    ing('fb', '2025-01-15T09:00:00Z', [{ host: 'fb.example.com', paths: [{ path: '/only', svc: 'only' }] }],
      { defaultBackend: { service: { name: 'fallback', port: { number: 80 } } } }),
  ]);
  const cases: { name: string; host: string; path: string; https?: boolean; want: string }[] = [
    { name: 'root prefix', host: 'mywebapp.example.com', path: '/', want: 'web' },
    { name: 'host header with port', host: 'mywebapp.example.com:80', path: '/x', want: 'web' },
    { name: 'longest prefix wins', host: 'mywebapp.example.com', path: '/api/v1/users', want: 'api' },
    { name: 'prefix is element-wise', host: 'mywebapp.example.com', path: '/apix', want: 'web' },
    { name: 'trailing slash still matches', host: 'mywebapp.example.com', path: '/api/', want: 'api' },
    { name: 'older Ingress keeps a conflicting path', host: 'mywebapp.example.com', path: '/api', want: 'api' },
    { name: 'Ingresses for one host merge', host: 'mywebapp.example.com', path: '/new/x', want: 'new' },
    { name: 'Exact matches only itself', host: 'mywebapp.example.com', path: '/exact', want: 'exact' },
    { name: 'Exact does not match below', host: 'mywebapp.example.com', path: '/exact/more', want: 'web' },
    { name: 'ImplementationSpecific is a string prefix', host: 'mywebapp.example.com', path: '/implementation', want: 'impl' },
    { name: 'query string is not part of the path', host: 'mywebapp.example.com', path: '/api?x=1', want: 'api' },
    { name: 'host is case-insensitive', host: 'MyWebApp.Example.com', path: '/', want: 'web' },
    { name: 'unknown host gets the default backend', host: 'other.example.com', path: '/', want: '404' },
    { name: 'wildcard host', host: 'a.apps.example.com', path: '/', want: 'wild' },
    { name: 'wildcard does not match its apex', host: 'apps.example.com', path: '/', want: '404' },
    { name: 'TLS host over http redirects', host: 'secure.example.com', path: '/p?q=1', want: '-> https://secure.example.com/p?q=1' },
    { name: 'TLS host over https is served', host: 'secure.example.com', path: '/', https: true, want: 'secure' },
    { name: "an Ingress's defaultBackend takes its host's unmatched paths", host: 'fb.example.com', path: '/else', want: 'fallback' },
    { name: 'defaultBackend does not take other hosts', host: 'nobody.example.com', path: '/', want: '404' },
  ];
  for (const c of cases) it(c.name, () => expect(svcOf(router.route(c.host, c.path, c.https ?? false))).toBe(c.want));

  it('an Ingress with only a defaultBackend is the catch-all', () => {
    const r = new IngressRouter([{ metadata: { name: 'd', namespace: 'default' }, spec: { defaultBackend: { service: { name: 'catch', port: { number: 80 } } } } }]);
    expect(svcOf(r.route('anything.example.com', '/x', false))).toBe('catch');
  });

  it('rules without a host serve every host', () => {
    const r = new IngressRouter([ing('nohost', '2025-01-15T09:00:00Z', [{ paths: [{ path: '/', svc: 'any' }] }])]);
    expect(svcOf(r.route('192.168.49.2', '/', false))).toBe('any');
  });
});

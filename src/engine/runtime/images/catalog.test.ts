import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './catalog';
import { distroBinsFor } from './catalog.test-support';
import { programIds } from '../programs/registry';

const catalog = defaultCatalog();
const tagsOf = (ref: string) => {
  const r = catalog.resolve(ref);
  if ('error' in r) throw new Error(r.error);
  return r.image;
};

describe('image catalog', () => {
  const lookups: { name: string; ref: string; version: string }[] = [
    { name: 'nginx latest is mainline 1.27.3', ref: 'nginx', version: '1.27.3' },
    { name: 'nginx stable', ref: 'nginx:stable', version: '1.26.2' },
    { name: 'nginx minor tag', ref: 'nginx:1.25', version: '1.25.5' },
    { name: 'nginx alpine', ref: 'nginx:alpine', version: '1.27.3' },
    { name: 'nginx from the docs', ref: 'nginx:1.14.2', version: '1.14.2' },
    { name: 'busybox 1.28 (the DNS docs)', ref: 'busybox:1.28', version: '1.28.4' },
    { name: 'busybox latest', ref: 'busybox', version: '1.37.0' },
    { name: 'busybox 1.36', ref: 'busybox:1.36', version: '1.36.1' },
    { name: 'mongo latest', ref: 'mongo:latest', version: '8.0.4' },
    { name: 'redis', ref: 'redis', version: '7.4.2' },
    { name: 'postgres', ref: 'postgres', version: '17.2' },
    { name: 'mysql 8.0', ref: 'mysql:8.0', version: '8.0.40' },
    { name: 'perl of the pi Job', ref: 'perl:5.34.0', version: '5.34.0' },
    { name: 'agnhost', ref: 'registry.k8s.io/e2e-test-images/agnhost:2.39', version: '2.39' },
    { name: 'echoserver on k8s.gcr.io', ref: 'k8s.gcr.io/echoserver:1.4', version: '1.4' },
    { name: 'echoserver 1.10', ref: 'registry.k8s.io/echoserver:1.10', version: '1.10' },
    { name: 'pause', ref: 'registry.k8s.io/pause:3.10', version: '3.10' },
    { name: 'coredns', ref: 'registry.k8s.io/coredns/coredns:v1.11.3', version: 'v1.11.3' },
    { name: 'ingress-nginx', ref: 'registry.k8s.io/ingress-nginx/controller:v1.11.3', version: 'v1.11.3' },
    { name: 'minikube echo-server', ref: 'kicbase/echo-server:1.0', version: '1.0' },
  ];
  for (const c of lookups) it(c.name, () => expect(tagsOf(c.ref).version).toBe(c.version));

  const failures: { name: string; ref: string; message: string }[] = [
    { name: 'unknown Docker Hub repository', ref: 'foo',
      message: "Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" },
    { name: 'unknown user repository', ref: 'someone/app:1.0',
      message: "Error response from daemon: pull access denied for someone/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" },
    { name: 'known repository, unknown tag', ref: 'nginx:1.99', message: 'Error response from daemon: manifest for nginx:1.99 not found: manifest unknown: manifest unknown' },
    { name: 'the docs typo', ref: 'nginx:1.161', message: 'Error response from daemon: manifest for nginx:1.161 not found: manifest unknown: manifest unknown' },
    { name: 'registry that does not resolve', ref: 'myregistry.local:5000/app:1',
      message: 'Error response from daemon: Get "https://myregistry.local:5000/v2/": dial tcp: lookup myregistry.local on 192.168.49.1:53: no such host' },
    { name: 'unknown digest', ref: `nginx@sha256:${'0'.repeat(64)}`,
      message: `Error response from daemon: manifest for nginx@sha256:${'0'.repeat(64)} not found: manifest unknown: manifest unknown` },
  ];
  for (const c of failures) {
    it(`fails like dockerd: ${c.name}`, () => {
      const r = catalog.resolve(c.ref);
      expect('error' in r && r.error).toBe(c.message);
    });
  }

  it('resolves an image by the digest it is served under', () => {
    const img = tagsOf('nginx:1.27.3');
    const byDigest = catalog.resolve(`nginx@${catalog.digestOf(img)}`);
    expect('image' in byDigest && byDigest.image).toBe(img);
    expect(catalog.digestOf(img)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('has realistic sizes', () => {
    const nginx = tagsOf('nginx').sizeBytes;
    expect(nginx).toBeGreaterThan(180e6);
    expect(nginx).toBeLessThan(200e6);
    expect(tagsOf('busybox:1.28').sizeBytes).toBeLessThan(2e6);
    expect(tagsOf('nginx:alpine').sizeBytes).toBeLessThan(60e6);
  });

  it('implements the program of every executable the images name', () => {
    const ids = new Set(programIds());
    const appMissing = new Set<string>();
    for (const img of catalog.all()) for (const id of Object.values(img.bins ?? {})) if (!ids.has(id)) appMissing.add(id);
    expect([...appMissing]).toEqual([]);
    // The shells and the everyday utilities exist in every distro base.
    for (const id of ['ash', 'dash', 'bash', 'ls', 'cat', 'echo', 'env', 'sleep', 'date', 'wget', 'nslookup']) expect(ids.has(id)).toBe(true);
    expect(distroBinsFor('busybox:1.28')['/bin/sh']).toBe('ash');
    expect(distroBinsFor('nginx')['/usr/bin/sh']).toBe('dash');
  });
});

import { describe, expect, it } from 'vitest';
import { ReferenceError, familiarName, familiarString, parseNormalizedNamed, referenceString, withDefaultTag } from './reference';

describe('parseNormalizedNamed (distribution/reference normalize.go)', () => {
  const cases: { name: string; in: string; full: string; familiar: string }[] = [
    { name: 'official image', in: 'nginx', full: 'docker.io/library/nginx:latest', familiar: 'nginx:latest' },
    { name: 'official with tag', in: 'nginx:1.27', full: 'docker.io/library/nginx:1.27', familiar: 'nginx:1.27' },
    { name: 'user repo', in: 'kicbase/echo-server:1.0', full: 'docker.io/kicbase/echo-server:1.0', familiar: 'kicbase/echo-server:1.0' },
    { name: 'explicit docker.io', in: 'docker.io/library/busybox:1.28', full: 'docker.io/library/busybox:1.28', familiar: 'busybox:1.28' },
    { name: 'legacy index.docker.io', in: 'index.docker.io/library/redis', full: 'docker.io/library/redis:latest', familiar: 'redis:latest' },
    { name: 'other registry', in: 'registry.k8s.io/pause:3.10', full: 'registry.k8s.io/pause:3.10', familiar: 'registry.k8s.io/pause:3.10' },
    { name: 'registry with port', in: 'localhost:5000/app', full: 'localhost:5000/app:latest', familiar: 'localhost:5000/app:latest' },
    { name: 'nested path', in: 'registry.k8s.io/e2e-test-images/agnhost:2.39', full: 'registry.k8s.io/e2e-test-images/agnhost:2.39', familiar: 'registry.k8s.io/e2e-test-images/agnhost:2.39' },
    {
      name: 'digest', in: `nginx@sha256:${'a'.repeat(64)}`, full: `docker.io/library/nginx@sha256:${'a'.repeat(64)}`,
      familiar: `nginx@sha256:${'a'.repeat(64)}`,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ref = withDefaultTag(parseNormalizedNamed(c.in));
      expect(referenceString(ref)).toBe(c.full);
      expect(familiarString(ref)).toBe(c.familiar);
    });
  }

  const errors: { name: string; in: string; message: string }[] = [
    { name: 'uppercase repository', in: 'Nginx', message: 'invalid reference format: repository name (library/Nginx) must be lowercase' },
    { name: 'uppercase path component', in: 'docker.io/MyUser/app:1', message: 'invalid reference format: repository name (MyUser/app) must be lowercase' },
    { name: 'bad characters', in: 'nginx:1.2?', message: 'invalid reference format' },
    { name: 'empty', in: '', message: 'invalid reference format' },
    { name: '64-hex identifier', in: 'a'.repeat(64), message: `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings` },
    { name: 'short digest', in: 'nginx@sha256:abcd', message: 'invalid reference format' },
  ];
  for (const c of errors) {
    it(`rejects: ${c.name}`, () => {
      expect(() => parseNormalizedNamed(c.in)).toThrow(ReferenceError);
      expect(() => parseNormalizedNamed(c.in)).toThrow(c.message);
    });
  }

  it('an uppercase first component is a registry host, as upstream reads it', () => {
    expect(parseNormalizedNamed('MyUser/app:1')).toEqual({ domain: 'MyUser', path: 'app', tag: '1', digest: undefined });
  });

  it('familiar names drop docker.io/library/ only', () => {
    expect(familiarName(parseNormalizedNamed('docker.io/library/nginx'))).toBe('nginx');
    expect(familiarName(parseNormalizedNamed('polinux/stress'))).toBe('polinux/stress');
    expect(familiarName(parseNormalizedNamed('gcr.io/k8s-minikube/storage-provisioner:v5'))).toBe('gcr.io/k8s-minikube/storage-provisioner');
  });
});

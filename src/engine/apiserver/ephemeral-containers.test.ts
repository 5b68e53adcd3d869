import { describe, expect, it } from 'vitest';
import { SimClock, SeededRng } from '../clock';
import { Store } from '../store';
import { ApiServer } from './server';
import { Client, R } from '../client';
import type { ApiStatus, KubeObject, Pod } from '../api/types';

function setup() {
  const clock = new SimClock({ start: Date.UTC(2025, 0, 15, 9) });
  const api = new ApiServer({ store: new Store({ historySize: 100 }), clock, rng: new SeededRng(1) });
  const c = new Client(api, 'test/v1');
  c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  c.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  clock.flush();
  const live = c.create(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } as Pod) as Pod;
  return { api, c, live };
}

const ec = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'busybox', terminationMessagePolicy: 'File', ...extra });
const target = { verb: 'patch' as const, group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web',
  subresource: 'ephemeralcontainers', patchType: 'application/strategic-merge-patch+json' as const, user: 'kubectl/v1.32.0' };

describe('pods/ephemeralcontainers', () => {
  it('a strategic merge patch adds an ephemeral container, defaulted, with a managed-fields entry for the subresource', () => {
    const { api } = setup();
    const res = api.handle({ ...target, query: { fieldManager: 'kubectl-debug' },
      body: { spec: { ephemeralContainers: [ec('debugger-abcde', { stdin: true, tty: true, targetContainerName: 'nginx' })] } } });
    expect(res.code).toBe(200);
    const pod = res.body as Pod;
    expect(pod.spec?.ephemeralContainers?.[0]).toMatchObject({ name: 'debugger-abcde', image: 'busybox', imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log', targetContainerName: 'nginx', stdin: true, tty: true });
    const mf = pod.metadata?.managedFields?.find((m) => m.manager === 'kubectl-debug');
    expect(mf).toMatchObject({ operation: 'Update', subresource: 'ephemeralcontainers' });
    const get = api.handle({ ...target, verb: 'get', body: undefined });
    expect((get.body as Pod).spec?.ephemeralContainers).toHaveLength(1);
  });

  it('changes to anything else in the body are dropped (labels, containers, status)', () => {
    const { api, live } = setup();
    const body = structuredClone(live) as Pod;
    body.metadata!.labels = { app: 'other' };
    body.spec!.containers[0].image = 'nginx:2';
    body.spec!.ephemeralContainers = [ec('dbg') as never];
    const res = api.handle({ ...target, verb: 'update', patchType: undefined, body: body as KubeObject });
    expect(res.code).toBe(200);
    const pod = res.body as Pod;
    expect(pod.metadata?.labels).toEqual({ app: 'web' });
    expect(pod.spec?.containers[0].image).toBe('nginx');
    expect(pod.spec?.ephemeralContainers?.map((c) => c.name)).toEqual(['dbg']);
  });

  const cases: { name: string; ecs: unknown[]; message: string }[] = [
    { name: 'duplicate name', ecs: [ec('nginx')], message: 'Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "nginx"' },
    { name: 'missing image', ecs: [ec('dbg', { image: '' })], message: 'Pod "web" is invalid: spec.ephemeralContainers[0].image: Required value' },
    { name: 'unknown target', ecs: [ec('dbg', { targetContainerName: 'nope' })],
      message: 'Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"' },
    { name: 'ports and probes', ecs: [ec('dbg', { ports: [{ containerPort: 80 }], readinessProbe: { exec: { command: ['true'] } } })],
      message: 'Pod "web" is invalid: [spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, '
        + 'spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container]' },
  ];
  for (const tc of cases) {
    it(`rejects: ${tc.name}`, () => {
      const { api } = setup();
      const res = api.handle({ ...target, body: { spec: { ephemeralContainers: tc.ecs } } });
      expect(res.code).toBe(422);
      expect((res.body as ApiStatus).message).toBe(tc.message);
    });
  }

  it('existing ephemeral containers may not be removed or changed', () => {
    const { api } = setup();
    const added = api.handle({ ...target, body: { spec: { ephemeralContainers: [ec('dbg')] } } }).body as Pod;
    const removed = structuredClone(added);
    removed.spec!.ephemeralContainers = [ec('other') as never];
    const r1 = api.handle({ ...target, verb: 'update', patchType: undefined, body: removed as KubeObject });
    expect((r1.body as ApiStatus).message).toContain('spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be removed');
    const changed = structuredClone(added);
    changed.spec!.ephemeralContainers![0].image = 'alpine';
    const r2 = api.handle({ ...target, verb: 'update', patchType: undefined, body: changed as KubeObject });
    expect((r2.body as ApiStatus).message).toContain('existing ephemeral containers "dbg" may not be changed');
  });

  it('a plain pod update may not add ephemeral containers; the subresource answers 404 for a missing pod', () => {
    const { api, live } = setup();
    const body = structuredClone(live) as Pod;
    body.spec!.ephemeralContainers = [ec('dbg') as never];
    const res = api.handle({ ...target, subresource: undefined, verb: 'update', patchType: undefined, body: body as KubeObject });
    expect(res.code).toBe(422);
    const missing = api.handle({ ...target, name: 'nope', body: { spec: {} } });
    expect(missing.code).toBe(404);
    expect((missing.body as ApiStatus).message).toBe('pods "nope" not found');
  });
});

import { describe, expect, it } from 'vitest';
import { SimClock, SeededRng } from '../clock';
import { Store } from '../store';
import { ApiServer } from './server';
import { Client, R } from '../client';
import { StatusError, isConflict } from '../api/errors';
import type { ApiStatus, KubeObject, Pod, WatchEvent } from '../api/types';

function setup(seed = 1) {
  const clock = new SimClock({ start: Date.UTC(2025, 0, 15, 9) });
  const store = new Store({ historySize: 100 });
  const api = new ApiServer({ store, clock, rng: new SeededRng(seed) });
  const c = new Client(api, 'test/v1');
  for (const name of ['default', 'kube-system']) c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  c.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  clock.flush();
  return { clock, store, api, c };
}

const pod = (name: string, extra: Partial<Pod> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] }, ...extra,
});

const statusOf = (f: () => unknown): ApiStatus => {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e.status;
    throw e;
  }
  throw new Error('expected a StatusError');
};

describe('API server', () => {
  it('orders resourceVersions and answers lists with the latest one', () => {
    const { c } = setup();
    const a = c.create(R.pods, pod('a'));
    const b = c.create(R.pods, pod('b'));
    expect(Number(b.metadata!.resourceVersion)).toBeGreaterThan(Number(a.metadata!.resourceVersion));
    const list = c.list(R.pods, 'default');
    expect(list.metadata.resourceVersion).toBe(b.metadata!.resourceVersion);
    expect(list.items.map((p) => p.metadata?.name)).toEqual(['a', 'b']);
    expect(list.kind).toBe('PodList');
  });

  it('NotFound, AlreadyExists and MethodNotAllowed are worded as the real server', () => {
    const { c } = setup();
    expect(statusOf(() => c.get(R.pods, 'default', 'x'))).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "x" not found' });
    c.create(R.pods, pod('x'));
    expect(statusOf(() => c.create(R.pods, pod('x')))).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'pods "x" already exists' });
    expect(statusOf(() => c.get(R.deployments, 'default', 'web')).message).toBe('deployments.apps "web" not found');
    const res = c.request({ verb: 'deletecollection', group: '', version: 'v1', resource: 'namespaces' });
    expect(res.body).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
  });

  it('optimistic concurrency: of two writers from one version, the second gets a 409', () => {
    const { c } = setup();
    const live = c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { a: '1' } } as KubeObject);
    const w1 = { ...structuredClone(live), data: { a: '2' } } as KubeObject;
    const w2 = { ...structuredClone(live), data: { a: '3' } } as KubeObject;
    c.update(R.configmaps, w1);
    let err: unknown;
    try { c.update(R.configmaps, w2); } catch (e) { err = e; }
    expect(isConflict(err)).toBe(true);
    expect((err as StatusError).message).toBe('Operation cannot be fulfilled on configmaps "cm": the object has been modified; please apply your changes to the latest version and try again');
    expect((c.get(R.configmaps, 'default', 'cm') as unknown as { data: Record<string, string> }).data.a).toBe('2');
  });

  it('a no-op update writes nothing', () => {
    const { c, store } = setup();
    const live = c.create(R.pods, pod('p'));
    const rv = store.currentRV();
    const again = c.update(R.pods, structuredClone(live));
    expect(store.currentRV()).toBe(rv);
    expect(again.metadata!.resourceVersion).toBe(live.metadata!.resourceVersion);
  });

  it('strategic merge patch merges containers by name', () => {
    const { c } = setup();
    c.create(R.pods, pod('p', { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } }));
    // The pod spec is immutable except for images: patch the image of one container by name.
    const out = c.patch<Pod>(R.pods, 'default', 'p', 'application/strategic-merge-patch+json',
      { spec: { containers: [{ name: 'side', image: 'busybox:1.36' }] } });
    expect(out.spec!.containers.map((x) => `${x.name}=${x.image}`)).toEqual(['nginx=nginx:1.25', 'side=busybox:1.36']);
    const merged = c.patch<Pod>(R.pods, 'default', 'p', 'application/merge-patch+json', { metadata: { labels: { tier: 'web' } } });
    expect(merged.metadata!.labels).toEqual({ app: 'p', tier: 'web' });
    const jp = c.patch<Pod>(R.pods, 'default', 'p', 'application/json-patch+json', [{ op: 'remove', path: '/metadata/labels/tier' }]);
    expect(jp.metadata!.labels).toEqual({ app: 'p' });
  });

  it('invalid objects are refused with the real message and write nothing', () => {
    const { c, store } = setup();
    const rv = store.currentRV();
    const bad = pod('bad');
    bad.spec!.containers[0].image = '';
    expect(statusOf(() => c.create(R.pods, bad)).message).toBe('Pod "bad" is invalid: spec.containers[0].image: Required value');
    expect(store.currentRV()).toBe(rv);
    expect(statusOf(() => c.create(R.pods, { ...pod('u'), spec: { ...pod('u').spec!, foo: 1 } as never }, { fieldValidation: 'Strict' })).message)
      .toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"');
    expect(store.currentRV()).toBe(rv);
  });

  it('graceful deletion: a scheduled pod gets deletionTimestamp + grace; grace 0 removes it', () => {
    const { c, clock } = setup();
    c.create(R.pods, pod('p'));
    c.createSubresource(R.pods, 'default', 'p', 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'minikube' } });
    const bound = c.get<Pod>(R.pods, 'default', 'p');
    expect(bound.spec!.nodeName).toBe('minikube');
    expect(bound.status!.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'True' });
    expect(statusOf(() => c.createSubresource(R.pods, 'default', 'p', 'binding', { metadata: { name: 'p' }, target: { kind: 'Node', name: 'other' } })).message)
      .toBe('Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "minikube"');
    c.delete(R.pods, 'default', 'p');
    const dying = c.get<Pod>(R.pods, 'default', 'p');
    expect(dying.metadata!.deletionGracePeriodSeconds).toBe(30);
    expect(Date.parse(dying.metadata!.deletionTimestamp!)).toBe(clock.now() + 30_000);
    c.delete(R.pods, 'default', 'p', { gracePeriodSeconds: 0 });
    expect(c.tryGet(R.pods, 'default', 'p')).toBeUndefined();
    // An unscheduled pod goes at once.
    c.create(R.pods, pod('q'));
    c.delete(R.pods, 'default', 'q');
    expect(c.tryGet(R.pods, 'default', 'q')).toBeUndefined();
  });

  it('finalizers hold a deleted object until the last one is removed', () => {
    const { c } = setup();
    c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', finalizers: ['example.com/hold'] } } as KubeObject);
    c.delete(R.configmaps, 'default', 'cm');
    const held = c.get(R.configmaps, 'default', 'cm');
    expect(held.metadata!.deletionTimestamp).toBeDefined();
    c.patch(R.configmaps, 'default', 'cm', 'application/merge-patch+json', { metadata: { finalizers: null } });
    expect(c.tryGet(R.configmaps, 'default', 'cm')).toBeUndefined();
  });

  it('label and field selectors, and paging with continue', () => {
    const { c } = setup();
    for (const n of ['a', 'b', 'c', 'd']) c.create(R.pods, pod(n));
    expect(c.list(R.pods, 'default', { labelSelector: 'app in (a,c)' }).items.map((p) => p.metadata?.name)).toEqual(['a', 'c']);
    expect(c.list(R.pods, 'default', { fieldSelector: 'metadata.name!=a,status.phase=Pending' }).items).toHaveLength(3);
    expect(statusOf(() => c.list(R.pods, 'default', { fieldSelector: 'spec.foo=x' })).message).toBe('field label not supported: spec.foo');
    expect(statusOf(() => c.list(R.configmaps, 'default', { fieldSelector: 'data=x' })).message)
      .toBe('"data" is not a known field selector: only "metadata.name", "metadata.namespace"');
    const page1 = c.list(R.pods, 'default', { limit: 3 });
    expect(page1.items).toHaveLength(3);
    expect(page1.metadata.remainingItemCount).toBe(1);
    const page2 = c.list(R.pods, 'default', { limit: 3, continue: page1.metadata.continue });
    expect(page2.items.map((p) => p.metadata?.name)).toEqual(['d']);
    expect(page2.metadata.continue).toBeUndefined();
  });

  it('pages through all namespaces in key order, "team-a/…" before "team/…", nothing skipped or repeated', () => {
    const { c } = setup();
    for (const ns of ['team', 'team-a']) {
      c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      c.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
    for (const ns of ['default', 'team', 'team-a']) for (const n of ['a', 'b', 'c']) c.create(R.pods, { ...pod(n), metadata: { name: n, namespace: ns } });
    const seen: string[] = [];
    let cont: string | undefined;
    do {
      const page = c.list(R.pods, undefined, { limit: 2, continue: cont });
      seen.push(...page.items.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`));
      cont = page.metadata.continue;
    } while (cont);
    expect(seen).toEqual(['default/a', 'default/b', 'default/c', 'team-a/a', 'team-a/b', 'team-a/c', 'team/a', 'team/b', 'team/c']);
  });

  it('watch: initial events, live events after the call returns, resume, selectors, 410 past history', () => {
    const { c, clock, store } = setup();
    c.create(R.pods, pod('a'));
    const seen: string[] = [];
    const h = c.watch(R.pods, 'default', { labelSelector: 'app=a' }, (ev) => seen.push(`${ev.type} ${(ev.object as KubeObject).metadata?.name}`));
    expect(seen).toEqual([]); // never inside the call
    clock.flush();
    expect(seen).toEqual(['ADDED a']);
    const rv = store.currentRV();
    c.create(R.pods, pod('b'));
    c.patch(R.pods, 'default', 'a', 'application/merge-patch+json', { metadata: { labels: { app: 'x' } } });
    clock.flush();
    expect(seen).toEqual(['ADDED a', 'DELETED a']); // leaving the selection is a DELETED
    h.stop();
    const resumed: string[] = [];
    c.watch(R.pods, 'default', { resourceVersion: String(rv) }, (ev) => resumed.push(`${ev.type} ${(ev.object as KubeObject).metadata?.name}`));
    clock.flush();
    expect(resumed).toEqual(['ADDED b', 'MODIFIED a']);
    for (let i = 0; i < 150; i++) c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i}`, namespace: 'default' } } as KubeObject);
    const errs: WatchEvent<KubeObject | ApiStatus>[] = [];
    c.watch(R.pods, 'default', { resourceVersion: String(rv) }, (ev) => errs.push(ev));
    clock.flush();
    expect(errs).toHaveLength(1);
    expect(errs[0].type).toBe('ERROR');
    expect(errs[0].object as ApiStatus).toMatchObject({ code: 410, reason: 'Expired' });
    expect((errs[0].object as ApiStatus).message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('a terminating namespace refuses new objects', () => {
    const { c } = setup();
    c.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.delete(R.namespaces, undefined, 'team');
    expect(c.get(R.namespaces, undefined, 'team').status.phase).toBe('Terminating');
    expect(statusOf(() => c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'team' } } as KubeObject)))
      .toMatchObject({ code: 403, reason: 'Forbidden', message: 'configmaps "x" is forbidden: unable to create new content in namespace team because it is being terminated' });
    expect(statusOf(() => c.delete(R.namespaces, undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('scale subresource reads and writes spec.replicas', () => {
    const { c } = setup();
    c.create(R.deployments, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx' }] } } } } as KubeObject);
    const s = c.patch(R.deployments, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 5 } }, { subresource: 'scale' });
    expect(s).toMatchObject({ kind: 'Scale', spec: { replicas: 5 }, status: { selector: 'app=web' } });
    expect(c.get(R.deployments, 'default', 'web').spec.replicas).toBe(5);
    expect(c.get(R.deployments, 'default', 'web').metadata!.generation).toBe(2);
  });

  it('services get a cluster IP and node ports; taken ones are refused with the allocator text', () => {
    const { c } = setup();
    const svc = c.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' },
      spec: { type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80, nodePort: 30080 }] } } as KubeObject);
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(statusOf(() => c.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 't', namespace: 'default' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } } as KubeObject)).message)
      .toBe('Service "t" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    expect(statusOf(() => c.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'u', namespace: 'default' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] } } as KubeObject)).message)
      .toBe('Service "u" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
    c.delete(R.services, 'default', 's');
    expect(c.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'v', namespace: 'default' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } } as KubeObject).spec.ports[0].nodePort).toBe(30080);
  });

  it('nothing throws past handle(): garbage bodies become Status answers', () => {
    const { api, store } = setup();
    const rv = store.currentRV();
    const bodies: unknown[] = [null, 42, 'x', [], { kind: 'Pod' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 7 } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: 'nope' } }];
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 5000; i++) { deep.x = {}; deep = deep.x as Record<string, unknown>; }
    bodies.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep', namespace: 'default' }, data: root });
    bodies.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'default' }, data: { a: 'x'.repeat(2_000_000) } });
    for (const body of bodies) {
      const r = api.handle({ verb: 'create', group: '', version: 'v1', resource: body && typeof body === 'object' && (body as KubeObject).kind === 'ConfigMap' ? 'configmaps' : 'pods', namespace: 'default', body, query: { fieldValidation: 'Strict' } });
      expect(r.code).toBeGreaterThanOrEqual(400);
      expect((r.body as ApiStatus).kind).toBe('Status');
    }
    expect(store.currentRV()).toBe(rv);
  });

  it('is deterministic: the same seed and requests give byte-identical stores', () => {
    const run = () => {
      const { c, store } = setup(42);
      for (let i = 0; i < 5; i++) c.create(R.pods, { ...pod(''), metadata: { generateName: 'web-', namespace: 'default' } });
      c.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { ports: [{ port: 80 }] } } as KubeObject);
      return store.dump();
    };
    const a = run();
    expect(a).toBe(run());
    expect(a).toMatch(/"name":"web-[bcdfghjklmnpqrstvwxz2456789]{5}"/);
  });
});

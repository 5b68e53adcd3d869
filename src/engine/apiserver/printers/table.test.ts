// toTable: the Table envelope, includeObject, list metadata, noHeaders, the default convertor, the
// columns kubectl shows for each kind, and the cost of a 10,000-pod table.
import { describe, expect, it } from 'vitest';
import { RESOURCES, StatusError, resourceFor } from '../../api';
import type { KubeObject, Pod, ResourceInfo } from '../../api';
import { toTable } from './index';
import { NOW, ago } from './testing';

const res = (group: string, resource: string): ResourceInfo => resourceFor(group, resource)!;
const PODS = res('', 'pods');

const webPod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '42', creationTimestamp: ago(5 * 60_000),
    labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'node-1' },
  status: { phase: 'Running', podIPs: [{ ip: '10.244.0.5' }], containerStatuses: [{ name: 'nginx', image: 'nginx', imageID: '',
    ready: true, restartCount: 0, state: { running: {} } }] },
};

// What kubectl prints by default: the priority-0 column names, upper-cased
// (../shared/reference/kubectl-wire.md and `kubectl get` on v1.32).
const DEFAULT_HEADERS: [string, string, string][] = [
  ['', 'pods', 'NAME READY STATUS RESTARTS AGE'],
  ['apps', 'deployments', 'NAME READY UP-TO-DATE AVAILABLE AGE'],
  ['apps', 'replicasets', 'NAME DESIRED CURRENT READY AGE'],
  ['apps', 'statefulsets', 'NAME READY AGE'],
  ['apps', 'daemonsets', 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE'],
  ['batch', 'jobs', 'NAME STATUS COMPLETIONS DURATION AGE'],
  ['batch', 'cronjobs', 'NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE'],
  ['', 'services', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE'],
  ['', 'nodes', 'NAME STATUS ROLES AGE VERSION'],
  ['', 'events', 'LAST SEEN TYPE REASON OBJECT MESSAGE'],
  ['', 'namespaces', 'NAME STATUS AGE'],
  ['', 'configmaps', 'NAME DATA AGE'],
  ['', 'secrets', 'NAME TYPE DATA AGE'],
  ['', 'endpoints', 'NAME ENDPOINTS AGE'],
  ['discovery.k8s.io', 'endpointslices', 'NAME ADDRESSTYPE PORTS ENDPOINTS AGE'],
  ['networking.k8s.io', 'ingresses', 'NAME CLASS HOSTS ADDRESS PORTS AGE'],
  ['', 'persistentvolumes', 'NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE'],
  ['', 'persistentvolumeclaims', 'NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE'],
  ['', 'serviceaccounts', 'NAME SECRETS AGE'],
  ['rbac.authorization.k8s.io', 'roles', 'NAME CREATED AT'],
  ['', 'limitranges', 'NAME CREATED AT'],
];

describe('columns', () => {
  it.each(DEFAULT_HEADERS)('%s/%s prints %s', (group, resource, headers) => {
    const t = toTable(res(group, resource), [], { now: NOW });
    expect(t.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase()).join(' ')).toBe(headers);
  });

  it('pod wide columns and definitions are upstream\'s', () => {
    const t = toTable(PODS, [], { now: NOW });
    expect(t.columnDefinitions.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(t.columnDefinitions[0]).toEqual({ name: 'Name', type: 'string', format: 'name', priority: 0,
      description: expect.stringMatching(/^Name must be unique within a namespace\./) });
    expect(t.columnDefinitions[3]).toMatchObject({ name: 'Restarts', type: 'string', format: '' });
    expect(t.columnDefinitions[5].description).toBe('podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.');
  });

  it('every served resource builds a row as wide as its columns, even from a bare object', () => {
    for (const info of RESOURCES) {
      const t = toTable(info, [{ metadata: { name: 'x' } }], { now: NOW });
      expect(t.columnDefinitions.length, info.resource).toBeGreaterThan(0);
      expect(t.rows[0].cells.length, info.resource).toBe(t.columnDefinitions.length);
    }
  });
});

describe('the Table envelope', () => {
  it('lists: kind, apiVersion, list metadata, rows with PartialObjectMetadata by default', () => {
    const t = toTable(PODS, [webPod], { now: NOW, listMeta: { resourceVersion: '100', continue: 'abc', remainingItemCount: 3 } });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '100', continue: 'abc', remainingItemCount: 3 });
    expect(t.rows).toEqual([{
      cells: ['web', '1/1', 'Running', '0', '5m', '10.244.0.5', 'node-1', '<none>', '<none>'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: webPod.metadata },
    }]);
    // Key order as the Go structs marshal them.
    expect(Object.keys(t)).toEqual(['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    expect(JSON.stringify(t.rows[0]).startsWith('{"cells":["web"')).toBe(true);
    expect(Object.keys(t.columnDefinitions[0])).toEqual(['name', 'type', 'format', 'description', 'priority']);
  });

  it('a single object (GET or watch event) carries its own resourceVersion', () => {
    expect(toTable(PODS, [webPod], { now: NOW }).metadata).toEqual({ resourceVersion: '42' });
    expect(toTable(PODS, [], { now: NOW }).metadata).toEqual({});
  });

  it.each([
    { name: 'Metadata', include: 'Metadata' as const, want: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: webPod.metadata } },
    { name: 'Object', include: 'Object' as const, want: webPod },
    { name: 'None', include: 'None' as const, want: null },
  ])('includeObject=$name', ({ include, want }) => {
    const row = toTable(PODS, [webPod], { now: NOW, includeObject: include }).rows[0];
    expect(row.object).toEqual(want);
    if (include === 'Object') expect(row.object).toBe(webPod); // shared, never copied
  });

  it('rejects an unknown includeObject as upstream does', () => {
    let err: unknown;
    try {
      toTable(PODS, [webPod], { now: NOW, includeObject: 'Everything' as never });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).status).toMatchObject({ code: 400, reason: 'BadRequest',
      message: 'unrecognized includeObject value: "Everything"' });
  });

  it('noHeaders drops the column definitions but keeps full rows', () => {
    const t = toTable(PODS, [webPod], { now: NOW, noHeaders: true });
    expect(t.columnDefinitions).toEqual([]);
    expect(t.rows[0].cells).toHaveLength(9);
  });

  it('succeeded and failed pods carry the Completed row condition', () => {
    const done = { ...webPod, status: { phase: 'Succeeded' } } as Pod;
    const t = toTable(PODS, [webPod, done], { now: NOW });
    expect(t.rows[0].conditions).toBeUndefined();
    expect('conditions' in t.rows[0]).toBe(false);
    expect(t.rows[1].conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded',
      message: 'The pod has completed successfully.' }]);
  });

  it('column definitions are shared and frozen, the array is the caller\'s', () => {
    const a = toTable(PODS, [], { now: NOW });
    const b = toTable(PODS, [], { now: NOW });
    expect(a.columnDefinitions).not.toBe(b.columnDefinitions);
    expect(Object.isFrozen(a.columnDefinitions[0])).toBe(true);
  });
});

describe('default table convertor (rest.defaultTableConvertor)', () => {
  it.each([
    { name: 'role', info: res('rbac.authorization.k8s.io', 'roles'), obj: { metadata: { name: 'pod-reader', creationTimestamp: '2025-01-14T08:30:05Z' } },
      cells: ['pod-reader', '2025-01-14T08:30:05Z'] },
    { name: 'clusterrole with a fractional timestamp', info: res('rbac.authorization.k8s.io', 'clusterroles'),
      obj: { metadata: { name: 'view', creationTimestamp: '2025-01-14T08:30:05.789Z' } }, cells: ['view', '2025-01-14T08:30:05Z'] },
    { name: 'limitrange without a creation time', info: res('', 'limitranges'), obj: { metadata: { name: 'limits' } },
      cells: ['limits', '0001-01-01T00:00:00Z'] },
  ])('$name', ({ info, obj, cells }) => {
    const t = toTable(info, [obj as KubeObject], { now: NOW });
    expect(t.columnDefinitions.map((c) => [c.name, c.type, c.format])).toEqual([['Name', 'string', 'name'], ['Created At', 'date', '']]);
    expect(t.columnDefinitions[1].description).toMatch(/^CreationTimestamp is a timestamp/);
    expect(t.rows[0].cells).toEqual(cells);
  });
});

describe('AGE at boundary times (HumanDuration through translateTimestampSince)', () => {
  const S = 1000;
  const H = 3600 * S;
  const D = 24 * H;
  it.each([
    [-2.5 * S, '<invalid>'], [-1.5 * S, '0s'], [0, '0s'], [119 * S, '119s'], [120 * S, '2m'], [599 * S, '9m59s'], [600 * S, '10m'],
    [3 * H - S, '179m'], [3 * H, '3h'], [8 * H - 60 * S, '7h59m'], [8 * H, '8h'], [48 * H - S, '47h'], [2 * D, '2d'],
    [8 * D - H, '7d23h'], [8 * D, '8d'], [730 * D - S, '729d'], [730 * D, '2y'], [8 * 365 * D - D, '7y364d'], [8 * 365 * D, '8y'],
  ])('created %s ms ago → %s', (ms, want) => {
    const cm = { metadata: { name: 'cm', creationTimestamp: new Date(NOW - ms).toISOString() } };
    expect(toTable(res('', 'configmaps'), [cm], { now: NOW }).rows[0].cells[2]).toBe(want);
  });
});

describe('performance', () => {
  it('builds a 10,000-pod table well under 50 ms', () => {
    const pods: Pod[] = [];
    for (let i = 0; i < 10_000; i++) {
      pods.push({ ...webPod, metadata: { ...webPod.metadata, name: `web-${i}`, creationTimestamp: ago(i * 1000) },
        status: { ...webPod.status, containerStatuses: [{ name: 'nginx', image: 'nginx', imageID: '', ready: i % 7 !== 0,
          restartCount: i % 5, state: i % 7 === 0 ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: {} },
          lastState: i % 5 ? { terminated: { exitCode: 1, finishedAt: ago(i * 100) } } : {} }] } });
    }
    toTable(PODS, pods, { now: NOW }); // warm up the JIT
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = process.hrtime.bigint();
      const t = toTable(PODS, pods, { now: NOW, listMeta: { resourceVersion: '1' } });
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      expect(t.rows).toHaveLength(10_000);
    }
    const best = Math.min(...runs);
    console.log(`toTable(10,000 pods): best ${best.toFixed(1)} ms of ${runs.map((x) => x.toFixed(1)).join(', ')}`);
    // Generous bound for slow CI machines; the target is well under 50 ms.
    expect(best).toBeLessThan(250);
  });
});

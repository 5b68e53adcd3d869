import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../worker';
import { buildWorkloads, controllerId, workloadDetail, type WorkloadResource } from './workloads';
import type { PodItem } from './model';

const obj = (kind: string, name: string, o: { owner?: [string, string]; spec?: object; status?: object; created?: string; ns?: string } = {}): KubeObject => ({
  apiVersion: 'apps/v1', kind,
  metadata: { name, namespace: o.ns ?? 'default', creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
    ownerReferences: o.owner ? [{ apiVersion: 'apps/v1', kind: o.owner[0], name: o.owner[1], uid: 'u', controller: true }] : undefined },
  spec: o.spec ?? {}, status: o.status ?? {},
} as KubeObject);

const map = (objs: KubeObject[]) => new Map(objs.map((o) => [`${o.metadata!.namespace}/${o.metadata!.name}`, o]));

/** Visible pods controlled by `controller` (only the field buildWorkloads reads matters). */
const pods = (controller: string, n: number): PodItem[] => Array.from({ length: n }, () => ({ controller }) as PodItem);

const visible = (ns: string) => ns !== 'kube-system';

describe('buildWorkloads', () => {
  it('nests a Deployment\'s ReplicaSets that have or want pods (both during a rollout), oldest first', () => {
    const objects = {
      deployments: map([obj('Deployment', 'web', { spec: { replicas: 3 }, status: { readyReplicas: 2 } })]),
      replicasets: map([
        obj('ReplicaSet', 'web-old0000', { owner: ['Deployment', 'web'], spec: { replicas: 0 }, created: '2026-01-01T00:00:00Z' }),
        obj('ReplicaSet', 'web-5d8f9c7b6d', { owner: ['Deployment', 'web'], spec: { replicas: 1 }, created: '2026-01-01T00:01:00Z' }),
        obj('ReplicaSet', 'web-7c9d8e6f5a', { owner: ['Deployment', 'web'], spec: { replicas: 2 }, created: '2026-01-01T00:02:00Z' }),
      ]),
    };
    const [web, ...rest] = buildWorkloads(objects, [...pods('replicasets/default/web-5d8f9c7b6d', 1), ...pods('replicasets/default/web-7c9d8e6f5a', 2)], visible);
    expect(rest).toEqual([]);
    expect(web).toMatchObject({ id: 'deployments/default/web', kind: 'Deployment', detail: '2/3 ready', pods: 0 });
    expect(web.children.map((c) => [c.id, c.short, c.pods])).toEqual([
      ['replicasets/default/web-5d8f9c7b6d', '5d8f9c7b6d', 1],
      ['replicasets/default/web-7c9d8e6f5a', '7c9d8e6f5a', 2],
    ]);
  });

  it('keeps the newest ReplicaSet of a Deployment scaled to zero, and the last 4 Jobs of a CronJob', () => {
    const jobs = Array.from({ length: 6 }, (_, i) => obj('Job', `nightly-2893452${i}`, { owner: ['CronJob', 'nightly'], created: `2026-01-01T00:0${i}:00Z` }));
    const objects = {
      deployments: map([obj('Deployment', 'idle', { spec: { replicas: 0 } })]),
      replicasets: map([obj('ReplicaSet', 'idle-aaaaaaaaaa', { owner: ['Deployment', 'idle'], created: '2026-01-01T00:00:00Z' }),
        obj('ReplicaSet', 'idle-bbbbbbbbbb', { owner: ['Deployment', 'idle'], created: '2026-01-01T00:05:00Z' })]),
      cronjobs: map([obj('CronJob', 'nightly', { spec: { schedule: '@daily' } })]),
      jobs: map(jobs),
    };
    const got = buildWorkloads(objects, [], visible);
    expect(got.map((w) => [w.id, w.detail, w.children.map((c) => c.short)])).toEqual([
      ['deployments/default/idle', '0/0 ready', ['bbbbbbbbbb']],
      ['cronjobs/default/nightly', 'schedule @daily', ['28934522', '28934523', '28934524', '28934525']],
    ]);
  });

  it('draws an orphaned ReplicaSet on its own, hides system namespaces, orders by namespace, kind and name', () => {
    const objects = {
      replicasets: map([obj('ReplicaSet', 'web-5d8f9c7b6d', { owner: ['Deployment', 'web'] })]),
      statefulsets: map([obj('StatefulSet', 'db', { spec: { replicas: 1 }, status: { readyReplicas: 1 } })]),
      daemonsets: map([obj('DaemonSet', 'kube-proxy', { ns: 'kube-system' }), obj('DaemonSet', 'agent', { ns: 'apps' })]),
    };
    expect(buildWorkloads(objects, [], visible).map((w) => w.id)).toEqual([
      'daemonsets/apps/agent', 'statefulsets/default/db', 'replicasets/default/web-5d8f9c7b6d']);
  });
});

describe('workloadDetail', () => {
  const cases: { name: string; resource: WorkloadResource; spec?: object; status?: object; want: string }[] = [
    { name: 'deployment', resource: 'deployments', spec: { replicas: 6 }, status: { readyReplicas: 6 }, want: '6/6 ready' },
    { name: 'replicas default to 1', resource: 'statefulsets', want: '0/1 ready' },
    { name: 'replicaset', resource: 'replicasets', spec: { replicas: 2 }, status: { readyReplicas: 1 }, want: '1/2 ready' },
    { name: 'daemonset', resource: 'daemonsets', status: { numberReady: 2, desiredNumberScheduled: 3 }, want: '2/3 ready' },
    { name: 'running job', resource: 'jobs', spec: { completions: 3 }, status: { active: 1, succeeded: 2 }, want: '1 active · 2/3 done' },
    { name: 'complete job', resource: 'jobs', status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }, want: 'Complete 1/1' },
    { name: 'failed job', resource: 'jobs', status: { conditions: [{ type: 'Failed', status: 'True' }] }, want: 'Failed 0/1' },
    { name: 'suspended cronjob', resource: 'cronjobs', spec: { schedule: '*/5 * * * *', suspend: true }, want: 'suspended · schedule */5 * * * *' },
  ];
  it.each(cases)('$name', ({ resource, spec, status, want }) => {
    expect(workloadDetail(resource, obj('X', 'x', { spec, status }))).toBe(want);
  });

  it('gives a Deployment\'s ReplicaSet its revision', () => {
    const o = obj('ReplicaSet', 'web-1', { spec: { replicas: 3 }, status: { readyReplicas: 3 } });
    o.metadata!.annotations = { 'deployment.kubernetes.io/revision': '2' };
    expect(workloadDetail('replicasets', o)).toBe('3/3 ready · revision 2');
  });

  it('names the controller as a mirror id', () => {
    expect(controllerId(obj('Pod', 'p', { owner: ['ReplicaSet', 'web-1'] }))).toBe('replicasets/default/web-1');
    expect(controllerId(obj('Pod', 'p'))).toBeUndefined();
  });
});

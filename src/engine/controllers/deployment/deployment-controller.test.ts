import { describe, expect, it } from 'vitest';
import type { Deployment, Event, Pod, ReplicaSet } from '../../api';
import { EventRecorder, R } from '../../client';
import { SimClock, rfc3339 } from '../../clock';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { DeploymentController } from './deployment-controller';

const T0 = Date.UTC(2025, 0, 15, 9);

function dep(replicas: number, extra: Partial<Deployment['spec']> = {}, annotations: Record<string, string> = {}): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: 1, resourceVersion: '5', annotations },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, progressDeadlineSeconds: 600, revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }, ...extra },
  };
}

function ownedRS(name: string, replicas: number, image: string, ann: Record<string, string>, created: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, resourceVersion: '7', creationTimestamp: rfc3339(created),
      labels: { app: 'web', 'pod-template-hash': name.slice(4) }, annotations: ann,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': name.slice(4) } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': name.slice(4) } }, spec: { containers: [{ name: 'nginx', image }] } } },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

function setup(d: Deployment, rss: ReplicaSet[] = [], pods: Pod[] = []) {
  const api = new FakeApi().seed(R.deployments, d).seed(R.replicasets, ...rss);
  const client = fakeClient(api);
  const clock = new SimClock({ start: T0 });
  const c = new DeploymentController({ deployments: seededInformer(client, R.deployments, [d]), rs: seededInformer(client, R.replicasets, rss),
    pods: seededInformer(client, R.pods, pods), client, recorder: new EventRecorder(client, clock, { component: 'deployment-controller' }), clock });
  return { api, c, clock };
}
const events = (api: FakeApi) => api.actions.filter((a) => a.resource === 'events' && a.verb === 'create')
  .map((a) => `${(a.body as Event).reason}: ${(a.body as Event).message}`);

describe('DeploymentController.syncDeployment', () => {
  it('creates the first ReplicaSet with its name, labels, annotations and event, then records revision 1', () => {
    const { api, c } = setup(dep(3));
    c.syncDeployment('default/web');
    const create = api.actions.find((a) => a.verb === 'create' && a.resource === 'replicasets')!;
    const rs = create.body as ReplicaSet;
    const hash = rs.metadata!.labels!['pod-template-hash'];
    expect(rs.metadata!.name).toBe(`web-${hash}`);
    expect(rs.spec!.replicas).toBe(3);
    expect(rs.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata!.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }]);
    expect(events(api)).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    const status = api.actions.filter((a) => a.resource === 'deployments' && a.subresource === 'status').map((a) => a.body as Deployment);
    expect(status[0].metadata!.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(status[0].status!.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "web-${hash}"`]]);
    const last = status.at(-1)!.status!;
    expect(last.conditions!.map((x) => x.reason)).toEqual(['NewReplicaSetCreated', 'MinimumReplicasUnavailable']);
    expect(last.observedGeneration).toBe(1);
  });

  it('scales both sets of a rollout in proportion (10 → 20 with old 8 and new 5)', () => {
    const ann = (rev: string) => ({ 'deployment.kubernetes.io/revision': rev, 'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '13' });
    const d = dep(20, { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } });
    const { api, c } = setup(d, [ownedRS('web-oldd', 8, 'nginx:1.25', ann('1'), T0 - 60_000), ownedRS('web-neww', 5, 'nginx:1.26', ann('2'), T0 - 10_000)]);
    c.syncDeployment('default/web');
    const updates = api.actions.filter((a) => a.verb === 'update' && a.resource === 'replicasets' && !a.subresource).map((a) => a.body as ReplicaSet);
    expect(updates.map((u) => [u.metadata!.name, u.spec!.replicas, u.metadata!.annotations!['deployment.kubernetes.io/max-replicas']]))
      .toEqual([['web-oldd', 15, '25'], ['web-neww', 10, '25']]);
    expect(events(api)).toEqual(['ScalingReplicaSet: Scaled up replica set web-oldd from 8 to 15',
      'ScalingReplicaSet: Scaled up replica set web-neww from 5 to 10']);
  });

  it('adopts a matching orphan ReplicaSet', () => {
    const orphan = ownedRS('web-abcd', 3, 'nginx:1.25', {}, T0);
    const { api, c } = setup(dep(3), [{ ...orphan, metadata: { ...orphan.metadata, ownerReferences: undefined } }]);
    c.syncDeployment('default/web');
    const patch = api.actions.find((a) => a.verb === 'patch' && a.resource === 'replicasets')!;
    expect(patch.body).toEqual({ metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid',
      controller: true, blockOwnerDeletion: true }], uid: 'uid-web-abcd' } });
  });

  it('a paused Deployment gets Progressing=Unknown DeploymentPaused and no new ReplicaSet', () => {
    const { api, c } = setup(dep(3, { paused: true }));
    c.syncDeployment('default/web');
    expect(api.actions.some((a) => a.verb === 'create' && a.resource === 'replicasets')).toBe(false);
    const first = api.actions.find((a) => a.subresource === 'status')!.body as Deployment;
    expect(first.status!.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused']]);
  });

  it('reports a missing rollback revision and clears the request', () => {
    const { api, c } = setup(dep(3, {}, { 'deprecated.deployment.rollback.to': '7' }));
    c.syncDeployment('default/web');
    expect(events(api)).toContain('DeploymentRollbackRevisionNotFound: Unable to find the revision to rollback to.');
    const upd = api.actions.find((a) => a.verb === 'update' && a.resource === 'deployments' && !a.subresource)!.body as Deployment;
    expect(upd.metadata!.annotations!['deprecated.deployment.rollback.to']).toBeUndefined();
  });

  it('drops a key after 15 failures in a row', () => {
    const { c } = setup(dep(3));
    let calls = 0;
    c.syncHandler = () => {
      calls++;
      throw new Error('boom');
    };
    c.queue.add('default/web');
    const clock = (c as unknown as { deps: { clock: SimClock } }).deps.clock;
    clock.advance(10 * 60 * 1000);
    expect(calls).toBe(16);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import { SimClock } from '../../clock';
import { FakePodControl } from '../shared';
import { FakeApi, fakeClient, seededInformer } from '../shared/testing';
import { ReplicaSetController } from './replica-set';
import { REPLICATION_CONTROLLER_KIND, replicaSetView } from './replication-controller';

const T0 = Date.UTC(2025, 0, 15, 9);
const RC_RES = REPLICATION_CONTROLLER_KIND.resource;

function newRC(replicas: number): KubeObject {
  return {
    apiVersion: 'v1', kind: 'ReplicationController',
    metadata: { name: 'nginx', namespace: 'default', uid: 'rc-uid', generation: 1, resourceVersion: '10' },
    spec: { replicas, selector: { app: 'nginx' },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    status: { replicas: 0 },
  };
}

function setup(rc: KubeObject, pods: Pod[] = []) {
  const api = new FakeApi().seed(RC_RES, rc).seed(R.pods, ...pods);
  const client = fakeClient(api);
  const podControl = new FakePodControl();
  const c = new ReplicaSetController({ rs: seededInformer<ReplicaSet>(client, RC_RES, [rc as ReplicaSet]), pods: seededInformer(client, R.pods, pods),
    client, podControl, clock: new SimClock({ start: T0 }), kind: REPLICATION_CONTROLLER_KIND });
  return { api, c, podControl };
}

describe('replicaSetView (conversion.go)', () => {
  it.each([
    { name: 'selector map becomes matchLabels', selector: { app: 'nginx' }, want: { matchLabels: { app: 'nginx' } } },
    { name: 'no selector stays absent', selector: undefined, want: undefined },
  ])('$name', ({ selector, want }) => {
    const rc = newRC(1);
    (rc.spec as Record<string, unknown>).selector = selector;
    expect(replicaSetView(rc).spec?.selector).toEqual(want);
    expect(replicaSetView(rc).metadata).toBe(rc.metadata);
  });
});

describe('replication controller', () => {
  it('creates the missing pods owned by the ReplicationController and writes its status', () => {
    const { api, c, podControl } = setup(newRC(3));
    c.sync('default/nginx');
    expect(podControl.createCallCount).toBe(3);
    expect(podControl.controllerRefs[0]).toEqual({ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', uid: 'rc-uid', controller: true, blockOwnerDeletion: true });
    const writes = api.actions.filter((a) => a.resource === 'replicationcontrollers' && a.subresource === 'status');
    expect(writes.map((a) => (a.body as KubeObject).status)).toEqual([{ replicas: 0, observedGeneration: 1 }]);
    // Written back in the RC's own shape: the selector is still a map.
    expect((writes[0].body as KubeObject).spec).toMatchObject({ selector: { app: 'nginx' } });
  });
});

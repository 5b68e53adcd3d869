// The ReplicaSet controller (pkg/controller/replicaset).
import type { Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import { RealPodControl, type ControllerDescriptor } from '../shared';
import { NAME, ReplicaSetController } from './replica-set';
import { RC_NAME, REPLICATION_CONTROLLER_KIND } from './replication-controller';

export { ReplicaSetController, NAME, CONTROLLER_KIND, REPLICA_SET_KIND } from './replica-set';
export type { ReplicaSetControllerDeps, ManagedKind } from './replica-set';
export { manageReplicas, slowStartBatch, getPodsToDelete, rankPods, BURST_REPLICAS } from './manage-replicas';
export { RC_NAME, RC_CONTROLLER_KIND, REPLICATION_CONTROLLER_KIND, replicaSetView } from './replication-controller';
export { calculateStatus, updateReplicaSetStatus, REPLICA_FAILURE } from './status';

/** startReplicaSetController (cmd/kube-controller-manager/app/apps.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new ReplicaSetController({
      rs: ctx.informers.for<ReplicaSet>(R.replicasets), pods: ctx.informers.for<Pod>(R.pods), client,
      podControl: new RealPodControl(client, ctx.recorderFor(NAME, client)), clock: ctx.clock,
    });
  },
};

/** startReplicationController (cmd/kube-controller-manager/app/core.go): the same logic on ReplicationControllers. */
export const replicationControllerDescriptor: ControllerDescriptor = {
  name: RC_NAME,
  start(ctx) {
    const client = ctx.clientFor(RC_NAME);
    return new ReplicaSetController({
      rs: ctx.informers.for<ReplicaSet>(REPLICATION_CONTROLLER_KIND.resource), pods: ctx.informers.for<Pod>(R.pods), client,
      podControl: new RealPodControl(client, ctx.recorderFor(RC_NAME, client)), clock: ctx.clock, kind: REPLICATION_CONTROLLER_KIND,
    });
  },
};

// The ReplicaSet controller (pkg/controller/replicaset).
import type { Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import { RealPodControl, type ControllerDescriptor } from '../shared';
import { NAME, ReplicaSetController } from './replica-set';

export { ReplicaSetController, NAME, CONTROLLER_KIND, REPLICA_SET_KIND } from './replica-set';
export type { ReplicaSetControllerDeps, ManagedKind } from './replica-set';
export { manageReplicas, slowStartBatch, getPodsToDelete, rankPods, BURST_REPLICAS } from './manage-replicas';
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

// The replication controller (pkg/controller/replication).
import type { Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import { RealPodControl, type ControllerDescriptor } from '../shared';
import { ReplicaSetController } from '../replicaset';
import { NAME, REPLICATION_CONTROLLER_KIND } from './replication-controller';

export { NAME, CONTROLLER_KIND, REPLICATION_CONTROLLER_KIND, replicaSetView } from './replication-controller';

/** startReplicationController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new ReplicaSetController({
      rs: ctx.informers.for<ReplicaSet>(REPLICATION_CONTROLLER_KIND.resource), pods: ctx.informers.for<Pod>(R.pods), client,
      podControl: new RealPodControl(client, ctx.recorderFor(NAME, client)), clock: ctx.clock, kind: REPLICATION_CONTROLLER_KIND,
    });
  },
};

// The Deployment controller (pkg/controller/deployment).
import type { Deployment, Pod, ReplicaSet } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME } from './context';
import { DeploymentController } from './deployment-controller';

export { DeploymentController, MAX_RETRIES } from './deployment-controller';
export type { DeploymentControllerDeps } from './deployment-controller';
export { NAME, CONTROLLER_KIND } from './context';
export { calculateStatus, scale, getNewReplicaSet, cleanupDeployment, wireDeploymentStatus } from './sync';
export { syncRolloutStatus } from './progress';
export { rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling';
export { rolloutRecreate, oldPodsRunning } from './recreate';
export { rollback, getRollbackTo } from './rollback';
export { maxSurge, maxUnavailable, resolveFenceposts, scaledValue, newRSNewReplicas, REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO, POD_TEMPLATE_HASH_LABEL } from './util';

/** startDeploymentController (cmd/kube-controller-manager/app/apps.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new DeploymentController({
      deployments: ctx.informers.for<Deployment>(R.deployments), rs: ctx.informers.for<ReplicaSet>(R.replicasets),
      pods: ctx.informers.for<Pod>(R.pods), client, recorder: ctx.recorderFor(NAME, client), clock: ctx.clock,
    });
  },
};

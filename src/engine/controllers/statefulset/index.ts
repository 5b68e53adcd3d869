// The StatefulSet controller (pkg/controller/statefulset).
import type { ControllerRevision, PersistentVolumeClaim, Pod, StatefulSet } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME, StatefulSetController } from './stateful-set';

export { StatefulSetController, NAME } from './stateful-set';
export type { StatefulSetControllerDeps } from './stateful-set';
export { StatefulSetControl, MAX_BATCH_SIZE } from './stateful-set-control';
export { StatefulPodControl } from './stateful-pod-control';
export { CONTROLLER_KIND, POD_NAME_LABEL, POD_INDEX_LABEL, REVISION_LABEL, getPodName, claimName, getOrdinal, parentAndOrdinal,
  identityMatches, storageMatches, getPersistentVolumeClaims, newStatefulSetPod, newVersionedStatefulSetPod, getPatch, applyRevision,
  isClaimOwnerUpToDate, updateClaimOwnerRefForSetAndPod, completeRollingUpdate } from './stateful-set-utils';

/** startStatefulSetController (cmd/kube-controller-manager/app/apps.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new StatefulSetController({
      sets: ctx.informers.for<StatefulSet>(R.statefulsets), pods: ctx.informers.for<Pod>(R.pods),
      pvcs: ctx.informers.for<PersistentVolumeClaim>(R.persistentvolumeclaims),
      revisions: ctx.informers.for<ControllerRevision>(R.controllerrevisions), client,
      recorder: ctx.recorderFor(NAME, client), clock: ctx.clock,
    });
  },
};

// The volume controllers of kube-controller-manager (pkg/controller/volume): the PersistentVolume
// binder, PVC protection and PV protection, with their descriptors
// (cmd/kube-controller-manager/app/core.go startPersistentVolumeBinderController,
// startPVCProtectionController, startPVProtectionController).
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { EVENT_COMPONENT, PersistentVolumeController } from './persistentvolume';
import { PVCProtectionController, SERVICE_ACCOUNT as PVC_PROTECTION_SA } from './pvcprotection';
import { PVProtectionController, SERVICE_ACCOUNT as PV_PROTECTION_SA } from './pvprotection';

export { PersistentVolumeController, EVENT_COMPONENT, events, PV_CLAIM_BINDER_SYNC_PERIOD_MS, OperationMap, lookupProvisioner,
  lookupDeleter, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, ANN_STORAGE_PROVISIONER,
  ANN_BETA_STORAGE_PROVISIONER, ANN_SELECTED_NODE, getPersistentVolumeClaimClass, isVolumeBoundToClaim, claimReference,
  findBestMatchForClaim, findMatchingVolume, getDefaultClass } from './persistentvolume';
export type { PersistentVolumeControllerDeps, ClaimPhase, VolumePhase } from './persistentvolume';
export { PVCProtectionController, PVC_PROTECTION_FINALIZER, podUsesPVC } from './pvcprotection';
export { PVProtectionController, PV_PROTECTION_FINALIZER } from './pvprotection';
export { POD_PVC_INDEX, podPVCIndexFunc, isPodTerminated } from './common';

/** names.PersistentVolumeBinderController. */
export const PV_BINDER_NAME = 'persistentvolume-binder-controller';

/** startPersistentVolumeBinderController (client: the persistent-volume-binder service account). */
export const persistentVolumeBinderDescriptor: ControllerDescriptor = {
  name: PV_BINDER_NAME,
  start(ctx) {
    const client = ctx.clientFor('persistent-volume-binder');
    return new PersistentVolumeController({
      pvs: ctx.informers.for<PersistentVolume>(R.persistentvolumes), pvcs: ctx.informers.for<PersistentVolumeClaim>(R.persistentvolumeclaims),
      classes: ctx.informers.for<StorageClass>(R.storageclasses), pods: ctx.informers.for<Pod>(R.pods),
      nodes: ctx.informers.for<Node>(R.nodes), client, clock: ctx.clock, recorder: ctx.recorderFor(EVENT_COMPONENT, client),
    });
  },
};

/** startPVCProtectionController. */
export const pvcProtectionDescriptor: ControllerDescriptor = {
  name: 'persistentvolumeclaim-protection-controller',
  start(ctx) {
    return new PVCProtectionController({ pvcs: ctx.informers.for<PersistentVolumeClaim>(R.persistentvolumeclaims),
      pods: ctx.informers.for<Pod>(R.pods), client: ctx.clientFor(PVC_PROTECTION_SA), clock: ctx.clock });
  },
};

/** startPVProtectionController. */
export const pvProtectionDescriptor: ControllerDescriptor = {
  name: 'persistentvolume-protection-controller',
  start(ctx) {
    return new PVProtectionController({ pvs: ctx.informers.for<PersistentVolume>(R.persistentvolumes),
      client: ctx.clientFor(PV_PROTECTION_SA), clock: ctx.clock });
  },
};

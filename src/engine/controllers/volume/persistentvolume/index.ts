// The PersistentVolume binder (pkg/controller/volume/persistentvolume).
export { PersistentVolumeController, EVENT_COMPONENT } from './pv-controller';
export { events } from './pv-controller-operations';
export type { ClaimPhase, VolumePhase } from './pv-controller-operations';
export { PV_CLAIM_BINDER_SYNC_PERIOD_MS } from './pv-controller-base';
export type { PersistentVolumeControllerDeps } from './pv-controller-base';
export { OperationMap, OPERATION_INITIAL_BACKOFF_MS, OPERATION_MAX_BACKOFF_MS } from './operations';
export { lookupProvisioner, lookupDeleter, hostPathDeleteError, MIGRATED_PROVISIONERS, HOST_PATH_PLUGIN } from './plugins';
export { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, ANN_STORAGE_PROVISIONER, ANN_BETA_STORAGE_PROVISIONER,
  ANN_SELECTED_NODE, BETA_STORAGE_CLASS_ANNOTATION, PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER, getPersistentVolumeClaimClass,
  getPersistentVolumeClass, isVolumeBoundToClaim, claimReference, findMatchingVolume, findBestMatchForClaim, accessModesKey,
  checkAccessModes, checkVolumeSatisfyClaim, getDefaultClass } from './pv-helpers';

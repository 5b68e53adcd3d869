// The PVC protection controller (pkg/controller/volume/pvcprotection).
export { PVCProtectionController, NAME, SERVICE_ACCOUNT, PVC_PROTECTION_FINALIZER, podUsesPVC, isDeletionCandidate,
  needToAddFinalizer } from './pvc-protection-controller';
export type { PVCProtectionControllerDeps } from './pvc-protection-controller';

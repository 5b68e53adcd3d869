// The PV protection controller (pkg/controller/volume/pvprotection).
export { PVProtectionController, NAME, SERVICE_ACCOUNT, PV_PROTECTION_FINALIZER } from './pv-protection-controller';
export type { PVProtectionControllerDeps } from './pv-protection-controller';

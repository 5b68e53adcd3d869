export { MemFS } from './memfs';
export { MemVolumeDataRegistry, SubFS } from './registry';
export type { VolumeDataRegistry } from './registry';
export { PodVolumes, MOUNT_RETRY_INITIAL_MS, MOUNT_RETRY_MAX_MS } from './volume-manager';
export type { VolumeSources, MountFailure, SetUpResult } from './volume-manager';
export { serviceAccountToken, TOKEN_ISSUER, TokenManager } from './token';
export { writePayload, DATA_DIR_NAME } from './atomic-writer';
export type { FileProjection } from './atomic-writer';

// engine/api/defaults: the scheme defaults of v1.32 for every built-in kind kubesim serves.
export { applyDefaults } from './apply-defaults';
export { mirrorServiceAccount } from './wire-shape';
export { parseImageName, defaultPullPolicy } from './image';
export type { ImageName } from './image';
export { DEFAULT_VOLUME_MODE } from './volumes';
export { LABEL_METADATA_NAME } from './core';

import * as events from './events';

export { events };
export { PodRuntimeState } from './runtime-state';
export type { ContainerInstance, ContainerRunState, Sandbox } from './runtime-state';
export { isRestartableInitContainer, hasRestartableInitContainer, shouldRestartOnFailure, shouldContainerBeRestarted,
  applyDefaultImageTag, containerFieldPath, containerSpec, isStaticPod, isMirrorPod } from './helpers';

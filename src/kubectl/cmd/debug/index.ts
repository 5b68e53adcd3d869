// kubectl debug.
export { debugCommand } from './debug';
export { newProfileApplier, PROFILES } from './profiles';
export type { DebugStyle, KeepFlags, Profile, ProfileApplier } from './profiles';
export { generateDebugContainer, generateNodeDebugPod, generatePodCopy, computeDebugContainerName } from './generate';
export type { DebugSpec } from './generate';

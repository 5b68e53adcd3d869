export { computePodActions, findNextInitContainerToRun } from './compute-pod-actions';
export type { PodActions, ContainerToKill, ProbeResults } from './compute-pod-actions';
export { startContainer, killContainer, onExit, backOffKey, terminationGracePeriod, StartError, MINIMUM_GRACE_PERIOD_SECONDS } from './container-ops';
export type { RuntimeServices, PodContext } from './container-ops';

export { generatePodInitializedCondition, generatePodReadyCondition, generateContainersReadyCondition,
  generatePodReadyToStartContainersCondition, hasAnyRegularContainerStarted, KUBELET_CONDITIONS, POD_COMPLETED, POD_FAILED,
  CONTAINERS_NOT_READY, CONTAINERS_NOT_INITIALIZED, UNKNOWN_CONTAINER_STATUSES, READINESS_GATES_NOT_READY } from './generate';
export { generateAPIPodStatus, getPhase, statusImage } from './pod-status';
export type { StartFailure, ProbeView, StatusInputs } from './pod-status';
export { StatusManager, mergePodStatus } from './status-manager';
export { getPodQOS } from './qos';
export type { PodSource } from './status-manager';

// Event reasons the kubelet records. Models pkg/kubelet/events/event.go (v1.32).

/** Container event reasons. */
export const CREATED_CONTAINER = 'Created';
export const STARTED_CONTAINER = 'Started';
export const FAILED_TO_CREATE_CONTAINER = 'Failed';
export const FAILED_TO_START_CONTAINER = 'Failed';
export const KILLING_CONTAINER = 'Killing';
export const BACK_OFF_START_CONTAINER = 'BackOff';
export const EXCEEDED_GRACE_PERIOD = 'ExceededGracePeriod';

/** Pod event reasons. */
export const FAILED_TO_KILL_POD = 'FailedKillPod';
export const FAILED_TO_CREATE_POD_CONTAINER = 'FailedCreatePodContainer';
export const NETWORK_NOT_READY = 'NetworkNotReady';

/** Image event reasons. */
export const PULLING_IMAGE = 'Pulling';
export const PULLED_IMAGE = 'Pulled';
export const FAILED_TO_PULL_IMAGE = 'Failed';
export const FAILED_TO_INSPECT_IMAGE = 'InspectFailed';
export const ERR_IMAGE_NEVER_PULL_POLICY = 'ErrImageNeverPull';
export const BACK_OFF_PULL_IMAGE = 'BackOff';

/** Kubelet (node) event reasons. */
export const NODE_READY = 'NodeReady';
export const NODE_NOT_READY = 'NodeNotReady';
export const NODE_SCHEDULABLE = 'NodeSchedulable';
export const NODE_NOT_SCHEDULABLE = 'NodeNotSchedulable';
export const STARTING_KUBELET = 'Starting';
export const FAILED_MOUNT_VOLUME = 'FailedMount';
export const SUCCESSFUL_MOUNT_VOLUME = 'SuccessfulMountVolume';
export const NODE_REBOOTED = 'Rebooted';
export const NODE_ALLOCATABLE_ENFORCED = 'NodeAllocatableEnforced';

/** Probe event reasons. */
export const CONTAINER_UNHEALTHY = 'Unhealthy';
export const CONTAINER_PROBE_WARNING = 'ProbeWarning';

/** Pod worker event reasons. */
export const FAILED_SYNC = 'FailedSync';

/** Lifecycle hooks. */
export const FAILED_POST_START_HOOK = 'FailedPostStartHook';
export const FAILED_PRE_STOP_HOOK = 'FailedPreStopHook';

/** Container waiting reasons the kubelet reports (kubelet_pods.go, images/types.go, kuberuntime). */
export const CONTAINER_CREATING = 'ContainerCreating';
export const POD_INITIALIZING = 'PodInitializing';
export const ERR_IMAGE_PULL = 'ErrImagePull';
export const ERR_IMAGE_PULL_BACK_OFF = 'ImagePullBackOff';
export const ERR_IMAGE_NEVER_PULL = 'ErrImageNeverPull';
export const ERR_INVALID_IMAGE_NAME = 'InvalidImageName';
export const ERR_CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';
export const ERR_CREATE_CONTAINER_CONFIG = 'CreateContainerConfigError';
export const ERR_CREATE_CONTAINER = 'CreateContainerError';
export const ERR_RUN_CONTAINER = 'RunContainerError';
export const ERR_POST_START_HOOK = 'PostStartHookError';

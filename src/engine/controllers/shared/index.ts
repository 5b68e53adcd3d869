// Machinery shared by the controllers of kube-controller-manager (upstream pkg/controller).
export { Expectations, EXPECTATIONS_TIMEOUT_MS } from './expectations';
export { RealPodControl, FakePodControl, getPodFromTemplate, newControllerRef, validateControllerRef, hasStatusCause,
  FAILED_CREATE_POD_REASON, SUCCESSFUL_CREATE_POD_REASON, FAILED_DELETE_POD_REASON, SUCCESSFUL_DELETE_POD_REASON,
  NAMESPACE_TERMINATING_CAUSE } from './pod-control';
export type { PodControl } from './pod-control';
export { ControllerRefManager, ClaimError, ownerRefControllerPatch, deleteOwnerRefPatch, recheckDeletionTimestamp } from './controller-ref-manager';
export type { ControllerKind, ControllerRefManagerOptions, PatchFn } from './controller-ref-manager';
export { keyFunc, podKey, CONTROLLER_UID_INDEX, controllerUIDIndexFunc, orphanIndexValue, withTypeMeta, specReplicas,
  filterActiveReplicaSets, byCreationTimestamp, bySizeOlder, bySizeNewer, ownedOrOrphaned } from './controller-utils';
export { podReadyCondition, isPodReady, isPodAvailable, isPodTerminal, isPodActive, isPodTerminating, filterActivePods,
  maxContainerRestarts } from './pod-util';
export { podDeletionLess, sortPodsForDeletion, logarithmicRankDiff, podDeletionCost, POD_DELETION_COST_ANNOTATION } from './active-pods';
export type { RankedPod } from './active-pods';
export { computeHash, hashControllerRevision, controllerRevisionName, canonicalJson, fnv32, fnv32a } from './hash';
export type { ControllerContext, ControllerDescriptor, ControllerTimings, RunningController } from './context';
export { CONTROLLER_REVISION_HASH_LABEL, newControllerRevision, sortControllerRevisions, equalRevision, findEqualRevisions,
  maxRevision, nextRevision, createControllerRevision, updateControllerRevision, revisionRaw } from './history';
export { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, ENDPOINTS_OVER_CAPACITY, IS_HEADLESS_SERVICE, LABEL_SERVICE_NAME, LABEL_MANAGED_BY,
  LABEL_SKIP_MIRROR, shouldPodBeInEndpoints, shouldSetHostname, isServiceIPSet, findPort, podEndpointsChanged, serviceSelector,
  servicesForLabels, servicesToUpdateOnPodChange, TriggerTimeTracker, rfc3339Nano } from './endpoint-util';

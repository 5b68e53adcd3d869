export { admitPod, podRequests, matchesNodeAffinity } from './predicate';
export type { AdmitResult, PodRequests } from './predicate';
export { runHandler } from './handlers';
export type { HookTarget } from './handlers';

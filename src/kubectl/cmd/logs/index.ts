// kubectl logs and the pod-picking helpers the streaming verbs share.
export { logsCommand } from './logs';
export { PODS, getNamed, attachablePod, selectorForObject, podsForSelector, byLogging, byActiveReversed, allContainerNames,
  findContainer, findOrDefaultContainer } from './pods-for-object';
export type { Named } from './pods-for-object';

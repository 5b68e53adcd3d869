// Strategy lookup: which resource has which storage behaviour.
import type { ResourceInfo } from '../../api/kinds';
import { makeStrategy, type Strategy, type StrategyContext } from './strategy';
import { podStrategy, podQOSClass } from './pods';
import * as s from './core';
import { endpointSliceStrategy } from './endpointslice';

const DEFAULTS = new Map<string, Strategy>([
  ['pods.', podStrategy],
  ['namespaces.', s.namespaceStrategy],
  ['nodes.', s.nodeStrategy],
  ['services.', s.serviceStrategy],
  ['persistentvolumeclaims.', s.pvcStrategy],
  ['persistentvolumes.', s.pvStrategy],
  ['secrets.', s.secretStrategy],
  ['events.', s.eventStrategy],
  ['endpoints.', s.endpointsStrategy],
  ['replicationcontrollers.', s.rcStrategy],
  ['leases.coordination.k8s.io', s.leaseStrategy],
  ['deployments.apps', s.deploymentStrategy],
  ['replicasets.apps', s.replicaSetStrategy],
  ['statefulsets.apps', s.statefulSetStrategy],
  ['daemonsets.apps', s.daemonSetStrategy],
  ['jobs.batch', s.jobStrategy],
  ['cronjobs.batch', s.cronJobStrategy],
  ['horizontalpodautoscalers.autoscaling', s.hpaStrategy],
  ['ingresses.networking.k8s.io', s.ingressStrategy],
  ['endpointslices.discovery.k8s.io', endpointSliceStrategy],
]);

/** The built-in storage strategy of a resource (an API server may extend it per instance). */
export function defaultStrategyFor(info: ResourceInfo): Strategy {
  return DEFAULTS.get(`${info.resource}.${info.group}`) ?? makeStrategy(info);
}

export { makeStrategy, podQOSClass };
export const NAMESPACE_NAME_LABEL = s.NAMESPACE_NAME_LABEL;
export type { Strategy, StrategyContext };

// Which printer serves which resource: the sim's AddHandlers.
// Models pkg/printers/internalversion/printers.go AddHandlers, restricted to the kinds kubesim serves;
// a resource absent here uses the default table convertor (NAME, CREATED AT), as LimitRange, Role
// and ClusterRole do upstream (their registries use rest.NewDefaultTableConvertor).
import { groupResource } from '../../api';
import type { ResourceInfo } from '../../api';
import { controllerRevisionHandler, daemonSetHandler, deploymentHandler, replicaSetHandler,
  replicationControllerHandler, statefulSetHandler } from './apps';
import { horizontalPodAutoscalerHandler } from './autoscaling';
import { cronJobHandler, jobHandler } from './batch';
import { componentStatusHandler, configMapHandler, eventHandler, leaseHandler, namespaceHandler, nodeHandler,
  resourceQuotaHandler, secretHandler, serviceAccountHandler } from './core';
import type { TableHandler } from './handler';
import { endpointSliceHandler, endpointsHandler, ingressClassHandler, ingressHandler, networkPolicyHandler,
  serviceHandler } from './networking';
import { podHandler, podTemplateHandler } from './pod';
import { clusterRoleBindingHandler, podDisruptionBudgetHandler, priorityClassHandler, roleBindingHandler } from './policy';
import { csiDriverHandler, csiNodeHandler, persistentVolumeClaimHandler, persistentVolumeHandler, storageClassHandler,
  volumeAttachmentHandler } from './storage';

// Keyed by GroupResource.String() ("pods", "deployments.apps").
const HANDLERS: ReadonlyMap<string, TableHandler> = new Map<string, TableHandler>([
  ['pods', podHandler],
  ['podtemplates', podTemplateHandler],
  ['poddisruptionbudgets.policy', podDisruptionBudgetHandler],
  ['replicationcontrollers', replicationControllerHandler],
  ['replicasets.apps', replicaSetHandler],
  ['daemonsets.apps', daemonSetHandler],
  ['jobs.batch', jobHandler],
  ['cronjobs.batch', cronJobHandler],
  ['services', serviceHandler],
  ['ingresses.networking.k8s.io', ingressHandler],
  ['ingressclasses.networking.k8s.io', ingressClassHandler],
  ['statefulsets.apps', statefulSetHandler],
  ['endpoints', endpointsHandler],
  ['nodes', nodeHandler],
  ['events', eventHandler],
  ['namespaces', namespaceHandler],
  ['secrets', secretHandler],
  ['serviceaccounts', serviceAccountHandler],
  ['persistentvolumes', persistentVolumeHandler],
  ['persistentvolumeclaims', persistentVolumeClaimHandler],
  ['componentstatuses', componentStatusHandler],
  ['deployments.apps', deploymentHandler],
  ['horizontalpodautoscalers.autoscaling', horizontalPodAutoscalerHandler],
  ['configmaps', configMapHandler],
  ['networkpolicies.networking.k8s.io', networkPolicyHandler],
  ['rolebindings.rbac.authorization.k8s.io', roleBindingHandler],
  ['clusterrolebindings.rbac.authorization.k8s.io', clusterRoleBindingHandler],
  ['leases.coordination.k8s.io', leaseHandler],
  ['storageclasses.storage.k8s.io', storageClassHandler],
  ['controllerrevisions.apps', controllerRevisionHandler],
  ['resourcequotas', resourceQuotaHandler],
  ['priorityclasses.scheduling.k8s.io', priorityClassHandler],
  ['volumeattachments.storage.k8s.io', volumeAttachmentHandler],
  ['endpointslices.discovery.k8s.io', endpointSliceHandler],
  ['csinodes.storage.k8s.io', csiNodeHandler],
  ['csidrivers.storage.k8s.io', csiDriverHandler],
]);

/** The printer of a resource, or undefined when it uses the default table convertor. */
export function handlerFor(info: Pick<ResourceInfo, 'group' | 'resource'>): TableHandler | undefined {
  return HANDLERS.get(groupResource(info));
}

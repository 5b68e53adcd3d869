// kubectl describe: one describer per kind (pkg/describe describerMap), the generic describer otherwise.
import type { ResourceInfo } from '../../engine/api';
import { apiVersionOf } from '../../engine/api';
import type { DescribeClient } from './client';
import { describePodByName } from './pod';
import { describeCronJobByName, describeDaemonSetByName, describeDeploymentByName, describeJobByName, describeReplicaSetByName,
  describeReplicationControllerByName, describeStatefulSetByName } from './workloads';
import { describeEndpointSliceByName, describeEndpointsByName, describeIngressByName, describeIngressClassByName,
  describeServiceByName } from './network';
import { describeNodeByName } from './node';
import { describeConfigMapByName, describeLimitRangeByName, describeNamespaceByName, describePersistentVolumeByName,
  describePersistentVolumeClaimByName, describeResourceQuotaByName, describeSecretByName, describeServiceAccountByName,
  describeStorageClassByName } from './config';
import { describeCSINodeByName, describeGeneric, describeHPAByName, describeNetworkPolicyByName, describePDBByName,
  describePriorityClassByName, describeRoleBindingByName, describeRoleByName } from './misc';

export { describeClient } from './client';
export type { DescribeClient } from './client';
export { tabbedString, PrefixWriter, rfc1123z, describeEvents } from './writer';
export { describePod } from './pod';
export { describePodTemplate } from './containers';
export { smartLabelFor } from './misc';
export { podRequestsAndLimits, findNodeRoles } from './node';

type Describer = (c: DescribeClient, namespace: string, name: string) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  'Pod': describePodByName,
  'ReplicationController': describeReplicationControllerByName,
  'Secret': describeSecretByName,
  'Service': describeServiceByName,
  'ServiceAccount': describeServiceAccountByName,
  'Node': describeNodeByName,
  'LimitRange': describeLimitRangeByName,
  'ResourceQuota': describeResourceQuotaByName,
  'PersistentVolume': describePersistentVolumeByName,
  'PersistentVolumeClaim': describePersistentVolumeClaimByName,
  'Namespace': describeNamespaceByName,
  'Endpoints': describeEndpointsByName,
  'ConfigMap': describeConfigMapByName,
  'EndpointSlice.discovery.k8s.io': describeEndpointSliceByName,
  'HorizontalPodAutoscaler.autoscaling': describeHPAByName,
  'Ingress.networking.k8s.io': describeIngressByName,
  'IngressClass.networking.k8s.io': describeIngressClassByName,
  'Job.batch': describeJobByName,
  'CronJob.batch': describeCronJobByName,
  'StatefulSet.apps': describeStatefulSetByName,
  'Deployment.apps': describeDeploymentByName,
  'DaemonSet.apps': describeDaemonSetByName,
  'ReplicaSet.apps': describeReplicaSetByName,
  'StorageClass.storage.k8s.io': describeStorageClassByName,
  'CSINode.storage.k8s.io': describeCSINodeByName,
  'PodDisruptionBudget.policy': describePDBByName,
  'Role.rbac.authorization.k8s.io': (c, ns, n) => describeRoleByName(c, ns, n, false),
  'ClusterRole.rbac.authorization.k8s.io': (c, ns, n) => describeRoleByName(c, ns, n, true),
  'RoleBinding.rbac.authorization.k8s.io': (c, ns, n) => describeRoleBindingByName(c, ns, n, false),
  'ClusterRoleBinding.rbac.authorization.k8s.io': (c, ns, n) => describeRoleBindingByName(c, ns, n, true),
  'NetworkPolicy.networking.k8s.io': describeNetworkPolicyByName,
  'PriorityClass.scheduling.k8s.io': describePriorityClassByName,
};

/** The describer of a resource: its own (describerMap), else the generic one. */
export function describerFor(m: ResourceInfo): Describer {
  const own = DESCRIBERS[m.group ? `${m.kind}.${m.group}` : m.kind];
  if (own) return own;
  return (c, ns, name) => describeGeneric(c, m.group, m.resource, m.kind, apiVersionOf(m), ns, name);
}

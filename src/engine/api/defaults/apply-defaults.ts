// The defaulting step of the API server's decode: runtime.Scheme.Default, as registered by each group's
// RegisterDefaults (pkg/apis/<group>/<version>/zz_generated.defaults.go), followed by the effects of
// the conversion and JSON round trip a real API server puts every object through (wire-shape.ts).
import type { KubeObject } from '../types';
import { apiVersionOf, type ResourceInfo } from '../kinds';
import type { Obj } from './util';
import { defaultPod } from './pod-spec';
import { defaultService, defaultSecret, defaultNamespace, defaultNode, defaultPersistentVolume, defaultPersistentVolumeClaim,
  defaultEndpoints, defaultLimitRange, defaultResourceQuota, defaultReplicationController, defaultPodTemplate } from './core';
import { defaultDeployment, defaultReplicaSet, defaultDaemonSet, defaultStatefulSet } from './apps';
import { defaultJob, defaultCronJob } from './batch';
import { defaultNetworkPolicy, defaultIngressClass } from './networking';
import { defaultStorageClass, defaultCSIDriver, defaultVolumeAttachment } from './storage';
import { defaultEndpointSlice } from './discovery';
import { defaultRoleBinding } from './rbac';
import { defaultPriorityClass } from './scheduling';
import { defaultHorizontalPodAutoscaler } from './autoscaling';
import { applyWireShape } from './wire-shape';

// Kinds absent here have no defaulting functions in v1.32: ConfigMap, ServiceAccount, Event, Ingress,
// ControllerRevision, Lease, PodDisruptionBudget, Role, ClusterRole, CSINode, ComponentStatus, Binding.
const DEFAULTERS: Record<string, (o: Obj) => void> = {
  '/Pod': defaultPod,
  '/Service': defaultService,
  '/Secret': defaultSecret,
  '/Namespace': defaultNamespace,
  '/Node': defaultNode,
  '/PersistentVolume': defaultPersistentVolume,
  '/PersistentVolumeClaim': defaultPersistentVolumeClaim,
  '/Endpoints': defaultEndpoints,
  '/LimitRange': defaultLimitRange,
  '/ResourceQuota': defaultResourceQuota,
  '/ReplicationController': defaultReplicationController,
  '/PodTemplate': defaultPodTemplate,
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/DaemonSet': defaultDaemonSet,
  'apps/StatefulSet': defaultStatefulSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'networking.k8s.io/NetworkPolicy': defaultNetworkPolicy,
  'networking.k8s.io/IngressClass': defaultIngressClass,
  'storage.k8s.io/StorageClass': defaultStorageClass,
  'storage.k8s.io/CSIDriver': defaultCSIDriver,
  'storage.k8s.io/VolumeAttachment': defaultVolumeAttachment,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  'rbac.authorization.k8s.io/RoleBinding': defaultRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': defaultRoleBinding,
  'scheduling.k8s.io/PriorityClass': defaultPriorityClass,
  'autoscaling/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler,
};

/**
 * Applies the v1.32 scheme defaults in place. `obj` is a fresh, unfrozen, decoded object. A body of
 * another kind (a Binding posted to pods/binding, a Scale, an Eviction) is left alone.
 */
export function applyDefaults(obj: KubeObject, info: ResourceInfo): void {
  if (obj.kind && obj.kind !== info.kind) return;
  const o = obj as Obj;
  DEFAULTERS[`${info.group}/${info.kind}`]?.(o);
  applyWireShape(o, apiVersionOf(info), info.kind);
}

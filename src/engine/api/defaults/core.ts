// Defaults of the core/v1 kinds other than Pod.
// Models pkg/apis/core/v1/defaults.go and pkg/apis/core/v1/zz_generated.defaults.go (SetObjectDefaults_*).
import { type Obj, isObj, child, objAt, objects, defaultPtr, defaultString, drop, defaultResourceList } from './util';
import { defaultPodTemplateSpec } from './pod-spec';
import { defaultPersistentVolumeClaimSpec, defaultPersistentVolumeSource } from './volumes';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 10800;
/** v1.LabelMetadataName: every named namespace carries its own name under this label. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

/** pkg/api/v1/service ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
function externallyAccessible(spec: Obj): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort'
    || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
}

/**
 * SetDefaults_Service. clusterIP(s), ipFamilies and ipFamilyPolicy are NOT defaults: the service
 * registry allocates them (pkg/registry/core/service/storage/alloc.go).
 */
export function defaultService(svc: Obj): void {
  const spec = child(svc, 'spec');
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') drop(spec, 'sessionAffinityConfig');
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = objAt(objAt(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds;
    if (timeout === undefined || timeout === null) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS } };
    }
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of objects(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') {
    defaultPtr(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (spec.type === 'LoadBalancer') {
    defaultPtr(spec, 'allocateLoadBalancerNodePorts', true);
    // LoadBalancerIPMode is GA in v1.32: an ingress point with an IP and no ipMode is a VIP.
    for (const ing of objects(objAt(objAt(svc, 'status'), 'loadBalancer'), 'ingress')) {
      if (ing.ip) defaultPtr(ing, 'ipMode', 'VIP');
    }
  }
}

/** SetDefaults_Secret: type Opaque. */
export function defaultSecret(secret: Obj): void {
  defaultString(secret, 'type', 'Opaque');
}

/**
 * SetDefaults_Namespace: the kubernetes.io/metadata.name label (only when the name is known; the
 * namespace strategy's Canonicalize sets it for generateName), and SetDefaults_NamespaceStatus: Active.
 */
export function defaultNamespace(ns: Obj): void {
  const meta = child(ns, 'metadata');
  if (typeof meta.name === 'string' && meta.name) child(meta, 'labels')[LABEL_METADATA_NAME] = meta.name;
  defaultString(child(ns, 'status'), 'phase', 'Active');
}

/** SetDefaults_NodeStatus (allocatable copies capacity when unset) and resource-list rounding. */
export function defaultNode(node: Obj): void {
  const status = objAt(node, 'status');
  if (!status) return;
  if ((status.allocatable === undefined || status.allocatable === null) && isObj(status.capacity)) {
    status.allocatable = { ...status.capacity };
  }
  defaultResourceList(status, 'capacity');
  defaultResourceList(status, 'allocatable');
}

/** SetDefaults_PersistentVolume: status Pending, reclaim policy Retain, volumeMode Filesystem. */
export function defaultPersistentVolume(pv: Obj): void {
  defaultString(child(pv, 'status'), 'phase', 'Pending');
  const spec = child(pv, 'spec');
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPtr(spec, 'volumeMode', 'Filesystem');
  defaultResourceList(spec, 'capacity');
  defaultPersistentVolumeSource(spec);
}

/** SetDefaults_PersistentVolumeClaim (status Pending) and SetDefaults_PersistentVolumeClaimSpec. */
export function defaultPersistentVolumeClaim(pvc: Obj): void {
  const status = child(pvc, 'status');
  defaultString(status, 'phase', 'Pending');
  defaultPersistentVolumeClaimSpec(child(pvc, 'spec'));
  defaultResourceList(status, 'capacity');
  defaultResourceList(status, 'allocatedResources');
}

/** SetDefaults_Endpoints: port protocol TCP. */
export function defaultEndpoints(ep: Obj): void {
  for (const subset of objects(ep, 'subsets')) for (const port of objects(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
}

/**
 * SetDefaults_LimitRangeItem: for Container limits, default ← max, defaultRequest ← default, then
 * defaultRequest ← min, each only where unset.
 */
export function defaultLimitRange(lr: Obj): void {
  for (const item of objects(objAt(lr, 'spec'), 'limits')) {
    if (item.type === 'Container') {
      const def = isObj(item.default) ? item.default : (item.default = {});
      const defReq = isObj(item.defaultRequest) ? item.defaultRequest : (item.defaultRequest = {});
      for (const [k, v] of Object.entries(objAt(item, 'max') ?? {})) if (!(k in def)) def[k] = v;
      for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
      for (const [k, v] of Object.entries(objAt(item, 'min') ?? {})) if (!(k in defReq)) defReq[k] = v;
      // An empty map is omitted by the JSON encoder (omitempty).
      if (Object.keys(def).length === 0) delete item.default;
      if (Object.keys(defReq).length === 0) delete item.defaultRequest;
    }
    for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) defaultResourceList(item, key);
  }
}

/** SetObjectDefaults_ResourceQuota: every resource list rounded. */
export function defaultResourceQuota(rq: Obj): void {
  defaultResourceList(objAt(rq, 'spec'), 'hard');
  defaultResourceList(objAt(rq, 'status'), 'hard');
  defaultResourceList(objAt(rq, 'status'), 'used');
}

/**
 * SetDefaults_ReplicationController: selector and labels from the template's labels when unset,
 * `+default=1` replicas, and the template defaults.
 */
export function defaultReplicationController(rc: Obj): void {
  const spec = child(rc, 'spec');
  const template = objAt(spec, 'template');
  const labels = objAt(objAt(template, 'metadata'), 'labels');
  if (labels) {
    if (!isObj(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = child(rc, 'metadata');
    if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  defaultPtr(spec, 'replicas', 1);
  if (template) defaultPodTemplateSpec(template);
}

/** SetObjectDefaults_PodTemplate: the template's pod spec. */
export function defaultPodTemplate(pt: Obj): void {
  defaultPodTemplateSpec(objAt(pt, 'template'));
}

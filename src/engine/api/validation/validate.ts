// The entry points the API server calls: the kind's Strategy.Validate / ValidateUpdate plus the common
// ObjectMeta checks rest.BeforeCreate and rest.BeforeUpdate run around them.
// Models staging/src/k8s.io/apiserver/pkg/registry/rest/create.go BeforeCreate (kind validation, then, only
// if it passed, ValidateObjectMetaAccessor with path.ValidatePathSegmentName) and update.go BeforeUpdate
// (validateCommonFields first, then the kind's ValidateUpdate), and the strategies of pkg/registry/*.
import type { FieldError } from '../field';
import type { ResourceInfo } from '../kinds';
import type { KubeObject } from '../types';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, validatePathSegmentName, type NameFn } from './names';
import { validateNonnegativeField, validateObjectMeta, validateObjectMetaAccessor, validateObjectMetaAccessorUpdate,
  validateObjectMetaUpdate, STATUS } from './objectmeta';
import { validatePodBinding, validatePodCreate, validatePodStatusUpdate, validatePodUpdate } from './pod';
import { normalizeServiceClusterIPs, validateEndpoints, validateService, validateServiceStatusUpdate, validateServiceUpdate } from './service';
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate, validateNode, validateNodeUpdate } from './namespace-node';
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate, validateServiceAccount } from './config';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimStatusUpdate, validatePersistentVolumeClaimUpdate } from './pvc';
import { validatePersistentVolume, validatePersistentVolumeStatusUpdate, validatePersistentVolumeUpdate, validateStorageClass,
  validateStorageClassUpdate } from './storage';
import { validateAppsStatusUpdate, validateDaemonSet, validateDaemonSetUpdate, validateDeployment, validateDeploymentUpdate,
  validateReplicaSet, validateReplicaSetUpdate, validateStatefulSet, validateStatefulSetUpdate } from './apps';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobStatusUpdate, validateJobUpdate } from './batch';
import { validateIngress, validateIngressClass, validateIngressClassUpdate, validateIngressStatusUpdate, validateIngressUpdate } from './networking';
import { validateEndpointSlice } from './discovery';
import { validateEvent, validateLease } from './coordination';

// The objects reach us as decoded JSON; each validator reads the kubernetes-types shape of its kind.
type V1 = (o: any) => FieldError[];
type V2 = (o: any, old: any) => FieldError[];

interface KindRules {
  /** ValidateNameFunc of the kind (ValidateObjectMeta's nameFn). */
  name: NameFn;
  create: V1;
  update: V2;
  status?: V2;
}

const metaUpdate: V2 = (o, old) => validateObjectMetaUpdate(o.metadata, old.metadata);
const metaCreate = (nameFn: NameFn, namespaced: boolean): V1 => (o) => validateObjectMeta(o.metadata, namespaced, nameFn);

const appsStatus: V2 = (o, old) => validateAppsStatusUpdate(o, old);

// DaemonSet status counters (validateDaemonSetStatus).
const daemonSetStatus: V2 = (o, old) => {
  const errs = validateObjectMetaUpdate(o.metadata, old.metadata);
  const s = o.status ?? {};
  for (const f of ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration',
    'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'collisionCount']) {
    if (typeof s[f] === 'number') errs.push(...validateNonnegativeField(s[f], STATUS.child(f)));
  }
  return errs;
};

const RULES: Record<string, KindRules> = {
  '/Namespace': { name: nameIsDNSLabel, create: validateNamespace, update: validateNamespaceUpdate, status: validateNamespaceStatusUpdate },
  '/Node': { name: nameIsDNSSubdomain, create: validateNode, update: validateNodeUpdate, status: validateNodeUpdate },
  '/Pod': { name: nameIsDNSSubdomain, create: validatePodCreate, update: validatePodUpdate, status: validatePodStatusUpdate },
  '/Binding': { name: nameIsDNSSubdomain, create: validatePodBinding, update: () => [] },
  '/Service': { name: nameIsDNS1035Label, create: (s) => validateService(normalizeServiceClusterIPs(s)), update: validateServiceUpdate,
    status: validateServiceStatusUpdate },
  '/Endpoints': { name: nameIsDNSSubdomain, create: (e) => validateEndpoints(e), update: (e, old) => validateEndpoints(e, old) },
  '/ConfigMap': { name: nameIsDNSSubdomain, create: validateConfigMap, update: validateConfigMapUpdate },
  '/Secret': { name: nameIsDNSSubdomain, create: validateSecret, update: validateSecretUpdate },
  '/ServiceAccount': { name: nameIsDNSSubdomain, create: (s) => validateServiceAccount(s), update: (s, old) => validateServiceAccount(s, old) },
  '/PersistentVolume': { name: nameIsDNSSubdomain, create: validatePersistentVolume, update: validatePersistentVolumeUpdate,
    status: validatePersistentVolumeStatusUpdate },
  '/PersistentVolumeClaim': { name: nameIsDNSSubdomain, create: validatePersistentVolumeClaim, update: validatePersistentVolumeClaimUpdate,
    status: validatePersistentVolumeClaimStatusUpdate },
  // Core v1 Events skip ObjectMeta validation in their strategy; only the generic check runs.
  '/Event': { name: nameIsDNSSubdomain, create: validateEvent, update: validateEvent },
  'apps/Deployment': { name: nameIsDNSSubdomain, create: validateDeployment, update: validateDeploymentUpdate, status: appsStatus },
  'apps/ReplicaSet': { name: nameIsDNSSubdomain, create: validateReplicaSet, update: validateReplicaSetUpdate, status: appsStatus },
  'apps/DaemonSet': { name: nameIsDNSSubdomain, create: validateDaemonSet, update: validateDaemonSetUpdate, status: daemonSetStatus },
  'apps/StatefulSet': { name: nameIsDNSLabel, create: validateStatefulSet, update: validateStatefulSetUpdate, status: appsStatus },
  'batch/Job': { name: nameIsDNSSubdomain, create: validateJob, update: validateJobUpdate, status: validateJobStatusUpdate },
  'batch/CronJob': { name: nameIsDNSSubdomain, create: validateCronJob, update: validateCronJobUpdate, status: metaUpdate },
  'networking.k8s.io/Ingress': { name: nameIsDNSSubdomain, create: validateIngress, update: validateIngressUpdate, status: validateIngressStatusUpdate },
  'networking.k8s.io/IngressClass': { name: nameIsDNSSubdomain, create: validateIngressClass, update: validateIngressClassUpdate },
  'discovery.k8s.io/EndpointSlice': { name: nameIsDNSSubdomain, create: (e) => validateEndpointSlice(e), update: (e, old) => validateEndpointSlice(e, old) },
  'storage.k8s.io/StorageClass': { name: nameIsDNSSubdomain, create: validateStorageClass, update: validateStorageClassUpdate },
  'coordination.k8s.io/Lease': { name: nameIsDNSSubdomain, create: (l) => validateLease(l), update: (l, old) => validateLease(l, old) },
};

// Kinds kubesim only stores (RBAC, quotas, …): their ObjectMeta rules with a DNS subdomain name.
function rulesFor(info: ResourceInfo): KindRules {
  return RULES[`${info.group}/${info.kind}`] ?? {
    name: nameIsDNSSubdomain,
    create: metaCreate(nameIsDNSSubdomain, info.namespaced),
    update: metaUpdate,
  };
}

/** Validation on create (ValidateXxx). The object is already defaulted. */
export function validateObject(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const errs = rulesFor(info).create(obj);
  if (errs.length) return errs;
  // Custom validation passed: now the common ObjectMeta checks, with path-segment name rules.
  return validateObjectMetaAccessor(obj.metadata, info.namespaced, validatePathSegmentName);
}

// rest.BeforeUpdate validateCommonFields.
function commonFields(obj: KubeObject, old: KubeObject, info: ResourceInfo): FieldError[] {
  return [...validateObjectMetaAccessor(obj.metadata, info.namespaced, validatePathSegmentName),
    ...validateObjectMetaAccessorUpdate(obj.metadata, old.metadata)];
}

/**
 * Validation on update (ValidateXxxUpdate): includes immutable fields, e.g. a Deployment's selector
 * (`field is immutable`), a Pod's spec (the long "pod updates may not change fields other than …" message).
 */
export function validateObjectUpdate(obj: KubeObject, old: KubeObject, info: ResourceInfo): FieldError[] {
  return [...commonFields(obj, old, info), ...rulesFor(info).update(obj, old)];
}

/** Validation of a status-subresource update (ValidateXxxStatusUpdate). */
export function validateStatusUpdate(obj: KubeObject, old: KubeObject, info: ResourceInfo): FieldError[] {
  const status = rulesFor(info).status ?? metaUpdate;
  return [...commonFields(obj, old, info), ...status(obj, old)];
}

/** Name validators as the API server uses them per kind (ValidateNameFunc), returning upstream's messages. */
export function nameErrors(info: ResourceInfo, name: string, prefix: boolean): string[] {
  return rulesFor(info).name(name, prefix);
}

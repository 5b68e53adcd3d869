// The fields a write may not change, per kind and endpoint: what the registry strategies' GetResetFields
// return in Kubernetes v1.32 (pkg/registry/*/*/strategy.go). The field manager ignores changes there,
// so nobody comes to own status through the main resource, or spec through /status.
import { FieldSet } from './fieldset';
import { fieldPE } from './path-element';

const STATUS = FieldSet.of([fieldPE('status')]);
const SPEC = FieldSet.of([fieldPE('spec')]);

/** Kinds whose main resource resets status and whose status subresource resets spec. */
const WITH_STATUS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Node',
  'Namespace', 'PersistentVolume', 'PersistentVolumeClaim', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
  'ResourceQuota', 'ReplicationController', 'CustomResourceDefinition', 'APIService', 'CertificateSigningRequest',
  'VolumeAttachment', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR']);

/** Extra status-subresource resets beyond spec (pod/strategy.go, deployment/strategy.go). */
const STATUS_EXTRA: Record<string, FieldSet> = {
  Pod: FieldSet.of([fieldPE('spec')], [fieldPE('metadata'), fieldPE('deletionTimestamp')], [fieldPE('metadata'), fieldPE('ownerReferences')]),
  Deployment: FieldSet.of([fieldPE('spec')], [fieldPE('metadata'), fieldPE('labels')]),
};

/** The reset fields of a write to `kind` through the main resource or a subresource. */
export function resetFieldsFor(kind: string | undefined, subresource: string | undefined): FieldSet | undefined {
  if (!kind || !WITH_STATUS.has(kind)) return undefined;
  if (!subresource) return STATUS;
  if (subresource === 'status') return STATUS_EXTRA[kind] ?? SPEC;
  return undefined;
}

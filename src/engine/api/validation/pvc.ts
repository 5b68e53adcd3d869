// PersistentVolumeClaim: create, update (spec immutable except requests), status.
// Models pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec,
// ValidatePersistentVolumeClaim, ValidatePersistentVolumeClaimUpdate, ValidatePersistentVolumeClaimStatusUpdate,
// ValidatePersistentVolumeClaimTemplate and validateDataSource(Ref).
import { FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../field';
import { deepEqual } from '../meta';
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { META, SPEC, validateImmutableField, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate,
  validateTemplateObjectMeta } from './objectmeta';
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { cmpQuantity, quantityOf, validateBasicResource, validatePositiveQuantityValue, validateResourceQuantityValue } from './resources';
import { cmpDiff } from './cmp-diff';

/** The access modes a PV or PVC may ask for, sorted as sets.List prints them. */
export const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
/** Filesystem or Block. */
export const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Checks access modes as the PV and PVC spec validations share them. */
export function validateAccessModes(modes: readonly string[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!SUPPORTED_ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, SUPPORTED_ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (SUPPORTED_ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

type DataSource = { apiGroup?: string; kind?: string; name?: string; namespace?: string };

function validateDataSource(ds: DataSource, path: FieldPath, isRef: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ds.name) errs.push(required(path.child('name'), ''));
  if (!ds.kind) errs.push(required(path.child('kind'), ''));
  const group = ds.apiGroup ?? '';
  if (!group && ds.kind !== 'PersistentVolumeClaim') {
    errs.push(invalid(path, ds.kind ?? '', 'must be \'PersistentVolumeClaim\' when referencing the default apiGroup'));
  }
  if (group) for (const m of isDNS1123Subdomain(group)) errs.push(invalid(path.child('apiGroup'), group, m));
  if (isRef && ds.namespace) for (const m of nameIsDNSLabel(ds.namespace, false)) errs.push(invalid(path.child('namespace'), ds.namespace, m));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePersistentVolumeClaimSpec(spec: PersistentVolumeClaimSpec | undefined, path: FieldPath): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const modes = s.accessModes ?? [];
  if (modes.length === 0) errs.push(required(path.child('accessModes'), 'at least 1 access mode is required'));
  if (s.selector) errs.push(...validateLabelSelector(s.selector, {}, path.child('selector')));
  errs.push(...validateAccessModes(modes, path.child('accessModes')));
  const storagePath = path.child('resources').key('storage');
  const requests = (s.resources?.requests ?? {}) as Record<string, unknown>;
  if (!('storage' in requests)) errs.push(required(storagePath, ''));
  else {
    const q = quantityOf(requests.storage);
    if (q) {
      const pos = validatePositiveQuantityValue(q, storagePath);
      errs.push(...(pos.length ? pos : validateResourceQuantityValue('storage', q, storagePath)));
    }
  }
  if (s.storageClassName) for (const m of nameIsDNSSubdomain(s.storageClassName, false)) errs.push(invalid(path.child('storageClassName'), s.storageClassName, m));
  if (s.volumeMode && !SUPPORTED_VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(path.child('volumeMode'), s.volumeMode, SUPPORTED_VOLUME_MODES));
  if (s.dataSource) errs.push(...validateDataSource(s.dataSource, path.child('dataSource'), false));
  if (s.dataSourceRef) errs.push(...validateDataSource(s.dataSourceRef, path.child('dataSourceRef'), true));
  if (s.dataSourceRef?.namespace) {
    if (s.dataSource) errs.push(invalid(path, String(path.child('dataSource')), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (s.dataSource && s.dataSourceRef) {
    const a = s.dataSource;
    const b = s.dataSourceRef;
    if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalid(path, String(path.child('dataSource')), 'must match dataSourceRef'));
  }
  if (s.volumeAttributesClassName) {
    for (const m of nameIsDNSSubdomain(s.volumeAttributesClassName, false)) errs.push(invalid(path.child('volumeAttributesClassName'), s.volumeAttributesClassName, m));
  }
  return errs;
}

/** ValidatePersistentVolumeClaimTemplate (generic ephemeral volumes). */
export function validatePersistentVolumeClaimTemplate(t: { metadata?: KubeObject['metadata']; spec?: PersistentVolumeClaimSpec },
  path: FieldPath): FieldError[] {
  return [...validateTemplateObjectMeta(t.metadata, path.child('metadata')), ...validatePersistentVolumeClaimSpec(t.spec, path.child('spec'))];
}

/** ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePersistentVolumeClaimSpec(pvc.spec, SPEC)];
}

/** ValidatePersistentVolumeClaimUpdate: the spec is immutable but for a bound claim's storage request. */
export function validatePersistentVolumeClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pvc.metadata, old.metadata), ...validatePersistentVolumeClaim(pvc)];
  const newSpec: PersistentVolumeClaimSpec = structuredClone(pvc.spec ?? {});
  const oldSpec: PersistentVolumeClaimSpec = structuredClone(old.spec ?? {});
  // The PV controller fills volumeName once.
  if (!old.spec?.volumeName) {
    if (newSpec.volumeName === undefined) delete oldSpec.volumeName;
    else oldSpec.volumeName = newSpec.volumeName;
  }
  const oldAnn = old.metadata?.annotations ?? {};
  const newAnn = pvc.metadata?.annotations ?? {};
  const upgradeFromAnnotation = BETA_STORAGE_CLASS_ANNOTATION in oldAnn && old.spec?.storageClassName === undefined
    && pvc.spec?.storageClassName !== undefined && pvc.spec.storageClassName === oldAnn[BETA_STORAGE_CLASS_ANNOTATION]
    && (!(BETA_STORAGE_CLASS_ANNOTATION in newAnn) || newAnn[BETA_STORAGE_CLASS_ANNOTATION] === oldAnn[BETA_STORAGE_CLASS_ANNOTATION]);
  if (upgradeFromAnnotation) {
    delete newSpec.storageClassName;
  } else {
    if ((newAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? '') !== (oldAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? '')) {
      errs.push(invalid(META.child('annotations', BETA_STORAGE_CLASS_ANNOTATION), newAnn[BETA_STORAGE_CLASS_ANNOTATION] ?? '', 'field is immutable'));
    }
    // A nil storageClassName may be set once (to the annotation's value, if there is one).
    if (pvc.spec?.storageClassName !== undefined && old.spec?.storageClassName === undefined
      && (!(BETA_STORAGE_CLASS_ANNOTATION in oldAnn) || pvc.spec.storageClassName === oldAnn[BETA_STORAGE_CLASS_ANNOTATION])) {
      delete newSpec.storageClassName;
    }
  }
  const bound = pvc.status?.phase === 'Bound';
  if (bound && newSpec.resources?.requests) {
    newSpec.resources.requests = { ...newSpec.resources.requests, storage: old.spec?.resources?.requests?.storage as string };
  }
  if (bound && newSpec.volumeAttributesClassName !== undefined) {
    if (oldSpec.volumeAttributesClassName === undefined) delete newSpec.volumeAttributesClassName;
    else newSpec.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }
  if (!deepEqual(newSpec, oldSpec)) {
    errs.push(forbidden(SPEC, `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${
      cmpDiff('core.PersistentVolumeClaimSpec', oldSpec, newSpec, 'core.v1.PersistentVolumeClaimSpec')}`));
  }
  const newSize = quantityOf(pvc.spec?.resources?.requests?.storage);
  const oldSize = quantityOf(old.spec?.resources?.requests?.storage);
  const statusSize = quantityOf(old.status?.capacity?.storage);
  // RecoverVolumeExpansionFailure is beta (on) in v1.32: shrinking is allowed down to status.capacity.
  // A missing status.capacity compares as a zero quantity.
  if (newSize && oldSize && cmpQuantity(newSize, oldSize) < 0 && (statusSize ? cmpQuantity(newSize, statusSize) <= 0 : newSize.nanos <= 0n)) {
    errs.push(forbidden(SPEC.child('resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }
  errs.push(...validateImmutableField(pvc.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, FieldPath.root('volumeMode'),
    pvc.spec?.volumeMode ?? null));
  return errs;
}

/** ValidatePersistentVolumeClaimStatusUpdate. */
export function validatePersistentVolumeClaimStatusUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = validateObjectMetaUpdate(pvc.metadata, old.metadata);
  if (!pvc.metadata?.resourceVersion) errs.push(required(FieldPath.root('resourceVersion'), ''));
  if (!(pvc.spec?.accessModes ?? []).length) errs.push(required(FieldPath.root('Spec').child('accessModes'), ''));
  const cap = (pvc.status?.capacity ?? {}) as Record<string, unknown>;
  for (const r of Object.keys(cap)) {
    const q = quantityOf(cap[r]);
    if (q) errs.push(...validateBasicResource(q, FieldPath.root('status').child('capacity').key(r)));
  }
  return errs;
}

// PersistentVolume and StorageClass.
// Models pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec, ValidatePersistentVolume,
// ValidatePersistentVolumeUpdate, ValidatePersistentVolumeStatusUpdate, and
// pkg/apis/storage/validation/validation.go ValidateStorageClass, ValidateStorageClassUpdate.
// Deviation: PV sources other than hostPath, nfs, local and csi are counted but not checked.
import { FieldError, FieldPath, forbidden, invalid, notSupported, required, tooLong, GoSyntax, duplicate } from '../field';
import { deepEqual } from '../meta';
import type { PersistentVolume, StorageClass } from '../types';
import { isQualifiedName, nameIsDNSSubdomain } from './names';
import { SPEC, validateImmutableField, validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { SUPPORTED_VOLUME_MODES, validateAccessModes } from './pvc';
import { validateHostPathVolumeSource, validateNFSVolumeSource } from './volumes';
import { quantityOf, validateBasicResource, validatePositiveQuantityValue } from './resources';
import { validateNodeSelector } from './scheduling';
import { cmpDiff } from './cmp-diff';
import { goStringMapText } from './go-syntax';

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const PV_SOURCES: [json: string, forbiddenPath: string][] = [['hostPath', 'hostPath'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['nfs', 'nfs'],
  ['rbd', 'rbd'], ['quobyte', 'quobyte'], ['cephfs', 'cephFS'], ['iscsi', 'iscsi'], ['cinder', 'cinder'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['scaleIO', 'scaleIO'], ['local', 'local'], ['storageos', 'storageos'], ['csi', 'csi']];
const PV_SOURCE_KEYS = PV_SOURCES.map(([k]) => k);

type PVSpec = NonNullable<PersistentVolume['spec']> & { volumeAttributesClassName?: string };

/** ValidatePersistentVolumeSpec (not inline). */
function validatePersistentVolumeSpec(spec: PVSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (!modes.length) errs.push(required(path.child('accessModes'), ''));
  errs.push(...validateAccessModes(modes, path.child('accessModes')));
  const cap = (spec.capacity ?? {}) as Record<string, unknown>;
  const keys = Object.keys(cap);
  if (!keys.length) errs.push(required(path.child('capacity'), ''));
  if (!('storage' in cap) || keys.length > 1) {
    // Upstream passes the ResourceList map itself; its %#v holds Quantity structs, we print the strings.
    const shown = spec.capacity === undefined ? 'core.ResourceList(nil)' : `core.ResourceList${goStringMapText(
      Object.fromEntries(keys.map((k) => [k, String(cap[k])]))).slice('map[string]string'.length)}`;
    errs.push(notSupported(path.child('capacity'), new GoSyntax(shown), ['storage']));
  }
  for (const k of keys) {
    const q = quantityOf(cap[k]);
    if (q) errs.push(...validateBasicResource(q, path.child('capacity').key(k)), ...validatePositiveQuantityValue(q, path.child('capacity').key(k)));
  }
  const rp = spec.persistentVolumeReclaimPolicy;
  if (rp && !RECLAIM_POLICIES.includes(rp)) errs.push(notSupported(path.child('persistentVolumeReclaimPolicy'), rp, RECLAIM_POLICIES));
  let nodeAffinitySpecified = false;
  if (spec.nodeAffinity) {
    const req = spec.nodeAffinity.required;
    nodeAffinitySpecified = true;
    if (req) {
      errs.push(...validateNodeSelector(req, false, path.child('nodeAffinity', 'required')));
    } else {
      errs.push(required(path.child('nodeAffinity', 'required'), 'must specify required node constraints'));
    }
  }
  let n = 0;
  const src = spec as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const [json, fp] of PV_SOURCES) {
    const v = src[json];
    if (!v) continue;
    if (n > 0 && json !== 'flexVolume') { errs.push(forbidden(path.child(fp), 'may not specify more than 1 volume type')); continue; }
    n++;
    const p = path.child(json);
    if (json === 'hostPath') errs.push(...validateHostPathVolumeSource(v, p));
    if (json === 'nfs') errs.push(...validateNFSVolumeSource(v, p));
    if (json === 'local') {
      const lp = String(v.path ?? '');
      if (!lp) errs.push(required(p.child('path'), ''));
      else if (lp.split('/').includes('..')) errs.push(invalid(p.child('path'), lp, 'must not contain \'..\''));
      if (!nodeAffinitySpecified) errs.push(required(path.child('nodeAffinity'), 'Local volume requires node affinity'));
    }
    if (json === 'csi') {
      if (!v.driver) errs.push(required(p.child('driver'), ''));
      if (!v.volumeHandle) errs.push(required(p.child('volumeHandle'), ''));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  if (spec.hostPath && spec.hostPath.path.replace(/\/+$/, '') === '' && rp === 'Recycle') {
    errs.push(forbidden(path.child('persistentVolumeReclaimPolicy'), 'may not be \'recycle\' for a hostPath mount of \'/\''));
  }
  if (spec.storageClassName) for (const m of nameIsDNSSubdomain(spec.storageClassName, false)) errs.push(invalid(path.child('storageClassName'), spec.storageClassName, m));
  if (spec.volumeMode !== undefined && !SUPPORTED_VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(notSupported(path.child('volumeMode'), spec.volumeMode, SUPPORTED_VOLUME_MODES));
  }
  return errs;
}

/** ValidatePersistentVolume. */
export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  return [...validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain), ...validatePersistentVolumeSpec((pv.spec ?? {}) as PVSpec, SPEC)];
}

/** ValidatePersistentVolumeUpdate: the volume source and mode are immutable. */
export function validatePersistentVolumeUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = validatePersistentVolume(pv);
  const pick = (s: PersistentVolume['spec']) => Object.fromEntries(PV_SOURCE_KEYS.filter((k) => (s as Record<string, unknown> | undefined)?.[k] !== undefined)
    .map((k) => [k, (s as Record<string, unknown>)[k]]));
  const newSrc = pick(pv.spec);
  const oldSrc = pick(old.spec);
  if (!deepEqual(newSrc, oldSrc)) {
    errs.push(forbidden(SPEC.child('persistentvolumesource'),
      `spec.persistentvolumesource is immutable after creation\n${cmpDiff('core.PersistentVolumeSource', oldSrc, newSrc, 'core.v1.PersistentVolumeSpec')}`));
  }
  errs.push(...validateImmutableField(pv.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, FieldPath.root('volumeMode')));
  if (old.spec?.nodeAffinity && !deepEqual(pv.spec?.nodeAffinity ?? null, old.spec.nodeAffinity)) {
    errs.push(invalid(FieldPath.root('nodeAffinity'), pv.spec?.nodeAffinity ? new GoSyntax('&core.VolumeNodeAffinity{…}') : null,
      'field is immutable, except for updating from beta label to GA'));
  }
  return errs;
}

/** ValidatePersistentVolumeStatusUpdate. */
export function validatePersistentVolumeStatusUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errs = validateObjectMetaUpdate(pv.metadata, old.metadata);
  if (!pv.metadata?.resourceVersion) errs.push(required(FieldPath.root('resourceVersion'), ''));
  return errs;
}

const MAX_PARAMETER_SIZE = 256 * (1 << 10);

/** ValidateStorageClass. */
export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, false, nameIsDNSSubdomain);
  const prov = FieldPath.root('provisioner');
  if (!sc.provisioner) errs.push(required(prov, ''));
  else errs.push(...isQualifiedName(sc.provisioner.toLowerCase()).map((m) => invalid(prov, sc.provisioner.toLowerCase(), m)));
  const params = sc.parameters ?? {};
  const pp = FieldPath.root('parameters');
  if (Object.keys(params).length > 512) errs.push(tooLong(pp, '', 512));
  else {
    let size = 0;
    for (const [k, v] of Object.entries(params)) {
      if (k.length < 1) errs.push(invalid(pp, k, 'field can not be empty.'));
      size += k.length + String(v).length;
    }
    if (size > MAX_PARAMETER_SIZE) errs.push(tooLong(pp, '', MAX_PARAMETER_SIZE));
  }
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) {
    errs.push(notSupported(FieldPath.root('reclaimPolicy'), sc.reclaimPolicy, ['Delete', 'Retain']));
  }
  const vbm = FieldPath.root('volumeBindingMode');
  if (sc.volumeBindingMode === undefined) errs.push(required(vbm, ''));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(notSupported(vbm, sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  const seenTerms: string[] = [];
  (sc.allowedTopologies ?? []).forEach((term, i) => {
    const p = FieldPath.root('allowedTopologies').index(i);
    const keys = new Set<string>();
    (term.matchLabelExpressions ?? []).forEach((r, j) => {
      const rp = p.child('matchLabelExpressions').index(j);
      if (!(r.values ?? []).length) errs.push(required(rp.child('values'), ''));
      const vals = new Set<string>();
      (r.values ?? []).forEach((v, k) => { if (vals.has(v)) errs.push(duplicate(rp.child('values').index(k), v)); vals.add(v); });
      errs.push(...validateLabelName(r.key, rp.child('key')));
      if (keys.has(r.key)) errs.push(duplicate(rp.child('key'), r.key));
      keys.add(r.key);
    });
    const canon = JSON.stringify((term.matchLabelExpressions ?? []).map((r) => [r.key, [...new Set(r.values)].sort()]).sort());
    if (seenTerms.includes(canon)) errs.push(duplicate(p.child('matchLabelExpressions'), ''));
    seenTerms.push(canon);
  });
  return errs;
}

/** ValidateStorageClassUpdate: parameters, provisioner, reclaimPolicy and volumeBindingMode are fixed. */
export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = validateObjectMetaUpdate(sc.metadata, old.metadata);
  if (!deepEqual(sc.parameters ?? null, old.parameters ?? null)) errs.push(forbidden(FieldPath.root('parameters'), 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden(FieldPath.root('provisioner'), 'updates to provisioner are forbidden.'));
  if ((sc.reclaimPolicy ?? '') !== (old.reclaimPolicy ?? '')) errs.push(forbidden(FieldPath.root('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(sc.volumeBindingMode ?? null, old.volumeBindingMode ?? null, FieldPath.root('volumeBindingMode')));
  return errs;
}


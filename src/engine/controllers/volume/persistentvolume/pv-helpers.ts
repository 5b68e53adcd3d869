// Stateless helpers of the PersistentVolume binder. Models k8s.io/component-helpers/storage/volume
// (helpers.go, pv_helpers.go: GetPersistentVolumeClaimClass, IsVolumeBoundToClaim,
// GetBindVolumeToClaim, FindMatchingVolume, CheckAccessModes, CheckVolumeModeMismatches,
// IsDelayBindingMode) and pkg/volume/util (GetDefaultClass).
import type { ObjectReference, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../api';
import { labelSelectorAsSelector, quantityValue } from '../../../api';

/** The claim finished its first binding (value does not matter). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** The binding was made by the controller, not pre-bound by the user. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** On a PV: the plugin or external provisioner that created it. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
/** On a claim: who is to provision it (GA name). */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** On a claim: who is to provision it (beta name, still written). */
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** On a claim of a WaitForFirstConsumer class: the node the scheduler chose. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The deprecated class annotation (wins over spec.storageClassName when present). */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
/** StorageClass default markers. */
export const IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** The finalizers of StorageObjectInUseProtection. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

const has = (o: { metadata?: { annotations?: Record<string, string> } }, k: string) => k in (o.metadata?.annotations ?? {});

/** metav1.HasAnnotation. */
export function hasAnnotation(o: { metadata?: { annotations?: Record<string, string> } }, key: string): boolean {
  return has(o, key);
}

/** GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName, else "". */
export function getPersistentVolumeClaimClass(claim: PersistentVolumeClaim): string {
  const ann = claim.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return claim.spec?.storageClassName ?? '';
}

/** PersistentVolumeClaimHasClass: the claim names a class (even ""). */
export function persistentVolumeClaimHasClass(claim: PersistentVolumeClaim): boolean {
  return has(claim, BETA_STORAGE_CLASS_ANNOTATION) || (claim.spec?.storageClassName !== undefined && claim.spec.storageClassName !== null);
}

/** GetPersistentVolumeClass. */
export function getPersistentVolumeClass(pv: PersistentVolume): string {
  const ann = pv.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (ann !== undefined) return ann;
  return pv.spec?.storageClassName ?? '';
}

/** IsVolumeBoundToClaim: the PV's claimRef names the claim (and its UID, when the ref has one). */
export function isVolumeBoundToClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (claim.metadata?.name !== ref.name || claim.metadata?.namespace !== ref.namespace) return false;
  if (ref.uid && claim.metadata?.uid !== ref.uid) return false;
  return true;
}

/** The claimRef of a claim (client-go tools/reference GetReference). */
export function claimReference(claim: PersistentVolumeClaim): ObjectReference {
  return { kind: 'PersistentVolumeClaim', namespace: claim.metadata?.namespace, name: claim.metadata?.name,
    uid: claim.metadata?.uid, apiVersion: 'v1', resourceVersion: claim.metadata?.resourceVersion };
}

/**
 * GetBindVolumeToClaim: a copy of the PV bound to the claim, and whether anything changed. A PV
 * the user pre-bound keeps no bound-by-controller annotation.
 */
export function getBindVolumeToClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): { pv: PersistentVolume; dirty: boolean } {
  const setBoundByController = !isVolumeBoundToClaim(pv, claim);
  const clone: PersistentVolume = structuredClone(pv);
  let dirty = false;
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata?.name || ref.namespace !== claim.metadata?.namespace || ref.uid !== claim.metadata?.uid) {
    clone.spec = { ...clone.spec, claimRef: claimReference(claim) };
    dirty = true;
  }
  if (setBoundByController && !has(clone, ANN_BOUND_BY_CONTROLLER)) {
    clone.metadata = { ...clone.metadata, annotations: { ...(clone.metadata?.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' } };
    dirty = true;
  }
  return { pv: clone, dirty };
}

/** CheckAccessModes: the volume offers every mode the claim asks for. */
export function checkAccessModes(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  const offered = pv.spec?.accessModes ?? [];
  return (claim.spec?.accessModes ?? []).every((m) => offered.includes(m));
}

/** CheckVolumeModeMismatches: Filesystem unless set, on both sides. */
export function checkVolumeModeMismatches(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  return (claim.spec?.volumeMode ?? 'Filesystem') !== (pv.spec?.volumeMode ?? 'Filesystem');
}

/** The requested storage in bytes. */
export function requestedBytes(claim: PersistentVolumeClaim): number {
  return quantityValue(claim.spec?.resources?.requests?.storage ?? 0);
}

/** The capacity of a PV in bytes. */
export function capacityBytes(pv: PersistentVolume): number {
  return quantityValue(pv.spec?.capacity?.storage ?? 0);
}

/** checkVolumeSatisfyClaim (pv_controller.go): why a requested PV cannot take the claim, if it cannot. */
export function checkVolumeSatisfyClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (pv.metadata?.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (capacityBytes(pv) < requestedBytes(claim)) return 'requested PV is too small';
  if (getPersistentVolumeClass(pv) !== getPersistentVolumeClaimClass(claim)) return 'storageClassName does not match';
  if (checkVolumeModeMismatches(claim, pv)) return 'incompatible volumeMode';
  if (!checkAccessModes(claim, pv)) return 'incompatible accessMode';
  return undefined;
}

/**
 * FindMatchingVolume for the PV controller (no node): a PV bound to the claim wins; otherwise the
 * smallest Available PV of the claim's class with enough capacity, the same volume mode and labels
 * matching the claim's selector. With delayed binding only a pre-bound PV is taken (the scheduler
 * binds the rest).
 */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const want = requestedBytes(claim);
  const cls = getPersistentVolumeClaimClass(claim);
  const selector = claim.spec?.selector ? labelSelectorAsSelector(claim.spec.selector) : undefined;
  let smallest: PersistentVolume | undefined;
  let smallestSize = 0;
  for (const pv of volumes) {
    if (pv.spec?.claimRef && !isVolumeBoundToClaim(pv, claim)) continue;
    const size = capacityBytes(pv);
    if (size < want) continue;
    if (checkVolumeModeMismatches(claim, pv)) continue;
    if (pv.metadata?.deletionTimestamp) continue;
    if (isVolumeBoundToClaim(pv, claim)) return pv;
    if (delayBinding) continue;
    if (pv.status?.phase !== 'Available') continue;
    if (selector && !selector.matches(pv.metadata?.labels)) continue;
    if (getPersistentVolumeClass(pv) !== cls) continue;
    if (!smallest || smallestSize > size) {
      smallest = pv;
      smallestSize = size;
    }
  }
  return smallest;
}

const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const MODE_SHORT: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** GetAccessModesAsString: the index key of a set of access modes ("RWO,ROX"), in the canonical order. */
export function accessModesKey(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return MODE_ORDER.filter((m) => set.has(m)).map((m) => MODE_SHORT[m]).join(',');
}

/**
 * persistentVolumeOrderedIndex.findByClaim: PVs grouped by their exact set of access modes; groups
 * that contain every requested mode are searched fewest modes first, so a PV with exactly the
 * requested modes beats a larger set. Volumes are tried in name order (upstream: cache order).
 */
export function findBestMatchForClaim(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const groups = new Map<string, PersistentVolume[]>();
  for (const pv of volumes) {
    const k = accessModesKey(pv.spec?.accessModes);
    const g = groups.get(k);
    if (g) g.push(pv);
    else groups.set(k, [pv]);
  }
  const want = claim.spec?.accessModes ?? [];
  const keys = [...groups.keys()].filter((k) => {
    const have = k ? k.split(',') : [];
    return want.every((m) => have.includes(MODE_SHORT[m] ?? m));
  }).sort((a, b) => (a ? a.split(',').length : 0) - (b ? b.split(',').length : 0) || (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) {
    const list = groups.get(k)!.slice().sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    const pv = findMatchingVolume(claim, list, delayBinding);
    if (pv) return pv;
  }
  return undefined;
}

/**
 * GetDefaultClass (pkg/volume/util): the default StorageClass; with several, the newest (then the
 * first by name).
 */
export function getDefaultClass(classes: readonly StorageClass[]): StorageClass | undefined {
  const defaults = classes.filter((c) => {
    const a = c.metadata?.annotations ?? {};
    return a[IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true' || a[BETA_IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true';
  });
  if (!defaults.length) return undefined;
  return defaults.slice().sort((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
  })[0];
}

/** claimToClaimKey. */
export function claimKey(claim: PersistentVolumeClaim): string {
  return `${claim.metadata?.namespace}/${claim.metadata?.name}`;
}

/** claimrefToClaimKey. */
export function claimRefKey(ref: ObjectReference): string {
  return `${ref.namespace}/${ref.name}`;
}

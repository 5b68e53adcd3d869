// Models pkg/scheduler/framework/plugins/volumebinding/binder.go (v1.32 volumeBinder): which claims
// are bound, which wait for a first consumer (WaitForFirstConsumer storage classes), and whether a
// node can take them — a bound PV's node affinity must match, an unbound claim needs a matching
// available PV or a class that provisions.
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../../api';
import type { Lister } from '../../../client';
import { nodeSelectorMatches, value } from '../../framework';

/** ErrReasonBindConflict (binder.go). */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** ErrReasonNodeConflict. */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** ErrReasonNotEnoughSpace. */
export const ERR_REASON_NOT_ENOUGH_SPACE = 'node(s) did not have enough free storage';
/** ErrReasonPVNotExist. */
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

/** volume.AnnBindCompleted: the PV controller marks a claim fully bound. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** volume.AnnSelectedNode: where a WaitForFirstConsumer claim's volume should be provisioned. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The provisioner name of classes that never provision. */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

/** The listers the binder reads. */
export interface BinderListers {
  pvcs: Lister<PersistentVolumeClaim>;
  pvs: Lister<PersistentVolume>;
  classes: Lister<StorageClass>;
}

/** PodVolumeClaims: the pod's claims by state. */
export interface PodVolumeClaims {
  boundClaims: PersistentVolumeClaim[];
  unboundClaimsDelayBinding: PersistentVolumeClaim[];
  unboundClaimsImmediate: PersistentVolumeClaim[];
}

/** The claim names a pod uses (PVC volumes, and generic ephemeral volumes' "<pod>-<volume>"). */
export function claimNamesOf(pod: Pod): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

/** isPVCFullyBound: a volume name and the bind-completed annotation. */
export function isPVCFullyBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec?.volumeName && ANN_BIND_COMPLETED in (pvc.metadata?.annotations ?? {});
}

/** volume.IsDelayBindingMode: the claim's class binds WaitForFirstConsumer (no class, or an unknown one: immediate). */
export function isDelayBindingMode(pvc: PersistentVolumeClaim, classes: Lister<StorageClass>): boolean {
  const cls = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
  if (!cls) return false;
  return classes.get(undefined, cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** GetPodVolumeClaims. */
export function getPodVolumeClaims(pod: Pod, l: BinderListers): PodVolumeClaims {
  const out: PodVolumeClaims = { boundClaims: [], unboundClaimsDelayBinding: [], unboundClaimsImmediate: [] };
  const ns = pod.metadata?.namespace;
  for (const c of claimNamesOf(pod)) {
    const pvc = l.pvcs.get(ns, c.name);
    if (!pvc) continue;
    if (isPVCFullyBound(pvc)) out.boundClaims.push(pvc);
    else if (isDelayBindingMode(pvc, l.classes) && !pvc.spec?.volumeName) out.unboundClaimsDelayBinding.push(pvc);
    else out.unboundClaimsImmediate.push(pvc);
  }
  return out;
}

/** CheckNodeAffinity of a PV: its required node selector (if any) must match the node. */
export function pvNodeAffinityMatches(pv: PersistentVolume, node: Node): boolean {
  const req = pv.spec?.nodeAffinity?.required;
  if (!req) return true;
  return nodeSelectorMatches(req.nodeSelectorTerms ?? [], node);
}

function requestBytes(pvc: PersistentVolumeClaim): number {
  const r = pvc.spec?.resources?.requests?.storage;
  return r === undefined ? 0 : value(r);
}

/**
 * FindMatchingVolume (pv_util.go, simplified): the smallest available PV of the claim's class with
 * enough capacity, every requested access mode, the same volume mode, a matching label selector and
 * node affinity that admits the node; a PV pre-bound to this claim wins.
 */
export function findMatchingVolume(pvc: PersistentVolumeClaim, pvs: readonly PersistentVolume[], node: Node,
  taken: ReadonlySet<string>): PersistentVolume | undefined {
  const cls = pvc.spec?.storageClassName ?? '';
  const want = requestBytes(pvc);
  const modes = pvc.spec?.accessModes ?? [];
  const mode = pvc.spec?.volumeMode ?? 'Filesystem';
  let best: PersistentVolume | undefined;
  let bestSize = Infinity;
  for (const pv of pvs) {
    const name = pv.metadata?.name ?? '';
    if (taken.has(name)) continue;
    const ref = pv.spec?.claimRef;
    const preBound = ref && ref.name === pvc.metadata?.name && ref.namespace === pvc.metadata?.namespace;
    if (ref && !preBound) continue;
    if ((pv.spec?.storageClassName ?? '') !== cls) continue;
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    const pvModes = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    const size = pv.spec?.capacity?.storage === undefined ? 0 : value(pv.spec.capacity.storage);
    if (size < want) continue;
    if (pv.metadata?.deletionTimestamp || (pv.status?.phase && pv.status.phase !== 'Available' && !preBound)) continue;
    if (!pvNodeAffinityMatches(pv, node)) continue;
    if (preBound) return pv;
    if (size < bestSize) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}

/** checkVolumeProvisions: the class provisions and its allowedTopologies (if any) admit the node. */
export function canProvision(pvc: PersistentVolumeClaim, classes: Lister<StorageClass>, node: Node): boolean {
  const sc = classes.get(undefined, pvc.spec?.storageClassName ?? '');
  if (!sc || sc.provisioner === NOT_SUPPORTED_PROVISIONER) return false;
  const topo = sc.allowedTopologies;
  if (!topo?.length) return true;
  const labels = node.metadata?.labels ?? {};
  return topo.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key])));
}

// Identity, storage and revisions of a StatefulSet's pods.
// Models pkg/controller/statefulset/stateful_set_utils.go (getParentNameAndOrdinal, getPodName,
// getPersistentVolumeClaimName, identityMatches, storageMatches, getPersistentVolumeClaims,
// updateStorage, initIdentity/updateIdentity, isRunningAndReady…, newVersionedStatefulSetPod,
// getPatch, newRevision, ApplyRevision, the PVC retention owner-reference rules, inconsistentStatus,
// completeRollingUpdate).
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api';
import type { SimMillis } from '../../clock';
import { getPodFromTemplate, isPodAvailable, isPodReady, newControllerRef, newControllerRevision } from '../shared';

/** The kind this controller manages. */
export const CONTROLLER_KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
/** podKind. */
export const POD_KIND = { apiVersion: 'v1', kind: 'Pod' } as const;
/** apps.StatefulSetPodNameLabel. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel, beta and on in v1.32). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps.StatefulSetRevisionLabel / ControllerRevisionHashLabelKey. */
export const REVISION_LABEL = 'controller-revision-hash';

type StatefulSetStatus = NonNullable<StatefulSet['status']>;
type Retention = NonNullable<NonNullable<StatefulSet['spec']>['persistentVolumeClaimRetentionPolicy']>;

const ORDINAL_RE = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: "web-2" → ["web", 2]; ["", -1] when the name has no ordinal. */
export function parentAndOrdinal(pod: Pod): [string, number] {
  const m = ORDINAL_RE.exec(pod.metadata?.name ?? '');
  if (!m) return ['', -1];
  const n = Number(m[2]);
  return [m[1], Number.isSafeInteger(n) && n <= 2147483647 ? n : -1];
}

/** getOrdinal. */
export function getOrdinal(pod: Pod): number {
  return parentAndOrdinal(pod)[1];
}

/** getStartOrdinal: spec.ordinals.start, or 0. */
export function startOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal (inclusive). */
export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

/** podInOrdinalRange. */
export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = getOrdinal(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

/** getPodName: `<set>-<ordinal>`. */
export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

/** getPersistentVolumeClaimName: `<claim>-<set>-<ordinal>`. */
export function claimName(set: StatefulSet, claim: string, ordinal: number): string {
  return `${claim}-${set.metadata?.name ?? ''}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to the set. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod)[0] === set.metadata?.name;
}

/** identityMatches: name, namespace and pod-name label fit the ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const [parent, ordinal] = parentAndOrdinal(pod);
  return ordinal >= 0 && set.metadata?.name === parent && pod.metadata?.name === getPodName(set, ordinal)
    && pod.metadata?.namespace === set.metadata?.namespace && pod.metadata?.labels?.[POD_NAME_LABEL] === pod.metadata?.name;
}

/** storageMatches: every claim template has its volume, pointing at the right claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const vols = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const v = vols.get(t.metadata?.name ?? '');
    if (v?.persistentVolumeClaim?.claimName !== claimName(set, t.metadata?.name ?? '', ordinal)) return false;
  }
  return true;
}

/** getPersistentVolumeClaims: the pod's claims, named for its ordinal, labelled with the set's selector labels. */
export function getPersistentVolumeClaims(set: StatefulSet, pod: Pod): PersistentVolumeClaim[] {
  const ordinal = getOrdinal(pod);
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const c = structuredClone(t) as PersistentVolumeClaim & { status?: unknown };
    delete c.status;
    c.apiVersion = 'v1';
    c.kind = 'PersistentVolumeClaim';
    const m = (c.metadata ??= {});
    m.name = claimName(set, t.metadata?.name ?? '', ordinal);
    m.namespace = set.metadata?.namespace;
    m.labels = { ...(m.labels ?? {}), ...selectorLabels };
    return c;
  });
}

/** updateStorage: the claim volumes first (template order), then the pod's other volumes. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
  const spec = (pod.spec ??= { containers: [] });
  const vols = claims.map((c, i) => ({ name: templates[i], persistentVolumeClaim: { claimName: c.metadata!.name! } }));
  for (const v of spec.volumes ?? []) if (!templates.includes(v.name)) vols.push(v as (typeof vols)[number]);
  spec.volumes = vols;
}

/** updateIdentity: name, namespace, pod-name and pod-index labels. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const m = (pod.metadata ??= {});
  m.name = getPodName(set, ordinal);
  m.namespace = set.metadata?.namespace;
  m.labels = { ...(m.labels ?? {}), [POD_NAME_LABEL]: m.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** initIdentity: also hostname and subdomain (set only at creation). */
export function initIdentity(set: StatefulSet, pod: Pod): void {
  updateIdentity(set, pod);
  const spec = (pod.spec ??= { containers: [] });
  spec.hostname = pod.metadata!.name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
}

/** isRunningAndReady. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: SimMillis): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}

/** isCreated: the API server has it (it has a phase). */
export function isCreated(pod: Pod): boolean {
  return !!pod.status?.phase;
}

/** isTerminating. */
export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

/** isHealthy: running, ready and not terminating. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** getPodRevision. */
export function getPodRevision(pod: Pod): string {
  return pod.metadata?.labels?.[REVISION_LABEL] ?? '';
}

/** newStatefulSetPod: from the template, with identity and storage for the ordinal. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const pod = getPodFromTemplate(set.spec!.template, set as KubeObject, newControllerRef(set as KubeObject, CONTROLLER_KIND));
  pod.metadata!.name = getPodName(set, ordinal);
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without a rollingUpdate block,
 * below currentReplicas) are created at the current revision, the others at the update revision.
 */
export function newVersionedStatefulSetPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string,
  ordinal: number): Pod {
  const us = currentSet.spec?.updateStrategy;
  const start = startOrdinal(currentSet);
  const useCurrent = (us?.type === 'RollingUpdate' && !us.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0))
    || (!!us?.rollingUpdate && ordinal < start + (us.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [REVISION_LABEL]: useCurrent ? currentRevision : updateRevision };
  return pod;
}

/** getPatch: the revision data, a patch that replaces spec.template. */
export function getPatch(set: StatefulSet): unknown {
  return { spec: { template: { ...structuredClone(set.spec!.template), $patch: 'replace' } } };
}

/** newRevision: a ControllerRevision of the set's template, with the set's annotations. */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number) {
  const cr = newControllerRevision(set as KubeObject, CONTROLLER_KIND, set.spec?.template?.metadata?.labels, getPatch(set), revision, collisionCount);
  if (set.metadata?.annotations && Object.keys(set.metadata.annotations).length) {
    cr.metadata!.annotations = { ...(cr.metadata!.annotations ?? {}), ...set.metadata.annotations };
  }
  return cr;
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: StatefulSet, data: unknown): StatefulSet {
  const out: StatefulSet = structuredClone(set);
  const tpl = (data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (tpl) {
    const { $patch: _p, ...template } = structuredClone(tpl);
    (out.spec as { template: unknown }).template = template;
  }
  return out;
}

/** inconsistentStatus: the computed status differs from the stored one. */
export function inconsistentStatus(set: StatefulSet, s: StatefulSetStatus): boolean {
  const o = set.status ?? { replicas: 0 };
  return (s.observedGeneration ?? 0) > (o.observedGeneration ?? 0) || s.replicas !== o.replicas
    || (s.currentReplicas ?? 0) !== (o.currentReplicas ?? 0) || (s.readyReplicas ?? 0) !== (o.readyReplicas ?? 0)
    || (s.updatedReplicas ?? 0) !== (o.updatedReplicas ?? 0) || (s.currentRevision ?? '') !== (o.currentRevision ?? '')
    || (s.availableReplicas ?? 0) !== (o.availableReplicas ?? 0) || (s.updateRevision ?? '') !== (o.updateRevision ?? '');
}

/** completeRollingUpdate: every replica updated and ready → the update revision becomes current. */
export function completeRollingUpdate(set: StatefulSet, s: StatefulSetStatus): void {
  const r = set.spec?.replicas ?? 1;
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && s.updatedReplicas === r && s.readyReplicas === r && s.replicas === r) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
}

/** getPersistentVolumeClaimRetentionPolicy: Retain/Retain unless set. */
export function retentionPolicy(set: StatefulSet): Required<Retention> {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted ?? 'Retain', whenScaled: p?.whenScaled ?? 'Retain' };
}

const matchesRef = (ref: OwnerReference, obj: KubeObject, kind: { apiVersion: string; kind: string }) =>
  ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === obj.metadata?.name;

/** hasOwnerRef: an owner reference with the owner's UID. */
export function hasOwnerRef(target: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata?.uid;
  return (target.metadata?.ownerReferences ?? []).some((r) => r.uid === uid);
}

/** hasStaleOwnerRef: a reference naming the object but with another UID. */
export function hasStaleOwnerRef(target: KubeObject, obj: KubeObject, kind: { apiVersion: string; kind: string }): boolean {
  for (const r of target.metadata?.ownerReferences ?? []) if (matchesRef(r, obj, kind)) return r.uid !== (obj.metadata?.uid ?? '');
  return false;
}

function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const p = retentionPolicy(set);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return false;
  for (const r of claim.metadata?.ownerReferences ?? []) {
    if (matchesRef(r, set as KubeObject, CONTROLLER_KIND)) {
      if (r.uid !== set.metadata?.uid) return true;
      continue;
    }
    if (matchesRef(r, pod as KubeObject, POD_KIND)) {
      if (r.uid !== pod.metadata?.uid) return true;
      continue;
    }
    if (r.controller) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata?.ownerReferences ?? []).some((r) => (r.uid === set.metadata?.uid || r.uid === pod.metadata?.uid) && !r.controller);
}

/**
 * isClaimOwnerUpToDate: the claim's owner references fit the retention policy — none for
 * Retain/Retain; the set for whenDeleted Delete; the pod once scaled away for whenScaled Delete.
 */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set as KubeObject, CONTROLLER_KIND) || hasStaleOwnerRef(claim, pod as KubeObject, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set as KubeObject) || hasOwnerRef(claim, pod as KubeObject));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const p = retentionPolicy(set);
  const onSet = hasOwnerRef(claim, set as KubeObject);
  const onPod = hasOwnerRef(claim, pod as KubeObject);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (p.whenScaled === 'Delete' && p.whenDeleted === 'Delete') return scaledDown !== onSet && scaledDown === onPod;
  if (p.whenScaled === 'Delete') return !onSet && scaledDown === onPod;
  if (p.whenDeleted === 'Delete') return onSet && !onPod;
  return !onSet && !onPod;
}

/** updateClaimOwnerRefForSetAndPod: rewrites the set's and pod's references on the claim per the policy. */
export function updateClaimOwnerRefForSetAndPod(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): void {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata?.ownerReferences ?? [])
    .filter((r) => !matchesRef(r, set as KubeObject, CONTROLLER_KIND) && !matchesRef(r, pod as KubeObject, POD_KIND));
  const add = (owner: KubeObject, kind: { apiVersion: string; kind: string }) => {
    if (!refs.some((r) => r.uid === owner.metadata?.uid)) refs = [...refs, newControllerRef(owner, kind)];
  };
  if (!unexpected) {
    const p = retentionPolicy(set);
    const scaledDown = !podInOrdinalRange(pod, set);
    if (p.whenScaled === 'Retain' && p.whenDeleted === 'Delete') add(set as KubeObject, CONTROLLER_KIND);
    else if (p.whenScaled === 'Delete' && p.whenDeleted === 'Retain') {
      if (scaledDown) add(pod as KubeObject, POD_KIND);
    } else if (p.whenScaled === 'Delete' && p.whenDeleted === 'Delete') {
      if (scaledDown) add(pod as KubeObject, POD_KIND);
      else add(set as KubeObject, CONTROLLER_KIND);
    }
  }
  const m = (claim.metadata ??= {});
  if (refs.length) m.ownerReferences = refs;
  else delete m.ownerReferences;
}

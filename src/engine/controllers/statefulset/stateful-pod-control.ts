// Creating, updating and deleting a StatefulSet's pods and their PersistentVolumeClaims, with the
// events `kubectl describe statefulset` shows. Models pkg/controller/statefulset/stateful_pod_control.go
// (StatefulPodControl: CreateStatefulPod, UpdateStatefulPod, DeleteStatefulPod,
// ClaimsMatchRetentionPolicy, UpdatePodClaimForRetentionPolicy, PodClaimIsStale,
// createMissingPersistentVolumeClaims, createPersistentVolumeClaims, recordPodEvent, recordClaimEvent).
import type { KubeObject, PersistentVolumeClaim, Pod, StatefulSet } from '../../api';
import { isAlreadyExists, isConflict } from '../../api';
import { withTypeMeta } from '../shared';
import { R, type Client, type EventRecorder, type Informer } from '../../client';
import {
  CONTROLLER_KIND, claimName, getOrdinal, getPersistentVolumeClaims, hasStaleOwnerRef, identityMatches, isClaimOwnerUpToDate, POD_KIND, retentionPolicy,
  storageMatches, updateClaimOwnerRefForSetAndPod, updateIdentity, updateStorage,
} from './stateful-set-utils';

const title = (verb: string) => verb.charAt(0).toUpperCase() + verb.slice(1);
const typed = (set: StatefulSet) => withTypeMeta(set, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind) as KubeObject;

/** The pod and claim writes of the StatefulSet controller. */
export class StatefulPodControl {
  constructor(private readonly client: Client, private readonly pvcs: Informer<PersistentVolumeClaim>,
    private readonly recorder: EventRecorder) {}

  /** recordPodEvent: "create Pod web-0 in StatefulSet web successful" / "… failed error: …". */
  private recordPodEvent(verb: string, set: StatefulSet, pod: Pod, err?: Error): void {
    const name = pod.metadata?.name ?? '';
    const setName = set.metadata?.name ?? '';
    if (!err) this.recorder.event(typed(set), 'Normal', `Successful${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${setName} successful`);
    else this.recorder.event(typed(set), 'Warning', `Failed${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${setName} failed error: ${err.message}`);
  }

  /** recordClaimEvent: "create Claim data-web-0 Pod web-0 in StatefulSet web success". */
  private recordClaimEvent(verb: string, set: StatefulSet, pod: Pod, claim: PersistentVolumeClaim, err?: Error): void {
    const c = claim.metadata?.name ?? '';
    const p = pod.metadata?.name ?? '';
    const s = set.metadata?.name ?? '';
    if (!err) this.recorder.event(typed(set), 'Normal', `Successful${title(verb)}`, `${verb} Claim ${c} Pod ${p} in StatefulSet ${s} success`);
    else this.recorder.event(typed(set), 'Warning', `Failed${title(verb)}`, `${verb} Claim ${c} for Pod ${p} in StatefulSet ${s} failed error: ${err.message}`);
  }

  private getClaim(namespace: string | undefined, name: string): PersistentVolumeClaim | undefined {
    return this.pvcs.lister.get(namespace, name);
  }

  /** createPersistentVolumeClaims: creates the missing claims (template order); errors are aggregated. */
  createPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    const errs: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, pod)) {
      const existing = this.getClaim(claim.metadata?.namespace, claim.metadata!.name!);
      if (!existing) {
        try {
          this.client.create(R.persistentvolumeclaims, claim);
          this.recordClaimEvent('create', set, pod, claim);
        } catch (e) {
          errs.push(`failed to create PVC ${claim.metadata!.name}: ${(e as Error).message}`);
          if (!isAlreadyExists(e)) this.recordClaimEvent('create', set, pod, claim, e as Error);
        }
      } else if (existing.metadata?.deletionTimestamp) {
        errs.push(`pvc ${claim.metadata!.name} is being deleted`);
      }
    }
    if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }

  /** CreateStatefulPod: claims first, then the pod. */
  createStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.createPersistentVolumeClaims(set, pod);
    } catch (e) {
      this.recordPodEvent('create', set, pod, e as Error);
      throw e;
    }
    let created: Pod;
    try {
      created = this.client.create<Pod>(R.pods, pod);
    } catch (e) {
      // An already existing pod is not news.
      if (!isAlreadyExists(e)) this.recordPodEvent('create', set, pod, e as Error);
      throw e;
    }
    try {
      this.updatePodClaimForRetentionPolicy(set, created);
    } catch (e) {
      this.recordPodEvent('update', set, pod, e as Error);
      throw e;
    }
    this.recordPodEvent('create', set, pod);
  }

  /** createMissingPersistentVolumeClaims: for a pending pod whose claims went missing. */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    this.createPersistentVolumeClaims(set, pod);
    try {
      this.updatePodClaimForRetentionPolicy(set, pod);
    } catch (e) {
      this.recordPodEvent('update', set, pod, e as Error);
      throw e;
    }
  }

  /** ClaimsMatchRetentionPolicy: every existing claim's owner references fit the policy. */
  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean {
    const ordinal = getOrdinal(pod);
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const claim = this.getClaim(set.metadata?.namespace, claimName(set, t.metadata?.name ?? '', ordinal));
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy: rewrites the owner references of the claims that need it. */
  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod): void {
    const ordinal = getOrdinal(pod);
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const name = claimName(set, t.metadata?.name ?? '', ordinal);
      const claim = this.getClaim(set.metadata?.namespace, name);
      if (!claim || isClaimOwnerUpToDate(claim, set, pod)) continue;
      const copy: PersistentVolumeClaim = structuredClone(claim);
      updateClaimOwnerRefForSetAndPod(copy, set, pod);
      try {
        this.client.update(R.persistentvolumeclaims, copy);
      } catch (e) {
        throw new Error(`could not update claim ${name} for delete policy ownerRefs: ${(e as Error).message}`, { cause: e });
      }
    }
  }

  /** PodClaimIsStale: with whenScaled Delete, a claim still owned by a former pod of that name must go first. */
  podClaimIsStale(set: StatefulSet, pod: Pod): boolean {
    if (retentionPolicy(set).whenScaled === 'Retain') return false;
    for (const c of getPersistentVolumeClaims(set, pod)) {
      const pvc = this.getClaim(c.metadata?.namespace, c.metadata!.name!);
      if (pvc && hasStaleOwnerRef(pvc, pod as KubeObject, POD_KIND)) return true;
    }
    return false;
  }

  /** UpdateStatefulPod: fixes identity, storage and claim ownership; writes the pod if any changed. */
  updateStatefulPod(set: StatefulSet, podIn: Pod): void {
    let pod: Pod = structuredClone(podIn);
    let attempted = false;
    for (let attempt = 0; ; attempt++) {
      let consistent = true;
      if (!identityMatches(set, pod)) {
        updateIdentity(set, pod);
        consistent = false;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, pod);
        consistent = false;
        try {
          this.createPersistentVolumeClaims(set, pod);
        } catch (e) {
          this.recordPodEvent('update', set, pod, e as Error);
          throw e;
        }
      }
      if (!this.claimsMatchRetentionPolicy(set, pod)) {
        try {
          this.updatePodClaimForRetentionPolicy(set, pod);
        } catch (e) {
          this.recordPodEvent('update', set, pod, e as Error);
          throw e;
        }
        consistent = false;
      }
      if (consistent) return;
      attempted = true;
      try {
        this.client.update(R.pods, pod);
        this.recordPodEvent('update', set, pod);
        return;
      } catch (e) {
        if (!isConflict(e) || attempt >= 4) {
          if (attempted) this.recordPodEvent('update', set, pod, e as Error);
          throw e;
        }
        const fresh = this.client.tryGet<Pod>(R.pods, pod.metadata?.namespace, pod.metadata!.name!);
        if (!fresh) throw e;
        pod = structuredClone(fresh);
      }
    }
  }

  /** DeleteStatefulPod: "delete Pod web-2 in StatefulSet web successful". */
  deleteStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.client.delete(R.pods, pod.metadata?.namespace, pod.metadata!.name!);
    } catch (e) {
      this.recordPodEvent('delete', set, pod, e as Error);
      throw e;
    }
    this.recordPodEvent('delete', set, pod);
  }
}


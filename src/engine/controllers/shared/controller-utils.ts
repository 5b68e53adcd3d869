// Keys, indexes and orderings every controller uses.
// Models pkg/controller/controller_utils.go (KeyFunc, PodKey, FilterActiveReplicaSets,
// ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder/Newer) and the controllerUID indexers of
// replica_set.go and the other controllers.
import type { KubeObject, ReplicaSet } from '../../api';
import { controllerOf, keyOf, type ObjectKey } from '../../api';
import { parseTime } from '../../clock';

/** controller.KeyFunc: "namespace/name" (or "name" for cluster-scoped objects). */
export function keyFunc(obj: KubeObject): ObjectKey {
  return keyOf(obj);
}

/** controller.PodKey: always "namespace/name". */
export function podKey(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/**
 * The shared index of objects by their ControllerRef's UID; orphans are indexed under
 * `orphan/<namespace>`. With it, a controller finds what it owns, and the orphans it may adopt,
 * without listing its whole namespace (upstream lists the namespace and filters).
 */
export const CONTROLLER_UID_INDEX = 'controllerUID';

/** The index value of orphans in a namespace. */
export function orphanIndexValue(namespace: string | undefined): string {
  return `orphan/${namespace ?? ''}`;
}

/** IndexFunc of CONTROLLER_UID_INDEX (register it with `informer.addIndexer(CONTROLLER_UID_INDEX, controllerUIDIndexFunc)`). */
export function controllerUIDIndexFunc(obj: KubeObject): string[] {
  const ref = controllerOf(obj);
  return [ref ? ref.uid : orphanIndexValue(obj.metadata?.namespace)];
}

/** The object with apiVersion and kind set (objects from lists carry none; events need them). */
export function withTypeMeta<T extends KubeObject>(obj: T, apiVersion: string, kind: string): T {
  return obj.kind === kind && obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion, kind };
}

/** Replicas of a ReplicaSet's spec (defaulted to 1 by the API server; 0 when missing here). */
export function specReplicas(rs: { spec?: { replicas?: number } } | undefined | null): number {
  return rs?.spec?.replicas ?? 0;
}

/** controller.FilterActiveReplicaSets: the sets that have, or ought to have, pods. */
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined | null)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0);
}

function created(o: KubeObject): number {
  return parseTime(o.metadata?.creationTimestamp) ?? 0;
}

/** ReplicaSetsByCreationTimestamp (older first; the name breaks ties). Also fits any KubeObject. */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = created(a);
  const tb = created(b);
  if (ta === tb) {
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  return ta - tb;
}

/** ReplicaSetsBySizeOlder: larger first; among equals, older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first; among equals, newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/**
 * The objects a controller may claim: those it controls (by CONTROLLER_UID_INDEX) and the orphans of
 * its namespace, in key order. Objects controlled by others can never be claimed, so they are not read.
 */
export function ownedOrOrphaned<T extends KubeObject>(lister: { byIndex(index: string, value: string): T[] },
  namespace: string, uid: string): T[] {
  const owned = lister.byIndex(CONTROLLER_UID_INDEX, uid).filter((o) => (o.metadata?.namespace ?? '') === namespace);
  const orphans = lister.byIndex(CONTROLLER_UID_INDEX, orphanIndexValue(namespace));
  if (!orphans.length) return owned;
  if (!owned.length) return orphans;
  return [...owned, ...orphans].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

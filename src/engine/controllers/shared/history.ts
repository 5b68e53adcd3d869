// ControllerRevisions: the history StatefulSet and DaemonSet keep of their pod templates.
// Models pkg/controller/history/controller_history.go (NewControllerRevision, SortControllerRevisions,
// EqualRevision, FindEqualRevisions, realHistory.CreateControllerRevision / UpdateControllerRevision).
// Added by the controllers-b engineer (StatefulSet, DaemonSet) as a separate file, per the shared/ rules.
import type { ControllerRevision, KubeObject } from '../../api';
import { isAlreadyExists } from '../../api';
import { R, type Client } from '../../client';
import { parseTime } from '../../clock';
import { canonicalJson, controllerRevisionName, hashControllerRevision } from './hash';
import { newControllerRef } from './pod-control';

/** history.ControllerRevisionHashLabel: the hash a StatefulSet revision is named after. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/**
 * The revision's raw data as upstream hashes and compares it. Upstream stores a patch built by
 * json.Marshal of a map (keys sorted at every level), so canonical JSON is the same byte string.
 */
export function revisionRaw(data: unknown): string {
  return canonicalJson(data ?? null);
}

/**
 * NewControllerRevision: labels copied from the template plus the hash label, the parent as
 * ControllerRef, name `<parent>-<hash>` where the hash covers the data and the collision count.
 */
export function newControllerRevision(parent: KubeObject, parentKind: { apiVersion: string; kind: string },
  templateLabels: Record<string, string> | undefined, data: unknown, revision: number, collisionCount?: number): ControllerRevision {
  const hash = hashControllerRevision(revisionRaw(data), collisionCount);
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata?.name ?? '', hash),
      namespace: parent.metadata?.namespace,
      labels: { ...(templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(parent, parentKind)],
    },
    data: data as ControllerRevision['data'],
    revision,
  };
}

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortControllerRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return revisions.sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    const ta = parseTime(a.metadata?.creationTimestamp) ?? 0;
    const tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
    if (ta !== tb) return ta - tb;
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/**
 * EqualRevision: same raw data. (Upstream first compares the hash labels parsed as integers, which
 * SafeEncodeString'd hashes never are, so the byte comparison decides.)
 */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return revisionRaw(a.data) === revisionRaw(b.data);
}

/** FindEqualRevisions: the revisions equal to `needle`, in input order. */
export function findEqualRevisions(revisions: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

/** The largest revision number, or 0 (daemon util maxRevision). */
export function maxRevision(revisions: readonly ControllerRevision[]): number {
  let max = 0;
  for (const r of revisions) if (r.revision > max) max = r.revision;
  return max;
}

/** nextRevision: one past the last of sorted revisions, or 1. */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length ? sorted[sorted.length - 1].revision + 1 : 1;
}

/**
 * realHistory.CreateControllerRevision: creates the revision, renaming it with a bumped collision
 * count while another object with different data holds its name. Returns the stored revision and
 * the collision count finally used.
 */
export function createControllerRevision(client: Client, parent: KubeObject, revision: ControllerRevision,
  collisionCount: number): { revision: ControllerRevision; collisionCount: number } {
  let count = collisionCount;
  for (;;) {
    const hash = hashControllerRevision(revisionRaw(revision.data), count);
    const clone: ControllerRevision = structuredClone(revision);
    clone.metadata = { ...clone.metadata, name: controllerRevisionName(parent.metadata?.name ?? '', hash),
      namespace: parent.metadata?.namespace, labels: { ...(clone.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash } };
    try {
      return { revision: client.create<ControllerRevision>(R.controllerrevisions, clone), collisionCount: count };
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      const existing = client.get<ControllerRevision>(R.controllerrevisions, clone.metadata.namespace, clone.metadata.name!);
      if (revisionRaw(existing.data) === revisionRaw(clone.data)) return { revision: existing, collisionCount: count };
      count++;
    }
  }
}

/** realHistory.UpdateControllerRevision: gives an existing revision a new revision number. */
export function updateControllerRevision(client: Client, revision: ControllerRevision, newRevision: number): ControllerRevision {
  if (revision.revision === newRevision) return revision;
  const fresh: ControllerRevision = { ...structuredClone(revision), revision: newRevision };
  return client.update<ControllerRevision>(R.controllerrevisions, fresh);
}

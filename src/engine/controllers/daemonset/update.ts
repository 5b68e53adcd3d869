// A DaemonSet's history (ControllerRevisions) and rolling update.
// Models pkg/controller/daemon/update.go (rollingUpdate, findUpdatedPodsOnNode, constructHistory,
// cleanupHistory, dedupCurHistories, snapshot, Match, getPatch, updatedDesiredNodeCounts).
import type { ControllerRevision, DaemonSet, KubeObject, Node, Pod } from '../../api';
import { isAlreadyExists, isNotFound } from '../../api';
import { R, type Client } from '../../client';
import { computeHash, isPodAvailable, maxRevision, newControllerRef, revisionRaw } from '../shared';
import { getTemplateGeneration, isPodUpdated, nodeShouldRunDaemonPod, REVISION_HASH_LABEL, surgeCount, unavailableCount } from './util';

/** The kind this controller manages. */
export const CONTROLLER_KIND = { apiVersion: 'apps/v1', kind: 'DaemonSet' } as const;

/** getPatch: the revision data, a patch that replaces spec.template. */
export function getPatch(ds: DaemonSet): unknown {
  return { spec: { template: { ...structuredClone(ds.spec!.template), $patch: 'replace' } } };
}

/** Match: the revision holds exactly the DaemonSet's template. */
export function match(ds: DaemonSet, history: ControllerRevision): boolean {
  return revisionRaw(getPatch(ds)) === revisionRaw(history.data);
}

/**
 * findUpdatedPodsOnNode: the node's one updated and one old pod; false when there are two of
 * either (the manage loop cleans that up first).
 */
export function findUpdatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const gen = getTemplateGeneration(ds);
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** What the rolling update decided. */
export interface RollingUpdatePlan {
  oldPodsToDelete: string[];
  newNodesToCreate: string[];
}

/**
 * rollingUpdate. Without surge: delete old pods while fewer than maxUnavailable are unavailable,
 * letting the manage loop recreate them. With surge: start a new pod beside an old one (up to
 * maxSurge at a time, at once where the old one is unavailable), delete the old one when the new one
 * is available. Nodes are visited in name order (upstream's map order is random).
 */
export function planRollingUpdate(ds: DaemonSet, nodes: readonly Node[], nodeToDaemonPods: Map<string, Pod[]>, hash: string, now: number,
  pods: (name: string) => Pod | undefined): RollingUpdatePlan {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  let desired = 0;
  for (const n of nodes) if (nodeShouldRunDaemonPod(n, ds)[0]) desired++;
  const maxSurge = surgeCount(ds, desired);
  let maxUnavailable = unavailableCount(ds, desired);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  const nodeNames = [...nodeToDaemonPods.keys()].sort();

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const name of nodeNames) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, nodeToDaemonPods.get(name)!, hash);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (!available(oldPod!)) {
        allowed.push(oldPod!.metadata!.name!);
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidates.push(oldPod!.metadata!.name!);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { oldPodsToDelete: [...allowed, ...candidates.slice(0, remaining)], newNodesToCreate: [] };
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRun: string[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  const nodeByName = new Map(nodes.map((n) => [n.metadata!.name!, n]));
  for (const name of nodeNames) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, nodeToDaemonPods.get(name)!, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) numAvailable++;
    if (!oldPod) continue;
    const node = nodeByName.get(name);
    if (!newPod) {
      const shouldRun = node ? nodeShouldRunDaemonPod(node, ds)[0] : false;
      if (!available(oldPod)) {
        if (!shouldRun) oldPodsToDelete.push(oldPod.metadata!.name!);
        else allowedNodes.push(name);
      } else if (!shouldRun) {
        shouldNotRun.push(oldPod.metadata!.name!);
      } else if (numSurge < maxSurge) {
        candidateNodes.push(name);
      }
      continue;
    }
    if (!available(newPod)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.metadata!.name!);
  }
  // With surge users expect full availability: drop a pod that should not run only when enough run elsewhere.
  let deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  for (const name of shouldNotRun) {
    if (deletable <= 0) break;
    deletable--;
    if (pods(name)?.metadata?.deletionTimestamp) continue;
    oldPodsToDelete.push(name);
  }
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { oldPodsToDelete, newNodesToCreate: [...allowedNodes, ...candidateNodes.slice(0, remainingSurge)] };
}

/**
 * snapshot: a new ControllerRevision named `<ds>-<hash>` (the template hash with the collision
 * count). A different revision holding that name means a hash collision: the collision count goes up
 * and the sync is retried.
 */
export function snapshot(client: Client, ds: DaemonSet, revision: number): ControllerRevision {
  const hash = computeHash(ds.spec!.template, ds.status?.collisionCount);
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `${ds.metadata!.name}-${hash}`, namespace: ds.metadata?.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(ds as KubeObject, CONTROLLER_KIND)] },
    data: getPatch(ds) as ControllerRevision['data'],
    revision,
  };
  if (ds.metadata?.annotations && Object.keys(ds.metadata.annotations).length) cr.metadata!.annotations = { ...ds.metadata.annotations };
  try {
    return client.create<ControllerRevision>(R.controllerrevisions, cr);
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    const existing = client.get<ControllerRevision>(R.controllerrevisions, cr.metadata!.namespace, cr.metadata!.name!);
    if (match(ds, existing)) return existing;
    const fresh: DaemonSet = structuredClone(client.get<DaemonSet>(R.daemonsets, ds.metadata?.namespace, ds.metadata!.name!));
    (fresh as { status?: unknown }).status = { ...fresh.status!, collisionCount: (fresh.status?.collisionCount ?? 0) + 1 };
    client.updateStatus(R.daemonsets, fresh);
    throw new Error(`found a stale history with the same name ${cr.metadata!.name}, bumped collisionCount`, { cause: e });
  }
}

/**
 * constructHistory: the current revision (created, or renumbered to the newest) and the old ones.
 * Duplicates of the current one are merged into the newest.
 */
export function constructHistory(client: Client, ds: DaemonSet, histories: readonly ControllerRevision[]):
  { cur: ControllerRevision; old: ControllerRevision[] } {
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let h of histories) {
    if (!h.metadata?.labels?.[REVISION_HASH_LABEL]) {
      // Histories get the hash label (their name) if they lack it.
      const up: ControllerRevision = structuredClone(h);
      up.metadata!.labels = { ...(up.metadata!.labels ?? {}), [REVISION_HASH_LABEL]: up.metadata!.name! };
      h = client.update<ControllerRevision>(R.controllerrevisions, up);
    }
    if (match(ds, h)) current.push(h);
    else old.push(h);
  }
  const next = maxRevision(old) + 1;
  if (!current.length) return { cur: snapshot(client, ds, next), old };
  // dedupCurHistories: keep the newest, delete the others.
  const sorted = [...current].sort((a, b) => b.revision - a.revision);
  let cur = sorted[0];
  for (const dup of sorted.slice(1)) {
    try {
      client.delete(R.controllerrevisions, dup.metadata?.namespace, dup.metadata!.name!);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  if (cur.revision < next) cur = client.update<ControllerRevision>(R.controllerrevisions, { ...structuredClone(cur), revision: next } as ControllerRevision);
  return { cur, old };
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit, unused by any pod, are deleted oldest first. */
export function cleanupHistory(client: Client, ds: DaemonSet, old: readonly ControllerRevision[], pods: readonly Pod[]): void {
  const toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const live = new Set(pods.map((p) => p.metadata?.labels?.[REVISION_HASH_LABEL]).filter((h): h is string => !!h));
  let left = toKill;
  for (const h of [...old].sort((a, b) => a.revision - b.revision)) {
    if (left <= 0) break;
    if (live.has(h.metadata?.labels?.[REVISION_HASH_LABEL] ?? '')) continue;
    try {
      client.delete(R.controllerrevisions, h.metadata?.namespace, h.metadata!.name!);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    left--;
  }
}

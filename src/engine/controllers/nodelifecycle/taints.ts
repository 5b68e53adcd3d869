// Adding and removing a node's taints with optimistic concurrency.
// Models pkg/controller/controller_utils.go (AddOrUpdateTaintOnNode, RemoveTaintOffNode, PatchNodeTaints),
// pkg/util/taints/taints.go (addOrUpdateTaint, TaintExists, TaintSetDiff) and
// pkg/controller/util/node/controller_utils.go SwapNodeControllerTaint.
import type { Node, Taint } from '../../api';
import { isConflict } from '../../api';
import { R, type Client } from '../../client';
import { rfc3339 } from '../../clock';

/** v1.Taint* keys the node controllers use. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';

/** UnreachableTaintTemplate and NotReadyTaintTemplate (NoExecute). */
export const UNREACHABLE_TAINT: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_TAINT: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };

/** Taint.MatchTaint: same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** TaintExists. */
export function taintExists(taints: readonly Taint[] | undefined, t: Taint): boolean {
  return (taints ?? []).some((x) => matchTaint(x, t));
}

/** TaintSetDiff: taints of `want` missing from `have`, and taints of `have` missing from `want`. */
export function taintSetDiff(want: readonly Taint[], have: readonly Taint[]): { add: Taint[]; remove: Taint[] } {
  return { add: want.filter((t) => !taintExists(have, t)), remove: have.filter((t) => !taintExists(want, t)) };
}

function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect && (a.value ?? '') === (b.value ?? '') && (a.timeAdded ?? '') === (b.timeAdded ?? '');
}

/** addOrUpdateTaint: replaces the taint with the same key and effect in place, or appends it. */
function addOrUpdate(taints: readonly Taint[], t: Taint): Taint[] | undefined {
  let updated = false;
  const out: Taint[] = [];
  for (const x of taints) {
    if (matchTaint(t, x)) {
      if (sameTaint(t, x)) return undefined;
      out.push(t);
      updated = true;
      continue;
    }
    out.push(x);
  }
  if (!updated) out.push(t);
  return out;
}

/**
 * PatchNodeTaints: a strategic merge patch carrying the resourceVersion the change was computed
 * from, so a concurrent writer makes it fail with a conflict (and the caller retries).
 */
function patchTaints(client: Client, node: Node, taints: Taint[]): void {
  client.patch(R.nodes, undefined, node.metadata!.name!, 'application/strategic-merge-patch+json',
    { metadata: { resourceVersion: node.metadata?.resourceVersion }, spec: { taints: taints.length ? taints : null } });
}

/** Retries `attempt` on conflicts, first with the cached node, then with fresh reads (retry.DefaultBackoff: 4 steps). */
function retryOnConflict(client: Client, cached: Node, attempt: (n: Node) => void): void {
  let node = cached;
  for (let i = 0; ; i++) {
    try {
      attempt(node);
      return;
    } catch (e) {
      if (!isConflict(e) || i >= 4) throw e;
      node = client.get<Node>(R.nodes, undefined, node.metadata!.name!);
    }
  }
}

/** AddOrUpdateTaintOnNode. */
export function addOrUpdateTaintOnNode(client: Client, cached: Node, taints: readonly Taint[]): void {
  if (!taints.length) return;
  retryOnConflict(client, cached, (node) => {
    let cur: Taint[] = [...(node.spec?.taints ?? [])];
    let changed = false;
    for (const t of taints) {
      const next = addOrUpdate(cur, t);
      if (next) {
        cur = next;
        changed = true;
      }
    }
    if (changed) patchTaints(client, node, cur);
  });
}

/** RemoveTaintOffNode: no call at all when the cached node has none of the taints. */
export function removeTaintOffNode(client: Client, cached: Node, taints: readonly Taint[]): void {
  if (!taints.length || !taints.some((t) => taintExists(cached.spec?.taints, t))) return;
  retryOnConflict(client, cached, (node) => {
    const cur = node.spec?.taints ?? [];
    const next = cur.filter((x) => !taints.some((t) => matchTaint(t, x)));
    if (next.length !== cur.length) patchTaints(client, node, next);
  });
}

/** SwapNodeControllerTaint: adds (stamped with timeAdded now) then removes; false on failure. */
export function swapNodeControllerTaint(client: Client, node: Node, add: readonly Taint[], remove: readonly Taint[], now: number): boolean {
  try {
    addOrUpdateTaintOnNode(client, node, add.map((t) => ({ ...t, timeAdded: rfc3339(now) })));
    // Re-read what we just wrote so the removal's resourceVersion is current.
    const fresh = add.length ? client.get<Node>(R.nodes, undefined, node.metadata!.name!) : node;
    removeTaintOffNode(client, fresh, remove);
    return true;
  } catch {
    return false;
  }
}

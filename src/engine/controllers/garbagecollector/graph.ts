// The owner/dependent graph the garbage collector keeps from its informers.
// Models pkg/controller/garbagecollector/graph.go (node, objectReference) and graph_builder.go
// (processGraphChanges, insertNode, addDependentToOwners, removeNode, processTransitions,
// addUnblockedOwnersToDeleteQueue, referencesDiffs).
import type { KubeObject, OwnerReference } from '../../api';
import { deepEqual } from '../../api';

/** metav1.FinalizerOrphanDependents / FinalizerDeleteDependents. */
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/** An object's coordinates in the graph. */
export interface Identity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  /** "" for cluster-scoped objects (and for virtual owners of cluster-scoped dependents). */
  namespace: string;
}

/** A graph node: an object seen by an informer, or a "virtual" owner only known from references. */
export class GraphNode {
  readonly dependents = new Set<GraphNode>();
  beingDeleted = false;
  deletingDependents = false;
  constructor(public identity: Identity, public owners: OwnerReference[], public virtual: boolean) {}

  /** Dependents whose reference to this node has blockOwnerDeletion: true. */
  blockingDependents(): GraphNode[] {
    const out: GraphNode[] = [];
    for (const dep of this.dependents) {
      if (dep.owners.some((o) => o.uid === this.identity.uid && o.blockOwnerDeletion === true)) out.push(dep);
    }
    return out;
  }

  toString(): string {
    const i = this.identity;
    return `[${i.apiVersion}/${i.kind}, namespace: ${i.namespace}, name: ${i.name}, uid: ${i.uid}]`;
  }
}

/** hasFinalizer. */
export function hasFinalizer(obj: KubeObject, f: string): boolean {
  return obj.metadata?.finalizers?.includes(f) ?? false;
}

const beingDeleted = (obj: KubeObject | undefined) => !!obj?.metadata?.deletionTimestamp;

/** deletionStartsWithFinalizer: the object just started being deleted with this finalizer. */
export function deletionStartsWithFinalizer(old: KubeObject | undefined, cur: KubeObject, f: string): boolean {
  if (!beingDeleted(cur) || !hasFinalizer(cur, f)) return false;
  if (!old) return true;
  return !beingDeleted(old) || !hasFinalizer(old, f);
}

/** referencesDiffs: [added, removed, changed (old, new)]. */
export function referencesDiffs(old: readonly OwnerReference[], cur: readonly OwnerReference[]):
  [OwnerReference[], OwnerReference[], [OwnerReference, OwnerReference][]] {
  const oldByUid = new Map(old.map((r) => [r.uid, r]));
  const added: OwnerReference[] = [];
  const changed: [OwnerReference, OwnerReference][] = [];
  for (const r of cur) {
    const o = oldByUid.get(r.uid);
    if (!o) added.push(r);
    else {
      if (!deepEqual(o, r)) changed.push([o, r]);
      oldByUid.delete(r.uid);
    }
  }
  return [added, [...oldByUid.values()], changed];
}

/** What the graph builder tells the workers. */
export interface GraphSink {
  attemptToDelete(n: GraphNode): void;
  attemptToOrphan(n: GraphNode): void;
  absent(identity: Identity): void;
}

/** One change seen by an informer (or a "virtual delete" the workers found). */
export interface GraphChange {
  type: 'add' | 'update' | 'delete';
  identity: Identity;
  obj?: KubeObject;
  old?: KubeObject;
  virtual?: boolean;
}

/** The dependency graph (GraphBuilder's uidToNode and processGraphChanges). */
export class Graph {
  readonly uidToNode = new Map<string, GraphNode>();

  constructor(private readonly sink: GraphSink) {}

  /** processGraphChanges for one change. */
  process(ev: GraphChange): void {
    const uid = ev.identity.uid;
    const existing = this.uidToNode.get(uid);
    if (existing && !ev.virtual && existing.virtual) {
      // First real observation of a node only known from references.
      if (!sameIdentity(existing.identity, ev.identity)) {
        for (const dep of existing.dependents) if (!dep.owners.some((o) => o.uid === uid && matchesIdentity(o, ev.identity))) this.sink.attemptToDelete(dep);
        existing.identity = ev.identity;
      }
      existing.virtual = false;
    }
    if (ev.type !== 'delete') {
      const obj = ev.obj!;
      const owners = obj.metadata?.ownerReferences ?? [];
      if (!existing) {
        const n = new GraphNode(ev.identity, [...owners], false);
        n.beingDeleted = beingDeleted(obj);
        n.deletingDependents = n.beingDeleted && hasFinalizer(obj, FINALIZER_FOREGROUND);
        this.uidToNode.set(uid, n);
        this.addDependentToOwners(n, owners);
        this.processTransitions(ev.old, obj, n);
        return;
      }
      const [added, removed, changed] = referencesDiffs(existing.owners, owners);
      if (added.length || removed.length || changed.length) {
        this.addUnblockedOwnersToDeleteQueue(removed, changed);
        existing.owners = [...owners];
        this.addDependentToOwners(existing, added);
        this.removeDependentFromOwners(existing, removed);
      }
      if (beingDeleted(obj)) existing.beingDeleted = true;
      this.processTransitions(ev.old, obj, existing);
      return;
    }
    if (!existing) return;
    if (ev.virtual && !existing.virtual && !sameIdentity(existing.identity, ev.identity)) {
      // A real node disagrees with the coordinates a dependent used: those dependents point at nothing.
      this.sink.absent(ev.identity);
      for (const dep of existing.dependents) if (dep.owners.some((o) => o.uid === uid && matchesIdentity(o, ev.identity))) this.sink.attemptToDelete(dep);
      return;
    }
    this.removeNode(existing);
    if (existing.dependents.size) this.sink.absent(ev.identity);
    for (const dep of existing.dependents) this.sink.attemptToDelete(dep);
    for (const o of existing.owners) {
      const owner = this.uidToNode.get(o.uid);
      // An owner waiting for its dependents may now be free to go.
      if (owner?.deletingDependents) this.sink.attemptToDelete(owner);
    }
  }

  /** addDependentToOwners: owners never seen become virtual nodes, checked by the workers. */
  private addDependentToOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    for (const o of owners) {
      let owner = this.uidToNode.get(o.uid);
      if (!owner) {
        owner = new GraphNode({ apiVersion: o.apiVersion, kind: o.kind, name: o.name, uid: o.uid, namespace: n.identity.namespace }, [], true);
        this.uidToNode.set(o.uid, owner);
        owner.dependents.add(n);
        this.sink.attemptToDelete(owner);
      } else owner.dependents.add(n);
    }
  }

  private removeDependentFromOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    for (const o of owners) this.uidToNode.get(o.uid)?.dependents.delete(n);
  }

  private removeNode(n: GraphNode): void {
    this.uidToNode.delete(n.identity.uid);
    this.removeDependentFromOwners(n, n.owners);
  }

  /** An owner waiting in foreground deletion is unblocked when a blocking reference goes or stops blocking. */
  private addUnblockedOwnersToDeleteQueue(removed: OwnerReference[], changed: [OwnerReference, OwnerReference][]): void {
    for (const r of removed) {
      if (r.blockOwnerDeletion !== true) continue;
      const owner = this.uidToNode.get(r.uid);
      if (owner) this.sink.attemptToDelete(owner);
    }
    for (const [o, n] of changed) {
      if (o.blockOwnerDeletion === true && n.blockOwnerDeletion !== true) {
        const owner = this.uidToNode.get(n.uid);
        if (owner) this.sink.attemptToDelete(owner);
      }
    }
  }

  /** processTransitions: deletion starting with the orphan or foregroundDeletion finalizer. */
  private processTransitions(old: KubeObject | undefined, cur: KubeObject, n: GraphNode): void {
    if (deletionStartsWithFinalizer(old, cur, FINALIZER_ORPHAN)) {
      this.sink.attemptToOrphan(n);
      return;
    }
    if (deletionStartsWithFinalizer(old, cur, FINALIZER_FOREGROUND)) {
      n.deletingDependents = true;
      for (const dep of n.dependents) this.sink.attemptToDelete(dep);
      this.sink.attemptToDelete(n);
    }
  }
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion && a.namespace === b.namespace;
}

/** ownerReferenceMatchesCoordinates (ignoring the namespace, which references do not carry). */
export function matchesIdentity(o: OwnerReference, i: Identity): boolean {
  return o.uid === i.uid && o.name === i.name && o.kind === i.kind && o.apiVersion === i.apiVersion;
}

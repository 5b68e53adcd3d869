// The garbage collector: deletes dependents whose owners are gone (background), holds owners in
// foreground deletion until their blocking dependents are gone, and orphans dependents when asked.
// Models pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteWorker,
// attemptToDeleteItem, classifyReferences, isDangling, processDeletingDependentsItem,
// attemptToOrphanWorker, orphanDependents) and operations.go / patch.go (deleteObject, removeFinalizer,
// unblockOwnerReferencesStrategicMergePatch).
import type { KubeObject, OwnerReference, ResourceInfo } from '../../api';
import { RESOURCES, aggregateMessages, isNotFound, parseApiVersion, resourceForKind } from '../../api';
import { WorkQueue, type Client, type Informer, type ResourceRef } from '../../client';
import type { Clock } from '../../clock';
import { deleteOwnerRefPatch } from '../shared';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, Graph, GraphNode, hasFinalizer, type GraphChange, type Identity } from './graph';

/** The controller's name in kube-controller-manager (its client is "generic-garbage-collector"). */
export const NAME = 'garbage-collector-controller';
/** The service account upstream's GC client runs as. */
export const CLIENT_NAME = 'generic-garbage-collector';

/** DefaultIgnoredResources: events are never garbage collected by owner. */
const IGNORED = new Set(['events.', 'events.events.k8s.io']);
/** absentOwnerCache size (an LRU upstream). */
const ABSENT_OWNER_CACHE_SIZE = 500;

/** The resources the GC watches: every one that supports delete, list and watch, but events. */
export function deletableResources(): ResourceInfo[] {
  return RESOURCES.filter((r) => ['delete', 'list', 'watch'].every((v) => r.verbs.includes(v)) && !IGNORED.has(`${r.resource}.${r.group}`));
}

class RequeueError extends Error {}

/** What the GC is built from. */
export interface GarbageCollectorDeps {
  client: Client;
  clock: Clock;
  /** An informer for a resource (the controller manager's shared factory). */
  informerFor(r: ResourceRef): Informer<KubeObject>;
  /** The resources to monitor (default: deletableResources()). */
  resources?: readonly ResourceInfo[];
}

/** The garbage collector. */
export class GarbageCollector {
  readonly graph: Graph;
  readonly attemptToDelete: WorkQueue<GraphNode>;
  readonly attemptToOrphan: WorkQueue<GraphNode>;
  private readonly changes: GraphChange[] = [];
  private scheduled = false;
  private stopped = false;
  private readonly absentOwners = new Set<string>();

  constructor(private readonly deps: GarbageCollectorDeps) {
    this.graph = new Graph({
      attemptToDelete: (n) => this.attemptToDelete.add(n),
      attemptToOrphan: (n) => this.attemptToOrphan.add(n),
      absent: (i) => this.addAbsent(i),
    });
    this.attemptToDelete = new WorkQueue<GraphNode>({ clock: deps.clock, name: 'garbage_collector_attempt_to_delete',
      process: (n) => this.attemptToDeleteWorker(n) });
    this.attemptToOrphan = new WorkQueue<GraphNode>({ clock: deps.clock, name: 'garbage_collector_attempt_to_orphan',
      process: (n) => this.attemptToOrphanWorker(n) });
    for (const info of deps.resources ?? deletableResources()) this.monitor(info);
  }

  /** Stops the workers and the graph builder. */
  stop(): void {
    this.stopped = true;
    this.attemptToDelete.shutDown();
    this.attemptToOrphan.shutDown();
  }

  // ---- graph builder: informer handlers only queue changes; one drain applies them in order ----

  private monitor(info: ResourceInfo): void {
    const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
    const identity = (o: KubeObject): Identity => ({ apiVersion, kind: info.kind, name: o.metadata?.name ?? '', uid: o.metadata?.uid ?? '',
      namespace: o.metadata?.namespace ?? '' });
    this.deps.informerFor(info).onEvent({
      add: (o) => this.enqueueChange({ type: 'add', identity: identity(o), obj: o }),
      update: (old, o) => this.enqueueChange({ type: 'update', identity: identity(o), obj: o, old }),
      delete: (o) => this.enqueueChange({ type: 'delete', identity: identity(o), obj: o }),
    });
  }

  private enqueueChange(c: GraphChange): void {
    if (this.stopped) return;
    this.changes.push(c);
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.clock.after(0, () => {
      this.scheduled = false;
      for (let i = 0; i < this.changes.length; i++) this.graph.process(this.changes[i]);
      this.changes.length = 0;
    });
  }

  /** enqueueVirtualDeleteEvent: the object is gone though no informer said so (or never existed). */
  private enqueueVirtualDelete(identity: Identity): void {
    this.enqueueChange({ type: 'delete', identity, virtual: true });
  }

  private absentKey(ref: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string): string {
    return `${ref.apiVersion}\u0000${ref.kind}\u0000${namespace}\u0000${ref.name}\u0000${ref.uid}`;
  }

  private addAbsent(i: Identity): void {
    if (this.absentOwners.size >= ABSENT_OWNER_CACHE_SIZE) this.absentOwners.delete(this.absentOwners.values().next().value!);
    this.absentOwners.add(this.absentKey(i, i.namespace));
  }

  // ---- attemptToDelete ----

  private attemptToDeleteWorker(n: GraphNode): void {
    if (n.virtual) {
      const inGraph = this.graph.uidToNode.get(n.identity.uid);
      if (!inGraph || !inGraph.virtual) return;
    }
    const outcome = this.attemptToDeleteItem(n);
    // A virtual node is checked again until an informer observes it or it is found absent.
    if (outcome !== 'forget' && n.virtual) throw new RequeueError(`virtual node ${n}`);
  }

  private resourceOf(apiVersion: string, kind: string): ResourceInfo {
    const { group, version } = parseApiVersion(apiVersion);
    const r = resourceForKind(group, version, kind);
    if (!r) throw new Error(`unable to get REST mapping for ${apiVersion}/${kind}.`);
    return r;
  }

  private getObject(i: Identity): KubeObject | undefined {
    const r = this.resourceOf(i.apiVersion, i.kind);
    return this.deps.client.tryGet(r, r.namespaced ? i.namespace : undefined, i.name);
  }

  /** isDangling: the owner does not exist (or another object has its name). Returns the owner when it exists. */
  private isDangling(ref: OwnerReference, item: GraphNode): { dangling: boolean; owner?: KubeObject } | 'cluster-scoped' {
    if (this.absentOwners.has(this.absentKey(ref, '')) || this.absentOwners.has(this.absentKey(ref, item.identity.namespace))) {
      return { dangling: true };
    }
    const r = this.resourceOf(ref.apiVersion, ref.kind);
    // A cluster-scoped dependent cannot have a namespaced owner.
    if (!item.identity.namespace && r.namespaced) return 'cluster-scoped';
    const ns = r.namespaced ? item.identity.namespace : '';
    const owner = this.deps.client.tryGet(r, r.namespaced ? ns : undefined, ref.name);
    if (!owner || owner.metadata?.uid !== ref.uid) {
      this.absentOwners.add(this.absentKey(ref, ns));
      return { dangling: true };
    }
    return { dangling: false, owner };
  }

  /** attemptToDeleteItem: decides from the live object and its owners what becomes of it. */
  private attemptToDeleteItem(item: GraphNode): 'forget' | 'done' {
    if (item.beingDeleted && !item.deletingDependents) return 'done';
    const latest = this.getObject(item.identity);
    if (!latest || latest.metadata?.uid !== item.identity.uid) {
      this.enqueueVirtualDelete(item.identity);
      return 'forget';
    }
    if (item.deletingDependents) {
      this.processDeletingDependentsItem(item);
      return 'done';
    }
    const refs = latest.metadata?.ownerReferences ?? [];
    if (!refs.length) return 'done';
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const res = this.isDangling(ref, item);
      if (res === 'cluster-scoped') return 'forget';
      if (res.dangling) dangling.push(ref);
      else if (res.owner?.metadata?.deletionTimestamp && hasFinalizer(res.owner, FINALIZER_FOREGROUND)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length) {
      // Still owned: only drop the references to owners that are gone or going.
      if (!dangling.length && !waiting.length) return 'done';
      const uids = [...dangling, ...waiting].map((r) => r.uid);
      this.patch(item, deleteOwnerRefPatch(item.identity.uid, uids));
      return 'done';
    }
    if (waiting.length && item.dependents.size) {
      // Our owner waits for us, and we have dependents: go in foreground too. A dependent that
      // itself waits on us would deadlock, so stop blocking our owner first.
      for (const dep of item.dependents) {
        if (dep.deletingDependents) {
          this.patch(item, unblockOwnerReferencesPatch(item));
          break;
        }
      }
      this.deleteObject(item.identity, 'Foreground');
      return 'done';
    }
    const policy = hasFinalizer(latest, FINALIZER_ORPHAN) ? 'Orphan' : hasFinalizer(latest, FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
    this.deleteObject(item.identity, policy);
    return 'done';
  }

  /** processDeletingDependentsItem: release the owner once no dependent blocks it; else push them along. */
  private processDeletingDependentsItem(item: GraphNode): void {
    const blocking = item.blockingDependents();
    if (!blocking.length) {
      this.removeFinalizer(item, FINALIZER_FOREGROUND);
      return;
    }
    for (const dep of blocking) if (!dep.deletingDependents) this.attemptToDelete.add(dep);
  }

  private deleteObject(i: Identity, policy: 'Orphan' | 'Foreground' | 'Background'): void {
    const r = this.resourceOf(i.apiVersion, i.kind);
    try {
      this.deps.client.delete(r, r.namespaced ? i.namespace : undefined, i.name, { preconditions: { uid: i.uid }, propagationPolicy: policy });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private patch(item: GraphNode, body: unknown): void {
    const r = this.resourceOf(item.identity.apiVersion, item.identity.kind);
    this.deps.client.patch(r, r.namespaced ? item.identity.namespace : undefined, item.identity.name, 'application/strategic-merge-patch+json', body);
  }

  /** removeFinalizer: a merge patch with the resourceVersion read, retried on conflict. */
  private removeFinalizer(owner: GraphNode, finalizer: string): void {
    const r = this.resourceOf(owner.identity.apiVersion, owner.identity.kind);
    const ns = r.namespaced ? owner.identity.namespace : undefined;
    for (let attempt = 0; ; attempt++) {
      const obj = this.deps.client.tryGet(r, ns, owner.identity.name);
      if (!obj) return;
      const finalizers = obj.metadata?.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return;
      const rest = finalizers.filter((f) => f !== finalizer);
      try {
        this.deps.client.patch(r, ns, owner.identity.name, 'application/merge-patch+json',
          { metadata: { resourceVersion: obj.metadata?.resourceVersion, finalizers: rest.length ? rest : null } });
        return;
      } catch (e) {
        if (isNotFound(e)) return;
        if (attempt >= 4) throw e;
      }
    }
  }

  // ---- attemptToOrphan ----

  /** attemptToOrphanWorker: remove the owner from every dependent, then its orphan finalizer. */
  private attemptToOrphanWorker(owner: GraphNode): void {
    const errs: string[] = [];
    for (const dep of [...owner.dependents]) {
      try {
        this.patch(dep, deleteOwnerRefPatch(dep.identity.uid, [owner.identity.uid]));
      } catch (e) {
        if (!isNotFound(e)) errs.push(`orphaning ${dep} failed, ${(e as Error).message}`);
      }
    }
    if (errs.length) throw new Error(`failed to orphan dependents of owner ${owner}, got errors: ${aggregateMessages(errs)}`);
    this.removeFinalizer(owner, FINALIZER_ORPHAN);
  }
}

/** unblockOwnerReferencesStrategicMergePatch: every blocking reference with blockOwnerDeletion false. */
function unblockOwnerReferencesPatch(n: GraphNode): unknown {
  const refs = n.owners.filter((o) => o.blockOwnerDeletion === true).map((o) => ({ ...o, blockOwnerDeletion: false }));
  return { metadata: { ownerReferences: refs, uid: n.identity.uid } };
}

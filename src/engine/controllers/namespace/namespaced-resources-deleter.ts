// Empties a namespace being deleted, then finalizes it.
// Models pkg/controller/namespace/deletion/namespaced_resources_deleter.go (Delete, deleteAllContent,
// deleteAllContentForGroupVersionResource, deleteCollection, deleteEachItem, estimateGracefulTermination,
// finalizeNamespace, retryOnConflictError).
import type { KubeObject, Namespace, Pod, ResourceInfo } from '../../api';
import { RESOURCES, StatusError, isConflict, isNotFound, reasonOf } from '../../api';
import { R, type Client } from '../../client';
import { parseTime, type SimMillis } from '../../clock';
import { NamespaceConditionUpdater } from './status-condition-utils';

/** The finalizer the namespace controller owns (v1.FinalizerKubernetes). */
export const FINALIZER_KUBERNETES = 'kubernetes';
/** finalizerEstimateSeconds: how long to wait when content remains only because of finalizers. */
export const FINALIZER_ESTIMATE_SECONDS = 15;

/** ResourcesRemainingError: content is still going away; try again in about estimate/2 seconds. */
export class ResourcesRemainingError extends Error {
  constructor(readonly estimate: number) {
    super(`some content remains in the namespace, estimate ${estimate} seconds before it is removed`);
  }
}

/** The namespaced resources that can be deleted (discovery filtered by the delete verb), in discovery order. */
export function deletableNamespacedResources(): ResourceInfo[] {
  return RESOURCES.filter((r) => r.namespaced && r.verbs.includes('delete'));
}

const isMethodNotSupported = (e: unknown) => reasonOf(e) === 'MethodNotAllowed';

interface GvrDeletionMetadata {
  estimate: number;
  remaining: number;
  finalizers: Map<string, number>;
}

/** Deletes a namespace's content (NamespacedResourcesDeleter). */
export class NamespacedResourcesDeleter {
  constructor(private readonly client: Client, private readonly now: () => SimMillis,
    private readonly resources: () => readonly ResourceInfo[] = deletableNamespacedResources) {}

  /**
   * Delete: mark Terminating, delete every resource in the namespace, and once nothing is left
   * remove the "kubernetes" finalizer. Throws ResourcesRemainingError while content remains.
   */
  delete(nsName: string): void {
    let ns = this.client.tryGet<Namespace>(R.namespaces, undefined, nsName);
    if (!ns || !ns.metadata?.deletionTimestamp) return;
    const updated = this.retryOnConflict(ns, (n) => this.updateNamespaceStatus(n));
    if (!updated) return;
    ns = updated;
    if (!ns.metadata?.deletionTimestamp) return;
    if ((ns.spec?.finalizers ?? []).length === 0) return;
    const estimate = this.deleteAllContent(ns);
    if (estimate > 0) throw new ResourcesRemainingError(estimate);
    this.retryOnConflict(ns, (n) => this.finalizeNamespace(n));
  }

  /** retryOnConflictError: re-read and retry while the write conflicts; undefined when the namespace is gone. */
  private retryOnConflict(ns: Namespace, fn: (n: Namespace) => Namespace | undefined): Namespace | undefined {
    let latest = ns;
    for (;;) {
      try {
        return fn(latest);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        if (!isConflict(e)) throw e;
        const prev = latest;
        const fresh = this.client.tryGet<Namespace>(R.namespaces, undefined, latest.metadata!.name!);
        if (!fresh) return undefined;
        if (prev.metadata?.uid !== fresh.metadata?.uid) throw new Error('namespace uid has changed across retries', { cause: e });
        latest = fresh;
      }
    }
  }

  private updateNamespaceStatus(ns: Namespace): Namespace {
    if (!ns.metadata?.deletionTimestamp || ns.status?.phase === 'Terminating') return ns;
    return this.client.updateStatus<Namespace>(R.namespaces, { ...ns, status: { ...ns.status, phase: 'Terminating' } });
  }

  /**
   * finalizeNamespace: PUT namespaces/<name>/finalize without our finalizer. Upstream's namespace
   * storage removes a namespace whose last finalizer goes; kubesim's finalize keeps it, so a second
   * DELETE removes it (skipped when the API server already did).
   */
  private finalizeNamespace(ns: Namespace): Namespace | undefined {
    const finalizers = [...new Set((ns.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES))].sort();
    const name = ns.metadata!.name!;
    const out = this.client.request({ verb: 'update', group: '', version: 'v1', resource: 'namespaces', name, subresource: 'finalize',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: ns.metadata, spec: { ...ns.spec, finalizers } } });
    if (out.code === 404) return ns;
    if (out.code >= 400) throw new StatusError(out.body as StatusError['status']);
    const res = out.body as Namespace;
    if (finalizers.length === 0 && !(res.metadata?.finalizers?.length)) {
      try {
        this.client.delete(R.namespaces, undefined, name);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    return res;
  }

  /** deleteAllContent: one pass over every resource; returns the estimate of seconds until it is empty. */
  private deleteAllContent(ns: Namespace): number {
    const name = ns.metadata!.name!;
    const deletedAt = parseTime(ns.metadata!.deletionTimestamp) ?? this.now();
    const updater = new NamespaceConditionUpdater(this.now());
    const errs: string[] = [];
    let estimate = 0;
    const totals = { gvrToNumRemaining: new Map<string, number>(), finalizersToNumRemaining: new Map<string, number>() };
    for (const r of this.resources()) {
      let meta: GvrDeletionMetadata;
      try {
        meta = this.deleteAllContentForResource(r, name, deletedAt);
      } catch (e) {
        const msg = e instanceof GvrError ? e.message : (e as Error).message;
        errs.push(msg);
        updater.processDeleteContentErr(msg);
        meta = e instanceof GvrError ? e.meta : { estimate: 0, remaining: 0, finalizers: new Map() };
      }
      if (meta.estimate > estimate) estimate = meta.estimate;
      if (meta.remaining > 0) {
        totals.gvrToNumRemaining.set(`${r.resource}.${r.group}`, meta.remaining);
        for (const [f, n] of meta.finalizers) if (n) totals.finalizersToNumRemaining.set(f, (totals.finalizersToNumRemaining.get(f) ?? 0) + n);
      }
    }
    updater.processContentTotals(totals);
    const status = { ...(ns.status ?? {}) };
    if (updater.update(status)) {
      try {
        this.client.updateStatus(R.namespaces, { ...ns, status });
      } catch {
        // upstream only logs this
      }
    }
    if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
    return estimate;
  }

  private deleteAllContentForResource(r: ResourceInfo, ns: string, deletedAt: SimMillis): GvrDeletionMetadata {
    const estimate = this.estimateGracefulTermination(r, ns, deletedAt);
    if (!this.deleteCollection(r, ns)) this.deleteEachItem(r, ns);
    const items = this.listCollection(r, ns);
    if (!items) return { estimate, remaining: 0, finalizers: new Map() };
    if (items.length === 0) return { estimate: 0, remaining: 0, finalizers: new Map() };
    const finalizers = new Map<string, number>();
    for (const it of items) for (const f of it.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (estimate !== 0) return { estimate, remaining: items.length, finalizers };
    if (finalizers.size) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining: items.length, finalizers };
    throw new GvrError(`unexpected items still remain in namespace: ${ns} for gvr: {${r.group} ${r.version} ${r.resource}}`,
      { estimate, remaining: items.length, finalizers: new Map() });
  }

  /** deleteCollection with propagationPolicy Background; false when the resource cannot do it. */
  private deleteCollection(r: ResourceInfo, ns: string): boolean {
    if (!r.verbs.includes('deletecollection')) return false;
    const res = this.client.request({ verb: 'deletecollection', group: r.group, version: r.version, resource: r.resource, namespace: ns,
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' } });
    if (res.code < 400) return true;
    const err = new StatusError(res.body as StatusError['status']);
    if (isMethodNotSupported(err) || isNotFound(err)) return false;
    throw err;
  }

  /** listCollection; undefined when the resource cannot be listed. */
  private listCollection(r: ResourceInfo, ns: string): KubeObject[] | undefined {
    if (!r.verbs.includes('list')) return undefined;
    try {
      return this.client.list(r, ns).items;
    } catch (e) {
      if (isMethodNotSupported(e) || isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** deleteEachItem: one DELETE (Background) per listed object. */
  private deleteEachItem(r: ResourceInfo, ns: string): void {
    for (const it of this.listCollection(r, ns) ?? []) {
      try {
        this.client.delete(r, ns, it.metadata?.name ?? '', { propagationPolicy: 'Background' });
      } catch (e) {
        if (!isNotFound(e) && !isMethodNotSupported(e)) throw e;
      }
    }
  }

  /**
   * estimateGracefulTermination: for pods, the longest terminationGracePeriodSeconds of those not
   * finished, unless that long has already passed since the namespace's deletion.
   */
  private estimateGracefulTermination(r: ResourceInfo, ns: string, deletedAt: SimMillis): number {
    if (r.group !== '' || r.resource !== 'pods') return 0;
    let estimate = 0;
    for (const p of this.client.list<Pod>(R.pods, ns).items) {
      const phase = p.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const g = p.spec?.terminationGracePeriodSeconds;
      if (g !== undefined && g > estimate) estimate = g;
    }
    return this.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }
}

/** An error of one resource that still carries what was learned about it. */
class GvrError extends Error {
  constructor(message: string, readonly meta: GvrDeletionMetadata) {
    super(message);
  }
}

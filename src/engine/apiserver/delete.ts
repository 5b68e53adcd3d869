// DELETE and DELETECOLLECTION with graceful deletion, finalizers and propagation policy. Models the
// generic store's Delete (registry/generic/registry/store.go: updateForGracefulDeletionAndFinalizers,
// deletionFinalizersForGarbageCollection, shouldDeleteDuringUpdate) and rest.BeforeDelete.
import type { ApiRequest, ApiResponse } from '../api/request';
import type { ApiStatus, KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { apiVersionOf } from '../api/kinds';
import { newBadRequest, newConflict, newNotFound } from '../api/errors';
import { rfc3339 } from '../clock';
import type { Stored } from '../store';
import { type ServerCore, grKey, listOptions, requestNamespace } from './core';
import { isDryRun, mutatingAdmission, validatingAdmission } from './pipeline';
import { selectObjects, stripTypeMeta } from './read';

/** The DeleteOptions a request carries, from its body or query. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** Reads DeleteOptions from a DELETE request (body first, then query parameters). */
export function deleteOptions(req: ApiRequest): DeleteOptions {
  const b = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, any>;
  const q = req.query ?? {};
  const grace = b.gracePeriodSeconds ?? (q.gracePeriodSeconds !== undefined ? Number(q.gracePeriodSeconds) : undefined);
  let policy = b.propagationPolicy ?? q.propagationPolicy;
  const orphan = b.orphanDependents ?? (q.orphanDependents !== undefined ? q.orphanDependents === 'true' : undefined);
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw newBadRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (orphan !== undefined && policy !== undefined) {
    throw newBadRequest('propagationPolicy: Invalid value: "' + policy + '": orphanDependents and deletionPropagation cannot be both set');
  }
  if (orphan === true) policy = 'Orphan';
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) {
    throw newBadRequest(`gracePeriodSeconds: Invalid value: ${grace}: must be greater than or equal to 0`);
  }
  return { gracePeriodSeconds: grace, propagationPolicy: policy, preconditions: b.preconditions };
}

/** The Status a completed delete answers with. */
function successStatus(info: ResourceInfo, obj: Stored): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200,
    details: { name: obj.metadata.name, group: info.group || undefined, kind: info.resource, uid: obj.metadata.uid } };
}

/** DELETE one object. */
export function deleteObject(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const dryRun = isDryRun(req);
  const opts = deleteOptions(req);
  const live = core.get(info, req.namespace, req.name ?? '');
  if (!live) throw newNotFound(info, req.name ?? '');
  return deleteLive(core, info, req, live, opts, dryRun);
}

function deleteLive(core: ServerCore, info: ResourceInfo, req: ApiRequest, live: Stored, opts: DeleteOptions, dryRun: boolean): ApiResponse {
  const name = live.metadata.name;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== live.metadata.uid) {
    throw newConflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${live.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== live.metadata.resourceVersion) {
    throw newConflict(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${live.metadata.resourceVersion}`);
  }
  // handlers/delete.go runs mutating admission for deletes too (NamespaceLifecycle is a mutating plugin).
  const attrs = { operation: 'DELETE' as const, info, namespace: live.metadata.namespace, name, oldObject: live as KubeObject, dryRun,
    userInfo: { username: req.user ?? 'minikube-user' } };
  mutatingAdmission(core, attrs);
  validatingAdmission(core, attrs);

  if (info.resource === 'namespaces' && info.group === '') return deleteNamespace(core, info, live, opts, dryRun);

  const strategy = core.strategy(info);
  let grace = 0;
  const def = strategy.defaultGracePeriod?.(live);
  if (def !== undefined) {
    grace = opts.gracePeriodSeconds ?? def;
    grace = strategy.adjustGracePeriod ? strategy.adjustGracePeriod(live, grace) : grace;
  }
  const finalizers = finalizersFor(live, opts.propagationPolicy);
  const pendingGrace = live.metadata.deletionGracePeriodSeconds;

  if (live.metadata.deletionTimestamp) {
    // Already being deleted: a shorter grace period shortens it; grace 0 with no finalizers removes it.
    if (grace === 0 && finalizers.length === 0) return removeNow(core, info, live, dryRun);
    if (pendingGrace !== undefined && grace < pendingGrace) {
      return markDeleting(core, info, live, grace, finalizers, dryRun);
    }
    return { code: 202, body: live };
  }
  if (grace === 0 && finalizers.length === 0) return removeNow(core, info, live, dryRun);
  return markDeleting(core, info, live, grace, finalizers, dryRun);
}

/**
 * Namespaces (pkg/registry/core/namespace/storage/storage.go Delete): the first delete only switches
 * the phase to Terminating; the namespace controller empties it, clears spec.finalizers through
 * /finalize and deletes it again, which removes it.
 */
function deleteNamespace(core: ServerCore, info: ResourceInfo, live: Stored, opts: DeleteOptions, dryRun: boolean): ApiResponse {
  const specFinalizers = (live.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
  const finalizers = finalizersFor(live, opts.propagationPolicy);
  if (live.metadata.deletionTimestamp) {
    if (specFinalizers.length) {
      throw newConflict(info, live.metadata.name, 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.');
    }
    if (finalizers.length) return { code: 202, body: live };
    return removeNow(core, info, live, dryRun);
  }
  const meta = { ...live.metadata, deletionTimestamp: core.nowTime() };
  if (finalizers.length) meta.finalizers = finalizers;
  else delete meta.finalizers;
  const next: KubeObject = { ...live, metadata: meta, status: { ...(live.status as object), phase: 'Terminating' } };
  if (!specFinalizers.length && !finalizers.length) return removeNow(core, info, live, dryRun);
  if (dryRun) return { code: 200, body: next };
  return { code: 200, body: core.store.update(grKey(info), next) };
}

/** Finalizers after applying a propagation policy (deletionFinalizersForGarbageCollection). */
function finalizersFor(live: Stored, policy: DeleteOptions['propagationPolicy']): string[] {
  let f = [...(live.metadata.finalizers ?? [])];
  if (policy === 'Orphan') {
    f = f.filter((x) => x !== 'foregroundDeletion');
    if (!f.includes('orphan')) f.push('orphan');
  } else if (policy === 'Foreground') {
    f = f.filter((x) => x !== 'orphan');
    if (!f.includes('foregroundDeletion')) f.push('foregroundDeletion');
  } else if (policy === 'Background') {
    f = f.filter((x) => x !== 'orphan' && x !== 'foregroundDeletion');
  }
  return f;
}

function markDeleting(core: ServerCore, info: ResourceInfo, live: Stored, grace: number, finalizers: string[],
  dryRun: boolean): ApiResponse {
  const meta = { ...live.metadata };
  meta.deletionTimestamp = rfc3339(core.now() + grace * 1000);
  meta.deletionGracePeriodSeconds = grace;
  if (finalizers.length) meta.finalizers = finalizers;
  else delete meta.finalizers;
  if (meta.generation !== undefined && meta.generation > 0 && !live.metadata.deletionTimestamp) meta.generation += 1;
  const next: KubeObject = { ...live, metadata: meta };
  if (dryRun) return { code: 200, body: next };
  const stored = core.store.update(grKey(info), next);
  return { code: finalizers.length ? 202 : 200, body: stored };
}

function removeNow(core: ServerCore, info: ResourceInfo, live: Stored, dryRun: boolean): ApiResponse {
  if (!dryRun) {
    core.store.delete(grKey(info), live.metadata.namespace ?? '', live.metadata.name);
    core.strategy(info).afterDelete?.(live, core.strategyContext);
  }
  return { code: 200, body: successStatus(info, live) };
}

/**
 * After an update: an object being deleted whose last finalizer just went, and whose grace period is
 * over, is removed (store.go shouldDeleteDuringUpdate). Returns the removed object, if it was.
 */
export function finishIfFinalized(core: ServerCore, info: ResourceInfo, stored: Stored): Stored | undefined {
  const m = stored.metadata;
  if (!m.deletionTimestamp || (m.finalizers?.length ?? 0) > 0 || m.deletionGracePeriodSeconds !== 0) return undefined;
  core.store.delete(grKey(info), m.namespace ?? '', m.name);
  core.strategy(info).afterDelete?.(stored, core.strategyContext);
  return stored;
}

/** DELETECOLLECTION: every selected object, with the request's options. */
export function deleteCollection(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const dryRun = isDryRun(req);
  const opts = deleteOptions(req);
  const targets = selectObjects(core, info, requestNamespace(info, req), listOptions(req));
  const items: KubeObject[] = [];
  for (const t of targets) {
    const res = deleteLive(core, info, req, t, opts, dryRun);
    items.push(stripTypeMeta(((res.body as ApiStatus).kind === 'Status' ? t : res.body) as Stored));
  }
  return { code: 200, body: { kind: `${info.kind}List`, apiVersion: apiVersionOf(info),
    metadata: { resourceVersion: String(core.store.currentRV()) }, items } };
}

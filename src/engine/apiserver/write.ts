// CREATE and UPDATE (main resource and status). Models handlers/create.go and update.go, with the
// generic store's Create/Update (rest.BeforeCreate, rest.BeforeUpdate, optimistic concurrency).
import type { ApiRequest, ApiResponse } from '../api/request';
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { newAlreadyExists, newBadRequest, newConflict, newInvalid, newNotFound, OPTIMISTIC_LOCK_ERROR_MSG } from '../api/errors';
import { invalid } from '../api/field';
import { deepEqual, shallowCopy } from '../api/meta';
import { generateName, newUid } from '../clock';
import type { Stored } from '../store';
import { type ServerCore, grKey, requestNamespace } from './core';
import { decodeBody, mutatingAdmission, validatingAdmission, validateForCreate, validateForUpdate,
  validateForStatusUpdate, isDryRun } from './pipeline';
import { trackUpdate } from './managed-fields';
import { finishIfFinalized } from './delete';
import { shareUnchanged } from './share';

/** Checks and fills metadata.namespace against the request (rest.BeforeCreate). */
export function settleNamespace(info: ResourceInfo, req: ApiRequest, obj: KubeObject): void {
  const ns = requestNamespace(info, req);
  const meta = shallowCopy(obj.metadata ?? {});
  if (info.namespaced) {
    if (meta.namespace && ns && meta.namespace !== ns) {
      throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = meta.namespace || ns;
  } else {
    delete meta.namespace;
  }
  obj.metadata = meta;
}

/** POST: create an object. */
export function createObject(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const dryRun = isDryRun(req);
  const { obj, warnings } = decodeBody(info, req.body, req);
  settleNamespace(info, req, obj);
  if (obj.metadata?.resourceVersion) throw newBadRequest('resourceVersion should not be set on objects to be created');
  const stored = createPrepared(core, info, req, obj, dryRun);
  return withWarnings({ code: 201, body: stored }, warnings);
}

/** The create path after decoding: managed fields, admission, strategy, validation, storage. */
export function createPrepared(core: ServerCore, info: ResourceInfo, req: ApiRequest, obj: KubeObject, dryRun: boolean,
  skipManagedFields = false): KubeObject {
  const strategy = core.strategy(info);
  if (!skipManagedFields) trackUpdate(info, req, undefined, obj, core.nowTime());
  const meta = obj.metadata!;
  const attrs = { operation: 'CREATE' as const, info, namespace: meta.namespace, name: meta.name ?? '', object: obj, dryRun,
    userInfo: { username: req.user ?? 'minikube-user' } };
  mutatingAdmission(core, attrs);
  // store.Create: system fields and generateName first, then BeginCreate (allocators), then
  // rest.BeforeCreate (PrepareForCreate, validation), then validating admission, then storage.
  const m = shallowCopy(obj.metadata!);
  if (!m.name && m.generateName) m.name = uniqueGeneratedName(core, info, m.namespace, m.generateName);
  m.uid = newUid(core.rng);
  m.creationTimestamp = core.nowTime();
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  obj.metadata = m;
  attrs.name = m.name ?? '';
  const undo = strategy.beginCreate?.(obj, core.strategyContext, dryRun) ?? undefined;
  try {
    strategy.prepareForCreate?.(obj, core.strategyContext);
    const mm = shallowCopy(obj.metadata!);
    if (strategy.generation) mm.generation = 1;
    else delete mm.generation;
    obj.metadata = mm;
    validateForCreate(info, obj);
    validatingAdmission(core, attrs);
    if (core.get(info, mm.namespace, mm.name ?? '')) throw newAlreadyExists(info, mm.name ?? '');
  } catch (e) {
    undo?.();
    throw e;
  }
  if (dryRun) {
    undo?.();
    return obj;
  }
  return core.store.create(grKey(info), obj);
}

function uniqueGeneratedName(core: ServerCore, info: ResourceInfo, ns: string | undefined, base: string): string {
  // Upstream returns AlreadyExists on a collision and clients retry; here we retry at once.
  for (let i = 0; i < 8; i++) {
    const n = generateName(core.rng, base);
    if (!core.get(info, ns, n)) return n;
  }
  return generateName(core.rng, base);
}

// Metadata a status write reads from its body (the rest comes from the stored object).
const STATUS_WRITE_READS = new Set(['name', 'namespace', 'resourceVersion', 'annotations']);

/**
 * What of a /status write matters: everything but status comes from the stored object (the status
 * strategies reset it), so only metadata and status are decoded — a kubelet's status update then
 * costs a fraction of a full decode. Metadata fields the body shares with the stored object `live`
 * (the same value or an equal copy, as a client sends back what it read) are not decoded again
 * either: they were decoded when stored, and the write does not read them. Deviation: a malformed spec in a status
 * write is not reported.
 */
export function statusPart(body: unknown, live?: KubeObject): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const b = body as KubeObject;
  let metadata = b.metadata;
  const liveMeta = live?.metadata as Record<string, unknown> | undefined;
  if (liveMeta && metadata && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const m = metadata as Record<string, unknown>;
    const keys = Object.keys(m);
    const shared = (k: string) => {
      const v = m[k];
      if (v === null || typeof v !== 'object' || STATUS_WRITE_READS.has(k)) return false;
      // A copy equal to the stored value (a controller's deep copy: fieldsV1 inside are shared) decodes as cleanly.
      return v === liveMeta[k] || deepEqual(v, liveMeta[k]);
    };
    if (keys.some(shared)) {
      const kept: Record<string, unknown> = {};
      for (const k of keys) if (!shared(k)) kept[k] = m[k];
      metadata = kept;
    }
  }
  return { apiVersion: b.apiVersion, kind: b.kind, metadata, status: b.status };
}

/** PUT: replace an object (main resource or status). */
export function updateObject(core: ServerCore, info: ResourceInfo, req: ApiRequest): ApiResponse {
  const dryRun = isDryRun(req);
  const { obj, warnings } = decodeBody(info, req.subresource === 'status'
    ? statusPart(req.body, core.get(info, requestNamespace(info, req), req.name ?? '')) : req.body, req);
  settleNamespace(info, req, obj);
  const name = req.name ?? '';
  if (obj.metadata?.name !== name) {
    throw newBadRequest(`the name of the object (${obj.metadata?.name ?? ''}) does not match the name on the URL (${name})`);
  }
  const live = core.get(info, req.namespace, name);
  if (!live) {
    if (req.subresource || !core.strategy(info).allowCreateOnUpdate) throw newNotFound(info, name);
    const { resourceVersion: _rv, ...meta } = obj.metadata!;
    obj.metadata = meta;
    return withWarnings({ code: 201, body: createPrepared(core, info, req, obj, dryRun) }, warnings);
  }
  return withWarnings(updatePrepared(core, info, req, live, obj, dryRun), warnings);
}

/**
 * The update path after decoding (shared with PATCH): optimistic concurrency, managed fields, admission,
 * strategy, validation, no-op detection, storage, and deletion once the last finalizer goes.
 */
export function updatePrepared(core: ServerCore, info: ResourceInfo, req: ApiRequest, live: Stored, obj: KubeObject,
  dryRun: boolean, skipManagedFields = false): ApiResponse {
  const strategy = core.strategy(info);
  const name = live.metadata.name;
  const rv = obj.metadata?.resourceVersion;
  if (!rv) {
    if (!strategy.allowUnconditionalUpdate) {
      throw newInvalid({ group: info.group, kind: info.kind }, name,
        [invalid('metadata.resourceVersion', 0, 'must be specified for an update')]);
    }
  } else if (rv !== live.metadata.resourceVersion) {
    throw newConflict(info, name, OPTIMISTIC_LOCK_ERROR_MSG);
  }
  const status = req.subresource === 'status';
  if (status) {
    // Status strategies keep everything but status from the stored object (and, for the Deployment
    // controller's revision annotation, annotations when the write carries some). Deviation: only
    // annotations are taken; other metadata stays as stored.
    // The decoded status shares what did not change with the stored one (see share.ts).
    const next: KubeObject = { ...live, status: shareUnchanged(live.status, obj.status) };
    if (obj.metadata?.annotations) next.metadata = { ...live.metadata, annotations: obj.metadata.annotations };
    // Managed fields diff the object that will be stored: spec is shared with the live one, so
    // only status (and annotations) are compared.
    if (!skipManagedFields) trackUpdate(info, req, live, next, core.nowTime(), req.subresource);
    else next.metadata = { ...(next.metadata ?? live.metadata), managedFields: obj.metadata?.managedFields ?? live.metadata.managedFields };
    obj = next;
  } else if (!skipManagedFields) trackUpdate(info, req, live, obj, core.nowTime(), req.subresource);
  const attrs = { operation: 'UPDATE' as const, info, subresource: req.subresource, namespace: live.metadata.namespace, name,
    object: obj, oldObject: live as KubeObject, dryRun, userInfo: { username: req.user ?? 'minikube-user' } };
  mutatingAdmission(core, attrs);
  // rest.BeforeUpdate: system fields come from the live object; the strategy keeps what callers may not change.
  if (status) {
    strategy.prepareForStatusUpdate?.(obj, live, core.strategyContext);
  } else {
    const m = shallowCopy(obj.metadata!);
    m.uid = live.metadata.uid;
    m.creationTimestamp = live.metadata.creationTimestamp;
    m.deletionTimestamp = live.metadata.deletionTimestamp;
    m.deletionGracePeriodSeconds = live.metadata.deletionGracePeriodSeconds;
    if (m.deletionTimestamp === undefined) delete m.deletionTimestamp;
    if (m.deletionGracePeriodSeconds === undefined) delete m.deletionGracePeriodSeconds;
    delete m.selfLink;
    obj.metadata = m;
    strategy.prepareForUpdate?.(obj, live, core.strategyContext);
    if (strategy.generation) {
      const gen = live.metadata.generation ?? 1;
      const changed = strategy.generationChanged ? strategy.generationChanged(obj, live) : !deepEqual(obj.spec, live.spec);
      obj.metadata = { ...obj.metadata, generation: changed ? gen + 1 : gen };
    }
  }
  const undo = status ? undefined : strategy.beginUpdate?.(obj, live, core.strategyContext, dryRun) ?? undefined;
  try {
    if (status) validateForStatusUpdate(info, obj, live);
    else validateForUpdate(info, obj, live);
    validatingAdmission(core, attrs);
  } catch (e) {
    undo?.();
    throw e;
  }
  if (dryRun) undo?.();
  const stamped = shallowCopy(obj.metadata ?? {});
  stamped.resourceVersion = live.metadata.resourceVersion;
  obj.metadata = stamped;
  if (deepEqual(obj, live)) return { code: 200, body: live };
  if (dryRun) return { code: 200, body: obj };
  const stored = core.store.update(grKey(info), obj);
  return { code: 200, body: finishIfFinalized(core, info, stored) ?? stored };
}

/** Attaches response warnings (the HTTP Warning header; kubectl prints "Warning: …"). */
export function withWarnings(res: ApiResponse, warnings: readonly string[]): ApiResponse {
  return warnings.length ? { ...res, warnings: [...warnings] } : res;
}

// The field manager every write goes through: managedFields for updates (create, update, patch) and
// server-side apply. Models apimachinery util/managedfields/internal: fieldmanager.go (Update,
// UpdateNoErrors, Apply, decodeLiveOrNew), versioncheck.go, lastappliedupdater.go,
// lastappliedmanager.go, skipnonapplied.go, capmanagers.go, buildmanagerinfo.go,
// managedfieldsupdater.go, stripmeta.go and structuredmerge.go, applied in that order.
import type { KubeObject, ManagedFieldsEntry } from '../../api/types';
import { StatusError, newBadRequest } from '../../api/errors';
import { deepEqual } from '../../api/meta';
import { type Json, type PatchMeta } from '../../api/patch';
import { patchMetaFor } from '../../api/schema';
import { FieldSet } from './fieldset';
import { fieldPE } from './path-element';
import { type Managed, type VersionedSet, DecodeError, buildManagerIdentifier, decodeManagedFields, emptyManaged,
  encodeCreatedManagedFields, encodeManagedFields } from './managed-fields';
import { type UpdaterContext, updaterApply, updaterUpdate } from './updater';
import { ConflictsError, type Conflict, newConflictError } from './conflict';
import { ValidationError } from './schema';
import { toFieldSet } from './to-field-set';
import { resetFieldsFor } from './reset-fields';
import { emptyObjectFor } from './empty-object';
import { allowedConflictsFromLastApplied, applyLastApplied } from './last-applied';
import { capUpdateManagers } from './cap-managers';
import { createOutcome, createShapeKey, rememberCreateOutcome } from './create-cache';

/** Options of a non-apply write (create, update, patch). */
export interface UpdateOptions {
  /** The request's fieldManager, or the user agent's prefix (see managerOrUserAgent). */
  manager: string;
  operation?: 'Update';
  /** 'status', 'scale', …; undefined for the main resource. */
  subresource?: string;
  /** RFC 3339, seconds: the entry's time when this write changed something. */
  time: string;
  /** The endpoint's group/version, e.g. "apps/v1". */
  apiVersion: string;
  /** The kind; defaults to the object's. */
  kind?: string;
  /** The kind's patch facts; defaults to api/schema's patchMetaFor. */
  meta?: PatchMeta;
}

/** Options of a server-side apply. */
export interface ApplyOptions extends Omit<UpdateOptions, 'operation'> {
  force: boolean;
}

/** The result of a server-side apply: the new object (managedFields set) and its managedFields. */
export interface ApplyResult {
  obj: KubeObject;
  managedFields: ManagedFieldsEntry[] | undefined;
}

/** stripmeta.go: fields nobody owns. */
const STRIP = FieldSet.of(...['apiVersion', 'kind', 'metadata'].map((f) => [fieldPE(f)]),
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']
    .map((f) => [fieldPE('metadata'), fieldPE(f)]));

/** managedfieldsupdater.go: the name the current write works under before it merges into its manager. */
const CURRENT_OPERATION = 'current-operation';
/** skipnonapplied.go beforeApplyManagerName */
const BEFORE_FIRST_APPLY = 'before-first-apply';

function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function stripMeta(managers: Map<string, VersionedSet>, manager: string): void {
  const vs = managers.get(manager);
  if (!vs) return;
  const set = vs.set.difference(STRIP);
  if (set.empty) managers.delete(manager);
  else if (set !== vs.set) managers.set(manager, { ...vs, set });
}

function cloneManaged(m: Managed): Managed {
  return { fields: new Map(m.fields), times: new Map(m.times) };
}

function contextFor(opts: UpdateOptions, kind: string | undefined): UpdaterContext {
  return { meta: opts.meta ?? (kind ? patchMetaFor(opts.apiVersion, kind) : undefined), reset: resetFieldsFor(kind, opts.subresource) };
}

// The structured-merge Update through buildManagerInfo, managedFieldsUpdater and stripMeta.
function updateChain(ctx: UpdaterContext, live: KubeObject, next: KubeObject, managed: Managed, id: string, apiVersion: string,
  time: string): void {
  const before = managed.fields.get(id)?.set;
  updaterUpdate(ctx, live as Json, next as Json, apiVersion, managed.fields, CURRENT_OPERATION);
  stripMeta(managed.fields, CURRENT_OPERATION);
  const vs = managed.fields.get(CURRENT_OPERATION);
  if (!vs) return;
  managed.fields.delete(CURRENT_OPERATION);
  const prev = managed.fields.get(id);
  // prev ∪ new, not new ∪ prev: union returns its receiver when nothing is added, so a manager that
  // writes the fields it already owns keeps its set (and its encoded fieldsV1) as they are. The
  // write first took from every other manager — this one included — what it changed; when it only
  // got back what it had, it keeps the set it had (its status writes mostly change values, not fields).
  let set = prev ? prev.set.union(vs.set) : vs.set;
  if (before && set !== before && set.equals(before)) set = before;
  managed.fields.set(id, set === vs.set ? vs : { ...vs, set });
  managed.times.set(id, time);
}

// fieldmanager.go isResetManagedFields: `managedFields: []` (or one empty entry) clears them.
function isReset(mf: ManagedFieldsEntry[] | undefined): boolean {
  if (mf === undefined) return false;
  if (mf.length === 0) return true;
  return mf.length === 1 && deepEqual(mf[0], {});
}

function decodeOrEmpty(mf: ManagedFieldsEntry[] | undefined): Managed {
  try {
    return decodeManagedFields(mf);
  } catch (e) {
    if (e instanceof DecodeError) return emptyManaged();
    throw e;
  }
}

// fieldmanager.go decodeLiveOrNew: a main-resource write may carry managedFields (kubectl replace
// sends back what it read); a subresource write may not.
function decodeLiveOrNew(live: KubeObject | undefined, next: KubeObject, isSubresource: boolean): Managed {
  const liveMF = live?.metadata?.managedFields;
  if (isSubresource) return decodeOrEmpty(liveMF);
  const newMF = next.metadata?.managedFields;
  if (isReset(newMF)) return emptyManaged();
  // A patched copy of the live object carries a copy of its entries: decode the live ones, which are
  // cached, and keep reusing their encoded entries.
  if (newMF !== liveMF && deepEqual(newMF, liveMF)) return decodeOrEmpty(liveMF);
  try {
    const m = decodeManagedFields(newMF);
    if (m.fields.size > 0) return m;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
  return decodeOrEmpty(liveMF);
}

/**
 * FieldManager.UpdateNoErrors: the managedFields `obj` gets from a non-apply write by `manager`.
 * The manager comes to own what it changed (other managers lose it); entries merge per manager,
 * operation, API version and subresource. `live` is undefined for a create. An object stored
 * without managedFields stays without them (skipnonapplied.go); a write that sends `managedFields: []`
 * clears them. Returns undefined when no entry is left.
 */
export function updateManagedFields(live: KubeObject | undefined, obj: KubeObject, opts: UpdateOptions): ManagedFieldsEntry[] | undefined {
  const kind = opts.kind ?? obj.kind ?? live?.kind;
  if (opts.subresource === 'scale') return scaleManagedFields(live, obj, opts);
  try {
    const managed = decodeLiveOrNew(live, obj, opts.subresource !== undefined);
    if (managed.fields.size === 0 && live?.metadata?.uid) return undefined;
    const ctx = contextFor(opts, kind);
    const id = buildManagerIdentifier({ manager: opts.manager || 'unknown', operation: 'Update', apiVersion: opts.apiVersion,
      subresource: opts.subresource });
    const empty = live ? undefined : emptyObjectFor(opts.apiVersion, kind);
    const base = withoutManagedFields(live ?? empty!);
    const next = withoutManagedFields(obj);
    // A create from nothing: the outcome depends on the object's shape only (see create-cache.ts).
    const shapeKey = empty && managed.fields.size === 0 && !opts.meta ? createShapeKey(`${id}\u0000${kind ?? ''}`, next, empty) : undefined;
    if (shapeKey !== undefined) {
      const known = createOutcome(shapeKey);
      if (known !== undefined) return known ? encodeCreatedManagedFields(id, known, opts.time) : undefined;
    }
    updateChain(ctx, base, next, managed, id, opts.apiVersion, opts.time);
    capUpdateManagers(managed);
    if (shapeKey !== undefined) rememberCreateOutcome(shapeKey, managed.fields.get(id) ?? null);
    return encodeManagedFields(managed);
  } catch (e) {
    // UpdateNoErrors: a write never fails on its managed fields; they are dropped instead.
    if (e instanceof ValidationError || e instanceof DecodeError) return undefined;
    throw e;
  }
}

// The scale subresource (managedfields/scalehandler.go ToParent): the writer owns .spec.replicas
// and everyone else loses it. The entry has the parent's API version and no time, because ToParent
// keeps the parent's times and the scale writer has none there.
// Deviation: a scale write that leaves replicas as they are changes nothing here; upstream splits the
// entries of updaters that owned replicas.
function scaleManagedFields(live: KubeObject | undefined, obj: KubeObject, opts: UpdateOptions): ManagedFieldsEntry[] | undefined {
  const before = live?.metadata?.managedFields;
  const oldReplicas = (live?.spec as { replicas?: unknown } | undefined)?.replicas;
  const newReplicas = (obj.spec as { replicas?: unknown } | undefined)?.replicas;
  if (!live || oldReplicas === newReplicas) return before;
  let managed: Managed;
  try {
    managed = decodeManagedFields(before);
  } catch (e) {
    if (e instanceof DecodeError) return before;
    throw e;
  }
  const replicas = FieldSet.of([fieldPE('spec'), fieldPE('replicas')]);
  for (const [id, vs] of [...managed.fields]) {
    const set = vs.set.difference(replicas);
    if (set.empty) managed.fields.delete(id);
    else if (set !== vs.set) managed.fields.set(id, { ...vs, set });
  }
  const id = buildManagerIdentifier({ manager: opts.manager || 'unknown', operation: 'Update', apiVersion: 'autoscaling/v1', subresource: 'scale' });
  managed.fields.set(id, { set: replicas, apiVersion: opts.apiVersion, applied: false });
  managed.times.delete(id);
  return encodeManagedFields(managed);
}

function parseGroupVersion(apiVersion: string | undefined): [string, string] {
  if (!apiVersion) return ['', ''];
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** schema.GroupVersionKind.String: `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
export function gvkString(apiVersion: string | undefined, kind: string | undefined): string {
  const [g, v] = parseGroupVersion(apiVersion);
  return `${g}/${v}, Kind=${kind ?? ''}`;
}

function internalError(message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

/**
 * Server-side apply (FieldManager.Apply): merges `applied` into `live` (undefined: a create), makes
 * the manager own exactly the fields `applied` sets, removes fields it applied before and no longer
 * does (unless another manager owns them), and fails with a 409 Conflict when it would change a field
 * another manager owns, unless `force` (then it takes them). The returned object still needs
 * defaulting, as upstream defaults after the merge.
 */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, opts: ApplyOptions): ApplyResult {
  const kind = opts.kind ?? live?.kind ?? applied.kind;
  // versioncheck.go
  if (applied.apiVersion !== opts.apiVersion || applied.kind !== kind) {
    throw newBadRequest(`invalid object type: ${gvkString(applied.apiVersion, applied.kind)}`);
  }
  if (applied.metadata && 'managedFields' in applied.metadata && applied.metadata.managedFields !== undefined) {
    throw newBadRequest('metadata.managedFields must be nil');
  }
  let managed: Managed;
  try {
    managed = decodeManagedFields(live?.metadata?.managedFields);
  } catch (e) {
    if (e instanceof DecodeError) throw internalError(`failed to decode managed fields: ${e.message}`);
    throw e;
  }
  const ctx = contextFor(opts, kind);
  const base = withoutManagedFields(live ?? emptyObjectFor(opts.apiVersion, kind));
  const config = withoutManagedFields(applied);
  let result: { obj: KubeObject; managed: Managed };
  try {
    try {
      result = applyChain(ctx, base, config, cloneManaged(managed), opts, opts.force);
    } catch (e) {
      // lastappliedmanager.go: kubectl's own server-side apply may take over fields that
      // client-side apply set to the values now applied.
      if (!(e instanceof ConflictsError) || opts.manager !== 'kubectl') throw e;
      const allowed = allowedConflictsFromLastApplied(ctx, base, opts.apiVersion);
      if (!allowed) throw e;
      const remaining: Conflict[] = e.conflicts.filter((c) => !allowed.has(c.path));
      if (remaining.length > 0) throw new ConflictsError(remaining);
      result = applyChain(ctx, base, config, cloneManaged(managed), opts, true);
    }
  } catch (e) {
    if (e instanceof ConflictsError) throw newConflictError(e.conflicts);
    if (e instanceof ValidationError) {
      const m = config.metadata ?? {};
      throw internalError(`failed to create typed patch object (${m.namespace ?? ''}/${m.name ?? ''}; ${gvkString(config.apiVersion, config.kind)}): ${e.message}`);
    }
    throw e;
  }
  // lastappliedupdater.go: kubectl's server-side apply keeps an existing client-side annotation current.
  let obj = result.obj;
  if (opts.manager === 'kubectl') obj = applyLastApplied(obj, applied);
  const managedFields = encodeManagedFields(result.managed);
  const metadata = { ...(obj.metadata ?? {}) };
  if (managedFields) metadata.managedFields = managedFields;
  else delete metadata.managedFields;
  // The result shares subtrees with the live object (frozen in the store) and the empty object: hand
  // out a copy callers may edit, as upstream hands out a fresh typed object.
  return { obj: structuredClone({ ...obj, metadata }), managedFields };
}

// skipNonApplied → buildManagerInfo → managedFieldsUpdater → stripMeta → structuredMerge, for Apply.
function applyChain(ctx: UpdaterContext, live: KubeObject, config: KubeObject, managed: Managed, opts: ApplyOptions,
  force: boolean): { obj: KubeObject; managed: Managed } {
  // The applied configuration is validated first: a duplicated list key is an error.
  validateConfig(ctx, config);
  if (managed.fields.size === 0) {
    // skipnonapplied.go: fields set before the first apply belong to "before-first-apply".
    const id = buildManagerIdentifier({ manager: BEFORE_FIRST_APPLY, operation: 'Update', apiVersion: opts.apiVersion, subresource: opts.subresource });
    updateChain(ctx, emptyObjectFor(opts.apiVersion, live.kind), live, managed, id, opts.apiVersion, opts.time);
  }
  const id = buildManagerIdentifier({ manager: opts.manager || 'unknown', operation: 'Apply', subresource: opts.subresource });
  const merged = updaterApply(ctx, live as Json, config as Json, opts.apiVersion, managed.fields, id, force);
  stripMeta(managed.fields, id);
  if (merged === undefined) return { obj: live, managed };
  managed.times.set(id, opts.time);
  return { obj: merged as KubeObject, managed };
}

function validateConfig(ctx: UpdaterContext, config: KubeObject): void {
  toFieldSet(config as Json, ctx.meta, true);
}

// metadata.managedFields in and out: decoding entries into per-manager field sets, the manager
// identifier that keys them, and encoding back in the server's order. Models apimachinery
// util/managedfields/internal/managedfields.go (DecodeManagedFields, BuildManagerIdentifier,
// encodeManagedFields, sortEncodedManagedFields) and fields.go.
import type { ManagedFieldsEntry } from '../../api/types';
import { goJsonString } from '../../api/patch';
import { shareImmutable } from '../../api/meta';
import { FieldSet, rememberDecoded } from './fieldset';

/** fieldpath.VersionedSet: a manager's fields, the API version they were set at, and Apply or Update. */
export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** The managers' sets (keyed by manager identifier) and the time each last changed something. */
export interface Managed {
  readonly fields: Map<string, VersionedSet>;
  readonly times: Map<string, string | undefined>;
}

/** A fresh, empty Managed. */
export function emptyManaged(): Managed {
  return { fields: new Map(), times: new Map() };
}

/** A decoding failure (upstream answers it by starting from empty managed fields). */
export class DecodeError extends Error {}

// Entries decoded from a stored object, to reuse them untouched when nothing about them changed.
const sourceEntry = new WeakMap<FieldSet, ManagedFieldsEntry>();

/** DecodeManagedFields */
export function decodeManagedFields(entries: readonly ManagedFieldsEntry[] | undefined): Managed {
  const managed = emptyManaged();
  (entries ?? []).forEach((e, i) => {
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new DecodeError('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new DecodeError('apiVersion must not be empty');
    if (!e.fieldsType) throw new DecodeError(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new DecodeError(`invalid fieldsType ${JSON.stringify(e.fieldsType)} in managed fields entry ${i}`);
    const id = buildManagerIdentifier(e);
    const set = FieldSet.fromFieldsV1(e.fieldsV1 ?? {});
    if (!set.empty) sourceEntry.set(set, e);
    managed.fields.set(id, { set, apiVersion: e.apiVersion, applied: e.operation === 'Apply' });
    managed.times.set(id, e.time);
  });
  return managed;
}

/**
 * BuildManagerIdentifier: the entry as JSON without its fields and time, and without the API version
 * for appliers (so an applier is the same manager at any version):
 * `{"manager":"kubectl","operation":"Apply"}`, `{"manager":"kubelet","operation":"Update","apiVersion":"v1","subresource":"status"}`.
 */
export function buildManagerIdentifier(e: { manager?: string; operation?: string; apiVersion?: string; subresource?: string }): string {
  // Memoized by its four parts in nested maps (building one key string per call cost as much as the lookup).
  const byOperation = step(builtIdentifiers, e.manager ?? '');
  const byVersion = step(byOperation, e.operation ?? '');
  const bySubresource = step(byVersion, e.apiVersion ?? '') as Map<string, string>;
  let id = bySubresource.get(e.subresource ?? '');
  if (id === undefined) {
    id = buildIdentifier(e);
    if (identifierCount++ < 10_000) bySubresource.set(e.subresource ?? '', id);
  }
  return id;
}

type Level = Map<string, unknown>;
const builtIdentifiers: Level = new Map();
let identifierCount = 0;

function step(m: Level, k: string): Level {
  let next = m.get(k) as Level | undefined;
  if (next === undefined) m.set(k, (next = new Map()));
  return next;
}

function buildIdentifier(e: { manager?: string; operation?: string; apiVersion?: string; subresource?: string }): string {
  const parts: string[] = [];
  if (e.manager) parts.push(`"manager":${goJsonString(e.manager)}`);
  if (e.operation) parts.push(`"operation":${goJsonString(e.operation)}`);
  if (e.apiVersion && e.operation !== 'Apply') parts.push(`"apiVersion":${goJsonString(e.apiVersion)}`);
  if (e.subresource) parts.push(`"subresource":${goJsonString(e.subresource)}`);
  return `{${parts.join(',')}}`;
}

type ManagerIdentity = { readonly manager?: string; readonly operation?: string; readonly apiVersion?: string; readonly subresource?: string };

// A cluster has a few dozen managers; every write encodes each of an object's entries.
const parsedIdentifiers = new Map<string, ManagerIdentity>();

/** The fields of a manager identifier (a shared, frozen object). */
export function parseManagerIdentifier(id: string): ManagerIdentity {
  let r = parsedIdentifiers.get(id);
  if (r) return r;
  try {
    r = Object.freeze(JSON.parse(id) as ManagerIdentity);
  } catch {
    r = Object.freeze({});
  }
  if (parsedIdentifiers.size < 10_000) parsedIdentifiers.set(id, r);
  return r;
}

/** encodeManagedFields: entries in the server's order, or undefined when no manager is left. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] | undefined {
  if (managed.fields.size === 0) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, vs] of managed.fields) out.push(encodeEntry(id, vs, managed.times.get(id)));
  return sortEncodedManagedFields(out);
}

/**
 * The entries of an object one manager created (a set shared by many objects: the entry is built
 * fresh, never another object's decoded one).
 */
export function encodeCreatedManagedFields(id: string, vs: VersionedSet, time: string | undefined): ManagedFieldsEntry[] {
  return [encodeEntry(id, vs, time, false)];
}

// A ManagedFieldsEntry keeps the Go struct's field order: manager, operation, apiVersion, time,
// fieldsType, fieldsV1, subresource.
function encodeEntry(id: string, vs: VersionedSet, time: string | undefined, reuse = true): ManagedFieldsEntry {
  const ident = parseManagerIdentifier(id);
  const operation = vs.applied ? 'Apply' : (ident.operation ?? 'Update');
  const src = reuse ? sourceEntry.get(vs.set) : undefined;
  if (src && src.manager === ident.manager && src.operation === operation && src.apiVersion === vs.apiVersion
    && src.time === time && src.subresource === ident.subresource) {
    return src;
  }
  const e: ManagedFieldsEntry = {};
  if (ident.manager) e.manager = ident.manager;
  e.operation = operation;
  e.apiVersion = vs.apiVersion;
  if (time) e.time = time;
  e.fieldsType = 'FieldsV1';
  e.fieldsV1 = src?.fieldsV1 ?? encodeSet(vs.set, ident.subresource !== 'status');
  if (ident.subresource) e.subresource = ident.subresource;
  return e;
}

// Encoded sets, interned: the pods of one ReplicaSet carry the same controller-manager entry, so they
// share one frozen fieldsV1 (and its decoded FieldSet) instead of holding a copy each; every encoded
// set is frozen, so the decoder shares it when a writer sends it back. Bounded: when
// full it starts over, which only costs sharing.
const INTERN_LIMIT = 4096;
const interned = new Map<string, Record<string, unknown>>();
const encodedOf = new WeakMap<FieldSet, Record<string, unknown>>();

function encodeSet(set: FieldSet, intern: boolean): Record<string, unknown> {
  let f = encodedOf.get(set);
  if (f) return f;
  if (!intern) {
    // A status writer's set names this object's own list items (its pod IP, its conditions): it is
    // never another object's, so looking it up would only cost.
    f = shareImmutable(set.toFieldsV1Shared());
    rememberDecoded(f, set);
    encodedOf.set(set, f);
    return f;
  }
  const key = set.toFieldsV1Json();
  f = interned.get(key);
  if (!f) {
    f = shareImmutable(JSON.parse(key) as Record<string, unknown>);
    if (interned.size >= INTERN_LIMIT) interned.clear();
    interned.set(key, f);
  }
  rememberDecoded(f, set);
  encodedOf.set(set, f);
  return f;
}

// Entry times recur (every write of one second carries the same one): parsed once each (bounded).
const parsedSeconds = new Map<string, number>();

function seconds(t: string | undefined): number {
  if (!t) return 0;
  let s = parsedSeconds.get(t);
  if (s === undefined) {
    const ms = Date.parse(t);
    s = Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
    if (parsedSeconds.size >= 4096) parsedSeconds.clear();
    parsedSeconds.set(t, s);
  }
  return s;
}

/** sortEncodedManagedFields: by operation (Apply first), time, manager, apiVersion, subresource. */
export function sortEncodedManagedFields(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  const cmp = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  return entries.sort((p, q) => cmp(p.operation, q.operation) || seconds(p.time) - seconds(q.time) || cmp(p.manager, q.manager)
    || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource));
}

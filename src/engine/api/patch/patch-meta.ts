// Patch and merge facts about positions in an object, as strategic merge patch and server-side apply
// need them. Models strategicpatch/meta.go (LookupPatchMeta) and the parts of structured-merge-diff's
// schema (list types, map types) that apply uses. api/schema builds these from the OpenAPI; the
// builder below makes small hand-written trees for tests and for kinds without a schema.

/** Patch and merge facts about one position in a schema (for strategic merge patch and server-side apply). */
export interface PatchMeta {
  readonly kind: 'object' | 'map' | 'list' | 'scalar' | 'unknown';
  field(name: string): PatchMeta | undefined;   // for kind 'object'
  elem(): PatchMeta | undefined;                // for 'list' (items) and 'map' (values)
  readonly patchStrategy?: string;              // 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys'
  readonly patchMergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic' | 'granular';
}

/** The meta of a struct field or map value below `meta` (LookupPatchMetadataForStruct), if known. */
export function childMeta(meta: PatchMeta | undefined, key: string): PatchMeta | undefined {
  if (!meta) return undefined;
  if (meta.kind === 'object') return meta.field(key);
  if (meta.kind === 'map') return meta.elem();
  return undefined;
}

/** The meta of a list's items (LookupPatchMetadataForSlice's subschema), if known. */
export function itemMeta(meta: PatchMeta | undefined): PatchMeta | undefined {
  return meta && meta.kind === 'list' ? meta.elem() : undefined;
}

/**
 * Models patch.go extractRetainKeysPatchStrategy: splits "merge,retainKeys" into the retainKeys flag and
 * the other strategy.
 */
export function splitPatchStrategy(strategy: string | undefined): { retainKeys: boolean; strategy: string } {
  const parts = strategy ? strategy.split(',') : [];
  if (parts.length === 0) return { retainKeys: false, strategy: '' };
  if (parts.length === 1) return parts[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: parts[0] };
  if (parts.length === 2) {
    if (parts[0] === 'retainKeys') return { retainKeys: true, strategy: parts[1] };
    if (parts[1] === 'retainKeys') return { retainKeys: true, strategy: parts[0] };
  }
  throw new Error(`unexpected patch strategy: [${parts.join(' ')}]`);
}

/** A compact description of a PatchMeta tree (see `S`, `obj`, `map`, `list`). */
export type MetaDesc = PatchMeta | (() => PatchMeta);

/** Options a described node may carry. */
export interface MetaOpts {
  strategy?: string;
  mergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  keys?: readonly string[];
  mapType?: 'atomic' | 'granular';
}

class BuiltMeta implements PatchMeta {
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic' | 'granular';
  constructor(readonly kind: PatchMeta['kind'], private readonly fields: Record<string, MetaDesc> | undefined,
    private readonly item: MetaDesc | undefined, opts: MetaOpts) {
    if (opts.strategy) this.patchStrategy = opts.strategy;
    if (opts.mergeKey) this.patchMergeKey = opts.mergeKey;
    if (opts.listType) this.listType = opts.listType;
    if (opts.keys) this.listMapKeys = opts.keys;
    if (opts.mapType) this.mapType = opts.mapType;
  }
  field(name: string): PatchMeta | undefined {
    const d = this.fields && Object.prototype.hasOwnProperty.call(this.fields, name) ? this.fields[name] : undefined;
    return d === undefined ? undefined : resolve(d);
  }
  elem(): PatchMeta | undefined {
    return this.item === undefined ? undefined : resolve(this.item);
  }
}

function resolve(d: MetaDesc): PatchMeta {
  return typeof d === 'function' ? d() : d;
}

/** A scalar position. */
export const S: PatchMeta = new BuiltMeta('scalar', undefined, undefined, {});

/** A position with no schema (free-form JSON). */
export const UNKNOWN: PatchMeta = new BuiltMeta('unknown', undefined, undefined, {});

/** A struct with the given fields; a field may be a thunk for recursive types. */
export function obj(fields: Record<string, MetaDesc>, opts: MetaOpts = {}): PatchMeta {
  return new BuiltMeta('object', fields, undefined, opts);
}

/** A map with string keys and values described by `values`. */
export function map(values: MetaDesc, opts: MetaOpts = {}): PatchMeta {
  return new BuiltMeta('map', undefined, values, opts);
}

/** A list of `items`. Without a listType, server-side apply treats it as atomic. */
export function list(items: MetaDesc, opts: MetaOpts = {}): PatchMeta {
  return new BuiltMeta('list', undefined, items, opts);
}

/**
 * A list merged by key, as Kubernetes declares most of them: patchStrategy merge with patchMergeKey
 * `mergeKey`, and listType map keyed by `keys` (default: the merge key).
 */
export function keyedList(items: MetaDesc, mergeKey: string, keys: readonly string[] = [mergeKey], strategy = 'merge'): PatchMeta {
  return list(items, { strategy, mergeKey, listType: 'map', keys });
}

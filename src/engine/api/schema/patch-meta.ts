// Patch and merge facts for strategic merge patch and server-side apply. Models what
// apimachinery pkg/util/strategicpatch (PatchMetaFromStruct, reading the patchStrategy/patchMergeKey tags)
// and structured-merge-diff (the x-kubernetes-list-type/-map-keys/-map-type schema) read from the types.
import { defForKind } from './model';
import type { SchemaField, SchemaType } from './model';

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

function metaKind(t: SchemaType): PatchMeta['kind'] {
  switch (t.kind) {
    case 'struct': return 'object';
    case 'map': return 'map';
    case 'list': return 'list';
    case 'raw': case 'any': return 'unknown';
    default: return 'scalar';
  }
}

// One position: the type found there and the facts of the field that holds it (none for list items and
// map values, as in Go: tags sit on struct fields only).
class Meta implements PatchMeta {
  readonly kind: PatchMeta['kind'];
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic' | 'granular';
  private fieldsCache?: Map<string, PatchMeta | undefined>;
  private elemCache?: PatchMeta;

  constructor(private readonly type: SchemaType, holder?: SchemaField) {
    this.kind = metaKind(type);
    const p = holder?.patch;
    if (p?.patchStrategy) this.patchStrategy = p.patchStrategy;
    if (p?.patchMergeKey) this.patchMergeKey = p.patchMergeKey;
    if (this.kind === 'list') {
      // An undeclared list is atomic for server-side apply (and replaced whole by a strategic merge patch).
      this.listType = p?.listType ?? 'atomic';
      if (p?.listMapKeys) this.listMapKeys = p.listMapKeys;
    } else if (this.kind === 'map') {
      this.mapType = p?.mapType ?? 'granular';
    } else if (this.kind === 'object') {
      // `+structType=atomic` on the type or on the field makes the whole struct one value.
      this.mapType = type.def!.atomic || p?.structType === 'atomic' ? 'atomic' : 'granular';
    }
  }

  field(name: string): PatchMeta | undefined {
    if (this.kind !== 'object') return undefined;
    this.fieldsCache ??= new Map();
    if (!this.fieldsCache.has(name)) {
      const f = this.type.def!.fields.get(name);
      this.fieldsCache.set(name, f ? new Meta(f.type, f) : undefined);
    }
    return this.fieldsCache.get(name);
  }

  elem(): PatchMeta | undefined {
    if (this.kind !== 'list' && this.kind !== 'map') return undefined;
    this.elemCache ??= new Meta(this.type.elem!);
    return this.elemCache;
  }
}

const roots = new Map<string, PatchMeta | undefined>();

/** The patch facts of a kind's top-level object, or undefined for a kind the schema does not know. */
export function patchMetaFor(apiVersion: string, kind: string): PatchMeta | undefined {
  const k = `${apiVersion}/${kind}`;
  if (!roots.has(k)) {
    const def = defForKind(apiVersion, kind);
    roots.set(k, def ? new Meta({ kind: 'struct', ref: def.key, go: def.goName, def }) : undefined);
  }
  return roots.get(k);
}

// How server-side apply sees a position in an object, derived from PatchMeta: a struct (named fields),
// a map, a list (atomic, set, or keyed map) or a scalar; atomic ones are owned as one leaf. Models
// structured-merge-diff/v4 schema/elements.go as Kubernetes' OpenAPI feeds it (lists without a
// list type are atomic; x-kubernetes-map-type atomic makes a struct or map a leaf), and
// typed/helpers.go listItemToPathElement.
import { type Json, type JsonObject, type PatchMeta, isObject } from '../../api/patch';
import { type PE, keyPE, pathString, valuePE } from './path-element';

/** The atom a position resolves to. */
export type Atom =
  | { readonly t: 'scalar' }
  | { readonly t: 'struct' | 'map'; readonly atomic: boolean; readonly meta: PatchMeta | undefined }
  | { readonly t: 'list'; readonly atomic: boolean; readonly keys: readonly string[] | undefined; readonly meta: PatchMeta | undefined };

const SCALAR: Atom = { t: 'scalar' };
const ATOMIC_LEAF: Atom = { t: 'map', atomic: true, meta: undefined };
const DEDUCED_MAP: Atom = { t: 'map', atomic: false, meta: undefined };
const DEDUCED_LIST: Atom = { t: 'list', atomic: true, keys: undefined, meta: undefined };

/**
 * The atom of a position. Without a schema the value decides (SMD's deduced type: maps granular,
 * lists atomic); kind 'unknown' is free-form JSON (RawExtension, FieldsV1), owned as one leaf.
 */
export function atomOf(meta: PatchMeta | undefined, v: Json | undefined): Atom {
  if (meta === undefined) {
    if (isObject(v)) return DEDUCED_MAP;
    if (Array.isArray(v)) return DEDUCED_LIST;
    return SCALAR;
  }
  switch (meta.kind) {
    case 'object': return { t: 'struct', atomic: meta.mapType === 'atomic', meta };
    case 'map': return { t: 'map', atomic: meta.mapType === 'atomic', meta };
    case 'list': {
      const lt = meta.listType;
      if (lt === 'map') return { t: 'list', atomic: false, keys: meta.listMapKeys ?? [], meta };
      if (lt === 'set') return { t: 'list', atomic: false, keys: undefined, meta };
      return { t: 'list', atomic: true, keys: undefined, meta };
    }
    case 'scalar': return SCALAR;
    default: return ATOMIC_LEAF;
  }
}

/** The meta of a struct field or map value (unknown struct fields have no schema: deduced). */
export function fieldMetaOf(atom: Atom, name: string): PatchMeta | undefined {
  if (atom.t === 'struct') return atom.meta?.field(name);
  if (atom.t === 'map') return atom.meta?.elem();
  return undefined;
}

/** Is `name` a declared field of a struct (FindField)? */
export function isDeclaredField(atom: Atom, name: string): boolean {
  return atom.t === 'struct' && atom.meta?.field(name) !== undefined;
}

/** The meta of a list's items. */
export function itemMetaOf(atom: Atom): PatchMeta | undefined {
  return atom.t === 'list' ? atom.meta?.elem() : undefined;
}

/**
 * The default of a list-map key field when an item omits it. The OpenAPI declares one only for
 * `protocol` (ContainerPort, ServicePort): "TCP".
 * Deviation: PatchMeta carries no defaults, so this one is known here by name.
 */
export function keyDefault(itemMeta: PatchMeta | undefined, field: string): Json | undefined {
  return field === 'protocol' && itemMeta?.kind === 'object' && itemMeta.field('protocol') !== undefined ? 'TCP' : undefined;
}

/** A typed-walk failure, worded as structured-merge-diff's ValidationErrors. */
export class ValidationError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(path ? `${path}: ${reason}` : reason);
  }
}

/** listItemToPathElement: the `k:` or `v:` element naming a list item. */
export function listItemPE(atom: Atom & { t: 'list' }, child: Json, index: number, path: readonly PE[]): PE {
  const where = () => pathString(path);
  if (atom.keys !== undefined) {
    if (child === null) throw new ValidationError(where(), `element ${index}: associative list with keys may not have a null element`);
    if (!isObject(child)) throw new ValidationError(where(), `element ${index}: associative list with keys may not have non-map elements`);
    const fields: [string, Json][] = [];
    for (const k of atom.keys) {
      const o = child as JsonObject;
      if (k in o) {
        fields.push([k, o[k]]);
        continue;
      }
      const def = keyDefault(itemMetaOf(atom), k);
      if (def === undefined) {
        throw new ValidationError(where(), `element ${index}: associative list with keys has an element that omits key field ${JSON.stringify(k)} (and doesn't have default value)`);
      }
      fields.push([k, def]);
    }
    return keyPE(fields);
  }
  if (isObject(child)) throw new ValidationError(where(), `element ${index}: associative list without keys has an element that's a map type`);
  if (Array.isArray(child)) throw new ValidationError(where(), `element ${index}: not supported: associative list with lists as elements`);
  if (child === null) throw new ValidationError(where(), `element ${index}: associative list without keys has an element that's an explicit null`);
  return valuePE(child);
}

// Path elements of managed fields, kept in their fieldsV1 spelling: `f:<field>`, `k:<key json>`,
// `v:<value json>`, `i:<index>`. Models sigs.k8s.io/structured-merge-diff/v4 (v4.4.2, what
// Kubernetes v1.32 pins) fieldpath/element.go (Compare, String), fieldpath/serialize-pe.go and
// value/value.go (Compare, ToString).
import { type Json, compareStrings, goFloat, goJsonMarshal, goJsonString, goQuote, isObject } from '../../api/patch';

/** A path element in its serialized fieldsV1 form, e.g. `f:spec` or `k:{"name":"nginx"}`. */
export type PE = string;

/** A path: the elements from the object's root. */
export type Path = readonly PE[];

// Elements are built for every field of every write: one string per spelling (flat, its hash
// computed once) is cheaper to build and to look up. Bounded: when full, it starts over.
const MEMO_LIMIT = 65_536;
const fieldPEs = new Map<string, PE>();
const singleKeyPEs = new Map<string, Map<string, PE>>();

/** The `f:` element of a field or map key. */
export function fieldPE(name: string): PE {
  let pe = fieldPEs.get(name);
  if (pe === undefined) {
    pe = `f:${name}`;
    if (fieldPEs.size >= MEMO_LIMIT) fieldPEs.clear();
    fieldPEs.set(name, pe);
  }
  return pe;
}

/** The `k:` element of an associative list item: its key fields, sorted by name, as compact JSON. */
export function keyPE(fields: readonly [string, Json][]): PE {
  if (fields.length === 1 && typeof fields[0][1] === 'string') {
    // The common key: one string field (a container's name, a condition's type).
    const [name, value] = fields[0] as [string, string];
    let byValue = singleKeyPEs.get(name);
    if (byValue === undefined) singleKeyPEs.set(name, (byValue = new Map()));
    let pe = byValue.get(value);
    if (pe === undefined) {
      pe = `k:{${goJsonString(name)}:${goJsonMarshal(value)}}`;
      if (byValue.size >= MEMO_LIMIT) byValue.clear();
      byValue.set(value, pe);
    }
    return pe;
  }
  const sorted = fields.length > 1 ? [...fields].sort((a, b) => compareStrings(a[0], b[0])) : fields;
  return `k:{${sorted.map(([n, v]) => `${goJsonString(n)}:${goJsonMarshal(v)}`).join(',')}}`;
}

/** The `v:` element of a set item. */
export function valuePE(v: Json): PE {
  return `v:${goJsonMarshal(v)}`;
}

interface Parsed {
  readonly type: 0 | 1 | 2 | 3; // f, k, v, i: the order of PathElement.Compare
  readonly name?: string;
  readonly key?: readonly [string, Json][];
  readonly value?: Json;
  readonly index?: number;
}

const parsedCache = new Map<string, Parsed>();

/** Parses a serialized element; undefined for an unknown type (skipped, as upstream skips it). */
export function parsePE(pe: PE): Parsed | undefined {
  const hit = parsedCache.get(pe);
  if (hit) return hit;
  let p: Parsed | undefined;
  if (pe.length < 2 || pe[1] !== ':') return undefined;
  const rest = pe.slice(2);
  try {
    switch (pe[0]) {
      case 'f': p = { type: 0, name: rest }; break;
      case 'k': {
        const o = JSON.parse(rest) as Record<string, Json>;
        if (!isObject(o)) return undefined;
        p = { type: 1, key: Object.keys(o).sort(compareStrings).map((k) => [k, o[k]] as [string, Json]) };
        break;
      }
      case 'v': p = { type: 2, value: JSON.parse(rest) as Json }; break;
      case 'i': {
        if (!/^[+-]?\d+$/.test(rest)) return undefined;
        p = { type: 3, index: Number(rest) };
        break;
      }
      default: return undefined;
    }
  } catch {
    return undefined;
  }
  if (parsedCache.size > 50_000) parsedCache.clear();
  parsedCache.set(pe, p);
  return p;
}

/** The canonical spelling of a parsed element (key fields sorted, compact JSON). */
export function canonicalPE(pe: PE): PE | undefined {
  const p = parsePE(pe);
  if (!p) return undefined;
  switch (p.type) {
    case 0: return pe;
    case 1: return keyPE(p.key!);
    case 2: return valuePE(p.value!);
    default: return `i:${p.index}`;
  }
}

function typeRank(v: Json): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (v !== null) return 4;
  return 5;
}

/** value.Compare: numbers, then strings, bools, lists, maps, null; each compared within its kind. */
export function compareValues(a: Json, b: Json): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1: return compareStrings(a as string, b as string);
    case 2: return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const x = a as Json[];
      const y = b as Json[];
      for (let i = 0; ; i++) {
        if (i >= x.length && i >= y.length) return 0;
        if (i >= x.length) return -1;
        if (i >= y.length) return 1;
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
    }
    case 4: return compareStrings(goJsonMarshal(a), goJsonMarshal(b));
    default: return 0;
  }
}

/** PathElement.Compare: fields < keys < values < indices, then within each kind. */
export function comparePE(a: PE, b: PE): number {
  if (a === b) return 0;
  // Two fields compare by name, which is how their spellings compare.
  if (a.charCodeAt(0) === 102 && b.charCodeAt(0) === 102) return compareStrings(a, b);
  const pa = parsePE(a);
  const pb = parsePE(b);
  if (!pa || !pb) return compareStrings(a, b);
  if (pa.type !== pb.type) return pa.type < pb.type ? -1 : 1;
  switch (pa.type) {
    case 0: return compareStrings(pa.name!, pb.name!);
    case 1: {
      const x = pa.key!;
      const y = pb.key!;
      for (let i = 0; ; i++) {
        if (i >= x.length && i >= y.length) return 0;
        if (i >= x.length) return -1;
        if (i >= y.length) return 1;
        const c = compareStrings(x[i][0], y[i][0]) || compareValues(x[i][1], y[i][1]);
        if (c !== 0) return c;
      }
    }
    case 2: return compareValues(pa.value!, pb.value!);
    default: return pa.index! < pb.index! ? -1 : pa.index! > pb.index! ? 1 : 0;
  }
}

// value.ToString: strings Go-quoted, numbers and bools as %v, lists [a,b], maps k=v run together.
function valueToString(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(valueToString).join(',')}]`;
  return Object.keys(v).map((k) => `${k}=${valueToString(v[k])}`).join('');
}

/** PathElement.String: `.name`, `[name="nginx"]`, `[=value]`, `[0]`. */
export function peString(pe: PE): string {
  const p = parsePE(pe);
  if (!p) return '{{invalid path element}}';
  switch (p.type) {
    case 0: return `.${p.name}`;
    case 1: return `[${p.key!.map(([n, v]) => `${n}=${valueToString(v)}`).join(',')}]`;
    case 2: return `[=${valueToString(p.value!)}]`;
    default: return `[${p.index}]`;
  }
}

/** Path.String: `.spec.template.spec.containers[name="nginx"].image` */
export function pathString(path: Path): string {
  return path.map(peString).join('');
}

// The merged schema: the generated .d.ts definitions plus the hand-kept Go facts, resolved into typed
// definitions on first use. Everything else in this folder reads the schema through here.
import { DEFS, KIND_DEFS } from './k8s-schema.generated';
import { GO_NAMED_CONTAINERS, GO_TYPES } from './go-types';
import { ENUMS } from './go-enums';
import { GO_EMIT } from './go-emit';
import { GO_ORDER } from './go-order';
import { ATOMIC_STRUCTS, PATCH_FACTS } from './patch-facts';
import type { FieldPatchFacts } from './patch-facts';
import { ADDED_DEFS, ADDED_FIELDS, NOW_REQUIRED, REMOVED_FIELDS } from './v1-32-additions';
import { DESCRIPTIONS_V1_32 } from './v1-32-descriptions';
import { F_READONLY, F_REQUIRED } from './raw';
import type { RawDef, RawField, TypeRef } from './raw';

/** What a schema position holds, as the JSON decoder sees it. */
export type SchemaKind = 'string' | 'int' | 'bool' | 'quantity' | 'intOrString' | 'time' | 'microTime' | 'raw' | 'any'
  | 'bytes' | 'struct' | 'list' | 'map';

/** A resolved type. `go` is the Go type as reflect prints it ("int32", "[]v1.ContainerPort", "v1.Protocol"). */
export interface SchemaType {
  readonly kind: SchemaKind;
  readonly ref: TypeRef;
  readonly go: string;
  /** 32 or 64 for kind 'int'. */
  readonly bits?: 32 | 64;
  /** The values of an `+enum` string type. */
  readonly enumValues?: readonly string[];
  /** The definition of a 'struct'. */
  readonly def?: SchemaDef;
  /** The item type of a 'list', the value type of a 'map'. */
  readonly elem?: SchemaType;
}

/** How Go's encoder writes an unset field: `zero` the type's zero value, `null` for nil pointers/slices/maps. */
export type EmitMode = 'zero' | 'null';

/** One field of a definition. */
export interface SchemaField {
  readonly name: string;
  readonly type: SchemaType;
  readonly description: string;
  readonly required: boolean;
  readonly readonly: boolean;
  /** Set when Go's encoder always writes this field (no omitempty, or a non-pointer struct). */
  readonly emit?: EmitMode;
  readonly patch?: FieldPatchFacts;
}

/** One definition (a Go struct). */
export interface SchemaDef {
  readonly key: string;
  /** The Go struct name, as decode errors print it ("DeploymentSpec"). */
  readonly goName: string;
  readonly description: string;
  readonly fields: ReadonlyMap<string, SchemaField>;
  /** `+structType=atomic`. */
  readonly atomic: boolean;
  /** Field names in Go declaration order (the order Go's encoder writes them). */
  readonly goOrder: readonly string[];
}

const ADDED_KINDS: Record<string, string> = {
  'meta.k8s.io/v1/Table': 'meta.v1.Table',
  'meta.k8s.io/v1/PartialObjectMetadata': 'meta.v1.PartialObjectMetadata',
  'meta.k8s.io/v1/PartialObjectMetadataList': 'meta.v1.PartialObjectMetadataList',
};

function rawDef(key: string): RawDef | undefined {
  return DEFS[key] ?? ADDED_DEFS[key];
}

/** reflect's name for a definition key: "core.v1.PodSpec" → "v1.PodSpec". */
function goNameOf(key: string): string {
  const p = key.split('.');
  return `${p[p.length - 2]}.${p[p.length - 1]}`;
}

/** The Go type the .d.ts type implies, when no fact overrides it. */
function impliedGo(ref: TypeRef): string {
  if (ref.startsWith('[]')) return `[]${impliedGo(ref.slice(2))}`;
  if (ref.startsWith('{}')) return `map[string]${impliedGo(ref.slice(2))}`;
  switch (ref) {
    case 's': return 'string';
    case 'n': return 'int32';
    case 'b': return 'bool';
    case 'q': return 'resource.Quantity';
    case 'ios': return 'intstr.IntOrString';
    case 't': return 'v1.Time';
    case 'mt': return 'v1.MicroTime';
    case 'raw': return 'runtime.RawExtension';
    case 'any': return 'interface {}';
  }
  return goNameOf(ref);
}

/** Item/value Go type of a list or map Go type ("[]v1.X" → "v1.X", "map[v1.ResourceName]resource.Quantity" → …). */
function elemGo(go: string): string {
  const named = GO_NAMED_CONTAINERS[go];
  if (named) return elemGo(named);
  if (go.startsWith('[]')) return go.slice(2);
  if (go.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < go.length; i++) {
      if (go[i] === '[') depth++;
      else if (go[i] === ']' && --depth === 0) return go.slice(i + 1);
    }
  }
  return go;
}

function typeOf(ref: TypeRef, go: string): SchemaType {
  if (ref.startsWith('[]')) return { kind: 'list', ref, go, elem: typeOf(ref.slice(2), elemGo(go)) };
  if (ref.startsWith('{}')) return { kind: 'map', ref, go, elem: typeOf(ref.slice(2), elemGo(go)) };
  switch (ref) {
    case 's':
      if (go === '[]uint8') return { kind: 'bytes', ref, go };
      return ENUMS[go] ? { kind: 'string', ref, go, enumValues: enumValues(go) } : { kind: 'string', ref, go };
    case 'n': return { kind: 'int', ref, go, bits: go === 'int64' ? 64 : 32 };
    case 'b': return { kind: 'bool', ref, go };
    case 'q': return { kind: 'quantity', ref, go };
    case 'ios': return { kind: 'intOrString', ref, go };
    case 't': return { kind: 'time', ref, go };
    case 'mt': return { kind: 'microTime', ref, go };
    case 'raw': return { kind: 'raw', ref, go };
    case 'any': return { kind: 'any', ref, go };
  }
  // Struct definitions resolve lazily: the graph has cycles (JSONSchemaProps, OwnerReference chains).
  return { kind: 'struct', ref, go, get def() { return getDef(ref)!; } } as SchemaType;
}

const enumValueCache = new Map<string, readonly string[]>();
function enumValues(go: string): readonly string[] {
  let v = enumValueCache.get(go);
  if (!v) enumValueCache.set(go, (v = ENUMS[go].map(([value]) => value)));
  return v;
}

/**
 * The description the OpenAPI gives a field of an enum type: its own, then "Possible enum values:" and one
 * line per value (kube-openapi pkg/generators/enum.go DescriptionLines; openapi.go generateDescription
 * trims each line's trailing spaces). The .d.ts leaves the enum part out.
 */
function withEnumDescription(description: string, go: string): string {
  const lines = ENUMS[go].map(([v, c]) => ` - \`${JSON.stringify(v)}\`${c ? ` ${c}` : ''}`);
  return `${description}${description ? '\n\n' : ''}Possible enum values:\n${lines.join('\n')}`;
}

const cache = new Map<string, SchemaDef | null>();

function buildDef(key: string): SchemaDef | undefined {
  const raw = rawDef(key);
  if (!raw) return undefined;
  const rawFields = raw[1];
  const all: [string, RawField][] = [...Object.entries(rawFields), ...Object.entries(ADDED_FIELDS[key] ?? {})];
  const removed = REMOVED_FIELDS[key] ?? [];
  const goTypes = GO_TYPES[key] ?? {};
  const patch = PATCH_FACTS[key] ?? {};
  const emit = new Map<string, EmitMode>();
  for (const e of (GO_EMIT[key] ?? '').split(' ')) {
    if (e) emit.set(e.replace(/\*$/, ''), e.endsWith('*') ? 'null' : 'zero');
  }
  const fields = new Map<string, SchemaField>();
  for (const [name, rawField] of all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (removed.includes(name)) continue;
    const [ref, , flags = 0, literals] = rawField;
    const type = typeOf(ref, goTypes[name] ?? impliedGo(ref));
    const f: SchemaField = {
      name, type: literals ? { ...type, enumValues: literals } : type,
      // Read on access: in the built worker the descriptions arrive later than the definitions (docs.ts).
      get description() {
        const desc = DESCRIPTIONS_V1_32[key]?.[name] ?? rawField[1];
        return type.kind === 'string' && type.enumValues ? withEnumDescription(desc, type.go) : desc;
      },
      required: (flags & F_REQUIRED) !== 0 || (NOW_REQUIRED[key]?.includes(name) ?? false), readonly: (flags & F_READONLY) !== 0,
      ...(emit.has(name) ? { emit: emit.get(name) } : {}),
      ...(patch[name] ? { patch: patch[name] } : {}),
    };
    fields.set(name, f);
  }
  const order = GO_ORDER[key]?.split(' ').filter((n) => fields.has(n));
  return { key, goName: key.slice(key.lastIndexOf('.') + 1), get description() { return DESCRIPTIONS_V1_32[key]?.$ ?? raw[0]; },
    fields, atomic: ATOMIC_STRUCTS.has(key),
    goOrder: order && order.length === fields.size ? order : [...fields.keys()] };
}

/** The definition with this key ("core.v1.Pod"), or undefined. */
export function getDef(key: string): SchemaDef | undefined {
  let d = cache.get(key);
  if (d === undefined) {
    d = buildDef(key) ?? null;
    cache.set(key, d);
  }
  return d ?? undefined;
}

/** The definition key of a top-level kind ("apps/v1", "Deployment" → "apps.v1.Deployment"). */
export function defKeyForKind(apiVersion: string, kind: string): string | undefined {
  const k = `${apiVersion}/${kind}`;
  return KIND_DEFS[k] ?? ADDED_KINDS[k];
}

/** The definition of a top-level kind, or undefined when the schema does not know it. */
export function defForKind(apiVersion: string, kind: string): SchemaDef | undefined {
  const key = defKeyForKind(apiVersion, kind);
  return key ? getDef(key) : undefined;
}

/** A struct type for a definition key (the root of a decode). */
export function structType(key: string): SchemaType {
  return typeOf(key, goNameOf(key));
}

/** Every "apiVersion/Kind" the schema knows. */
export function knownKinds(): string[] {
  return [...Object.keys(KIND_DEFS), ...Object.keys(ADDED_KINDS)];
}

/** The Go struct name of a kind ("Deployment"), as decode errors print it; undefined for unknown kinds. */
export function goStructName(apiVersion: string, kind: string): string | undefined {
  return defForKind(apiVersion, kind)?.goName;
}

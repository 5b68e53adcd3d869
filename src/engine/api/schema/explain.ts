// The data `kubectl explain` prints. Models the OpenAPI v3 walk of k8s.io/kubectl pkg/explain/v2/templates/
// plaintext.tmpl (v0.32): "output" follows the field path through properties, list items and map values;
// "description" prints the field's description then its type's; "typeGuess" names the type.
import { SPECIAL_DOCS } from './k8s-schema.generated';
import { defForKind, defKeyForKind } from './model';
import type { SchemaDef, SchemaField, SchemaType } from './model';

/** One line of the FIELDS list. */
export interface ExplainFieldInfo {
  name: string;
  /** As explain prints it between <>: "string", "integer", "[]Container", "map[string]string", "ObjectMeta". */
  typeName: string;
  required: boolean;
  description: string;
  enumValues?: readonly string[];
}

/** What explain shows for a kind or one of its fields. */
export interface ExplainResult {
  group: string;
  kind: string;
  version: string;
  /** The field named by the last path element; absent when explaining the kind itself. */
  field?: { name: string; typeName: string; enumValues?: readonly string[] };
  /** DESCRIPTION paragraphs: the field's own description, then its type's (as the template prints both). */
  descriptions: string[];
  /** FIELDS, sorted by name; empty for a scalar. */
  fields: ExplainFieldInfo[];
}

// k8s.io/apimachinery pkg/util/intstr/intstr.go IntOrString doc comment (not in the .d.ts).
const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

/** typeGuess of plaintext.tmpl over the OpenAPI v3 shapes of our types. */
export function explainTypeName(t: SchemaType): string {
  switch (t.kind) {
    case 'list': return `[]${explainTypeName(t.elem!)}`;
    case 'map': return `map[string]${explainTypeName(t.elem!)}`;
    case 'struct': return t.def!.goName;
    case 'string': case 'bytes': case 'time': case 'microTime': return 'string';
    case 'int': return 'integer';
    case 'bool': return 'boolean';
    case 'quantity': return 'Quantity';
    case 'intOrString': return 'IntOrString';
    case 'raw': return 'RawExtension';
    case 'any': return 'FieldsV1';
  }
}

// The description of what a type refers to (a definition, or a special scalar's own schema).
function typeDescription(t: SchemaType): string | undefined {
  switch (t.kind) {
    case 'struct': return t.def!.description;
    case 'list': case 'map': return typeDescription(t.elem!);
    case 'quantity': return SPECIAL_DOCS.q;
    case 'intOrString': return INT_OR_STRING_DOC;
    case 'time': return SPECIAL_DOCS.t;
    case 'microTime': return SPECIAL_DOCS.mt;
    case 'raw': return SPECIAL_DOCS.raw;
    case 'any': return SPECIAL_DOCS.any;
    default: return undefined;
  }
}

// The definition whose fields a position lists: through list items and map values.
function fieldsOf(t: SchemaType): SchemaDef | undefined {
  if (t.kind === 'struct') return t.def;
  if (t.kind === 'list' || t.kind === 'map') return fieldsOf(t.elem!);
  return undefined;
}

function fieldList(def: SchemaDef | undefined): ExplainFieldInfo[] {
  if (!def) return [];
  return [...def.fields.values()].map((f) => ({
    name: f.name, typeName: explainTypeName(f.type), required: f.required, description: f.description,
    ...(f.type.enumValues && f.name !== 'apiVersion' && f.name !== 'kind' ? { enumValues: f.type.enumValues } : {}),
  }));
}

/** For `kubectl explain pods.spec.containers`: the field's type name, description and its fields. */
export function explainField(apiVersion: string, kind: string, path: string[]): ExplainResult | undefined {
  const root = defForKind(apiVersion, kind);
  if (!root || !defKeyForKind(apiVersion, kind)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const base = { group, kind, version };
  if (path.length === 0) return { ...base, descriptions: [root.description], fields: fieldList(root) };
  let holder: SchemaField | undefined;
  let def: SchemaDef | undefined = root;
  for (const name of path) {
    holder = def?.fields.get(name);
    if (!holder) return undefined;
    def = fieldsOf(holder.type);
  }
  const f = holder!;
  const descriptions = [f.description, typeDescription(f.type)].filter((d): d is string => !!d);
  const enumValues = f.type.enumValues && f.name !== 'apiVersion' && f.name !== 'kind' ? { enumValues: f.type.enumValues } : {};
  return {
    ...base,
    field: { name: f.name, typeName: explainTypeName(f.type), ...enumValues },
    descriptions, fields: fieldList(def),
  };
}

// The compact shape of the generated schema (k8s-schema.generated.ts) and of the hand-kept additions.
// Kept small on purpose: the whole schema ships to the browser worker.

/**
 * A type in the compact schema:
 * - `s` string, `n` integer (int32 unless go-facts.ts says int64), `b` boolean
 * - `q` resource.Quantity, `ios` intstr.IntOrString, `t` metav1.Time, `mt` metav1.MicroTime
 * - `raw` runtime.RawExtension, `any` free-form JSON (FieldsV1, Patch)
 * - a definition key such as `core.v1.Container`
 * - `[]<type>` a list, `{}<type>` a map with string keys
 */
export type TypeRef = string;

/** Field flag: the OpenAPI schema lists the field as required. */
export const F_REQUIRED = 1;
/** Field flag: the field is documented read-only (status and other server-set fields). */
export const F_READONLY = 2;

/** One field: its type, its description, flags (F_*), and enum values when the type is a literal. */
export type RawField = [type: TypeRef, description: string, flags?: number, enumValues?: string[]];

/** One definition (a Go struct): its description and its fields by JSON name. */
export type RawDef = [description: string, fields: Record<string, RawField>];

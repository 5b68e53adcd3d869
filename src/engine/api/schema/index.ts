// engine/api/schema: the type schema of every served kind (from kubernetes-types plus hand-kept Go facts),
// the request-body decoder, patch metadata, JSON Schema for the editor and data for kubectl explain.
export { decode, strictDecodingMessage, strictDecodingWarnings } from './decode';
export type { DecodeOptions, DecodeResult, Target } from './decode';
export { patchMetaFor } from './patch-meta';
export type { PatchMeta } from './patch-meta';
export { jsonSchemaFor } from './json-schema';
export { explainField, explainTypeName } from './explain';
export type { ExplainResult, ExplainFieldInfo } from './explain';
export { fillZeroValues, fillZeroValuesShared } from './zero-values';
export type { FillOptions } from './zero-values';
export { getDef, defForKind, defKeyForKind, knownKinds, goStructName } from './model';
export type { SchemaDef, SchemaField, SchemaType, SchemaKind, EmitMode } from './model';
export type { FieldPatchFacts } from './patch-facts';
export { decodeQuantity, ERR_FORMAT_WRONG, ERR_SUFFIX, ERR_NUMERIC } from './go-quantity';
export { canonicalTime, GoTimeParseError, RFC3339, RFC3339_MICRO } from './go-time';
export { base64Decode, base64Encode, CorruptInputError } from './go-base64';
export { goJsonMarshal } from './go-json';
export { SCHEMA_SOURCE, SPECIAL_DOCS } from './k8s-schema.generated';
export { loadSchemaDocs, schemaDocsLoaded } from './docs';


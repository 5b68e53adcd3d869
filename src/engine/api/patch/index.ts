// engine/api/patch: every patch the API server and kubectl apply use. JSON merge patch (RFC 7386),
// JSON patch (RFC 6902), strategic merge patch (apply, two-way and three-way diff), the PatchMeta
// facts they need, and Go-compatible printing of JSON for byte-exact wire data and error texts.
export type { PatchMeta, MetaDesc, MetaOpts } from './patch-meta';
export { childMeta, itemMeta, splitPatchStrategy, S, UNKNOWN, obj, map, list, keyedList } from './patch-meta';
export { jsonMergePatch, createMergePatch, createThreeWayJsonMergePatch, hasConflicts, requireKeyUnchanged,
  requireMetadataKeyUnchanged, ERR_BAD_JSON_PATCH, ERR_BAD_JSON_DOCUMENT } from './json-merge-patch';
export type { PreconditionFunc } from './json-merge-patch';
export { jsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch';
export type { JsonPatchOperation } from './json-patch';
export { strategicMergePatch } from './strategic-merge';
export { createTwoWayMergePatch, createThreeWayMergePatch, mergingMapsHaveConflicts } from './strategic-diff';
export { PatchError, GENERIC_INVALID_MESSAGE, ERR_BAD_JSON_DOC, ERR_NO_LIST_OF_LISTS, ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS, ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS,
  ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT } from './patch-errors';
export { goJsonMarshal, goJsonString, goV, goQuote, goFloat, isObject, sortedKeys, compareStrings } from './go-format';
export type { Json, JsonObject } from './go-format';

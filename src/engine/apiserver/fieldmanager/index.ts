// apiserver/fieldmanager: managedFields on every write and server-side apply. Models apimachinery
// util/managedfields and sigs.k8s.io/structured-merge-diff/v4 (field sets, typed compare and merge).
export { updateManagedFields, serverSideApply, gvkString } from './field-manager';
export type { UpdateOptions, ApplyOptions, ApplyResult } from './field-manager';
export { FieldSet, FieldSetBuilder } from './fieldset';
export { fieldPE, keyPE, valuePE, pathString, comparePE } from './path-element';
export type { PE, Path } from './path-element';
export { toFieldSet } from './to-field-set';
export { compare } from './compare';
export type { Comparison } from './compare';
export { buildManagerIdentifier, decodeManagedFields, encodeManagedFields } from './managed-fields';
export { conflictMessage, printManager, newConflictError } from './conflict';
export type { Conflict } from './conflict';
export { resetFieldsFor } from './reset-fields';
export { emptyObjectFor } from './empty-object';
export { LAST_APPLIED_CONFIG_ANNOTATION } from './last-applied';
export { DEFAULT_MAX_UPDATE_MANAGERS } from './cap-managers';
export { managerFromUserAgent } from './manager-name';

// engine/api: object types, the kinds registry, request/response shapes, errors and pure helpers.
export { RESOURCES, resourceFor, resourceForKind, parseApiVersion, apiVersionOf, groupResource, groupKind,
  servedGroupVersions } from './kinds';
export type { ResourceInfo } from './kinds';
export type * from './types';
export type { ApiRequest, ApiResponse, ApiHandler, WatchHandle, Verb, PatchType } from './request';
export { StatusError, newNotFound, newAlreadyExists, newConflict, newApplyConflict, newInvalid, newBadRequest,
  newMethodNotSupported, newForbidden, newResourceExpired, newGone, newInternalError, newUnsupportedMediaType,
  newRequestEntityTooLarge, OPTIMISTIC_LOCK_ERROR_MSG, aggregateMessages, reasonOf, isNotFound, isAlreadyExists,
  isConflict, isInvalid, isForbidden, isGone } from './errors';
export type { StatusReason } from './errors';
export { FieldError, FieldPath, OMIT_VALUE, GoSyntax, goQuote, formatBadValue, required, invalid, forbidden, duplicate, notFound, tooLong,
  tooMany, notSupported, internalError } from './field';
export type { FieldErrorType } from './field';
export { parseSelector, labelSelectorAsSelector, selectorFromSet, formatLabelSelector, qualifiedNameErrors,
  labelValueErrors, SelectorParseError, EVERYTHING, NOTHING } from './labels';
export type { Selector, Requirement, Operator } from './labels';
export { parseFieldSelector, fieldsMatch, FieldSelectorParseError } from './fields';
export type { FieldRequirement } from './fields';
export { parseQuantity, formatQuantity, canonicalQuantity, quantityValue, quantityMilli, isQuantity,
  QuantityParseError } from './quantity';
export type { Quantity, QuantityFormat } from './quantity';
export { keyOf, makeKey, splitKey, controllerOf, deepFreeze, shareImmutable, isShareable, clone, shallowCopy, deepEqual, isTerminating } from './meta';
export type { ObjectKey } from './meta';
export { humanDuration, shortHumanDuration, timestampMillis, translateTimestampSince } from './duration';
export { goJsonSyntaxError, parseGoJson } from './go-json-syntax';

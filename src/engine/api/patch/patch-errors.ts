// Patch errors as the API server surfaces them. Each is a StatusError (what the server answers) that
// also keeps the library's own error text in `detail` (what kubectl prints when it builds a patch).
// Models util/mergepatch/errors.go and endpoints/handlers/patch.go interpretStrategicMergePatchError.
import { StatusError } from '../errors';
import type { ApiStatus } from '../types';

/** A failed patch: the server's Status, plus the patch library's error text. */
export class PatchError extends StatusError {
  constructor(readonly detail: string, status: ApiStatus) {
    super(status);
  }
}

/** errors.NewBadRequest(detail): 400 carrying the library's text. */
export function patchBadRequest(detail: string): PatchError {
  return new PatchError(detail, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: detail,
    reason: 'BadRequest', code: 400 });
}

/** The generic 422 message of errors.NewGenericServerResponse; the library's text is not sent. */
export const GENERIC_INVALID_MESSAGE = 'the server rejected our request due to an error in our request';

/**
 * errors.NewGenericServerResponse(422, …, detail, …): reason Invalid, empty details, and the detail
 * dropped (kubectl prints "The request is invalid: the server rejected our request due to an error in our request").
 */
export function patchInvalid(detail: string): PatchError {
  return new PatchError(detail, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: GENERIC_INVALID_MESSAGE, reason: 'Invalid', details: {}, code: 422 });
}

/**
 * A plain Go error reaching the handler (responsewriters.ErrorToAPIStatus): 500, no reason, the error
 * text as the message (kubectl prints "Error from server: <text>").
 */
export function patchInternal(detail: string): PatchError {
  return new PatchError(detail, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: detail, code: 500 });
}

/** mergepatch.ErrBadJSONDoc */
export const ERR_BAD_JSON_DOC = 'invalid JSON document';
/** mergepatch.ErrNoListOfLists */
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported';
/** mergepatch.ErrBadPatchFormatForPrimitiveList */
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = 'invalid patch format of primitive list';
/** mergepatch.ErrBadPatchFormatForRetainKeys */
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = 'invalid patch format of retainKeys';
/** mergepatch.ErrBadPatchFormatForSetElementOrderList */
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = 'invalid patch format of setElementOrder list';
/** mergepatch.ErrPatchContentNotMatchRetainKeys */
export const ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS = "patch content doesn't match retainKeys list";
/** mergepatch.ErrUnsupportedStrategicMergePatchFormat */
export const ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT = 'strategic merge patch format is not supported';

const SMP_BAD_REQUEST = new Set([ERR_BAD_JSON_DOC, ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST, ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT]);
const SMP_INVALID = new Set([ERR_NO_LIST_OF_LISTS, ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS]);

/** A strategic merge patch error, classified as patch.go interpretStrategicMergePatchError does. */
export function smpError(detail: string): PatchError {
  if (SMP_BAD_REQUEST.has(detail)) return patchBadRequest(detail);
  if (SMP_INVALID.has(detail)) return patchInvalid(detail);
  return patchInternal(detail);
}

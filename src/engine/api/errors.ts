// API errors as the API server words them. Models k8s.io/apimachinery/pkg/api/errors/errors.go.
import type { ApiStatus, StatusDetails } from './types';
import type { FieldError } from './field';
import { groupKind, groupResource } from './kinds';

/** The reason strings of metav1.StatusReason. */
export type StatusReason =
  | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'MethodNotAllowed' | 'Gone' | 'Expired'
  | 'Forbidden' | 'Unauthorized' | 'InternalError' | 'Timeout' | 'TooManyRequests' | 'NotAcceptable'
  | 'UnsupportedMediaType' | 'ServiceUnavailable' | 'RequestEntityTooLarge' | '';

/** An error that carries a Status; what every API failure is. */
export class StatusError extends Error {
  constructor(readonly status: ApiStatus) {
    super(status.message ?? '');
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

type GR = { group: string; resource: string };
type GK = { group: string; kind: string };

function status(code: number, reason: StatusReason, message: string, details?: StatusDetails): ApiStatus {
  const s: ApiStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

/** 404: `pods "x" not found` */
export function newNotFound(gr: GR, name: string): StatusError {
  return new StatusError(status(404, 'NotFound', `${groupResource(gr)} "${name}" not found`,
    { name, group: gr.group || undefined, kind: gr.resource }));
}

/** 409: `pods "x" already exists` */
export function newAlreadyExists(gr: GR, name: string): StatusError {
  return new StatusError(status(409, 'AlreadyExists', `${groupResource(gr)} "${name}" already exists`,
    { name, group: gr.group || undefined, kind: gr.resource }));
}

/** The Conflict detail for a stale resourceVersion (registry/generic/registry/store.go OptimisticLockErrorMsg). */
export const OPTIMISTIC_LOCK_ERROR_MSG = 'the object has been modified; please apply your changes to the latest version and try again';

/** 409: `Operation cannot be fulfilled on pods "x": <detail>` */
export function newConflict(gr: GR, name: string, detail: string): StatusError {
  return new StatusError(status(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(gr)} "${name}": ${detail}`,
    { name, group: gr.group || undefined, kind: gr.resource }));
}

/** 409 from server-side apply: a bare Conflict with causes, as the field manager words it. */
export function newApplyConflict(causes: { field: string; message: string }[], message: string): StatusError {
  return new StatusError(status(409, 'Conflict', message,
    { causes: causes.map((c) => ({ reason: 'FieldManagerConflict', message: c.message, field: c.field })) }));
}

/** utilerrors aggregate: one message as is; several as "[a, b]" with duplicates dropped. */
export function aggregateMessages(msgs: readonly string[]): string {
  const seen: string[] = [];
  for (const m of msgs) if (!seen.includes(m)) seen.push(m);
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}

/** 422: `Pod "x" is invalid: spec.containers[0].image: Required value` */
export function newInvalid(gk: GK, name: string, errs: readonly FieldError[]): StatusError {
  const causes = errs.map((e) => ({ reason: e.type, message: e.body(), field: e.field }));
  const agg = errs.length ? `: ${aggregateMessages(errs.map((e) => e.toString()))}` : '';
  return new StatusError(status(422, 'Invalid', `${groupKind(gk)} "${name}" is invalid${agg}`,
    { name, group: gk.group || undefined, kind: gk.kind, causes }));
}

/** 400 */
export function newBadRequest(message: string): StatusError {
  return new StatusError(status(400, 'BadRequest', message));
}

/** 405: `<verb> is not supported on resources of kind "<gr>"` */
export function newMethodNotSupported(gr: GR, action: string): StatusError {
  return new StatusError(status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${groupResource(gr)}"`,
    { group: gr.group || undefined, kind: gr.resource }));
}

/** 403: `pods "x" is forbidden: <detail>` */
export function newForbidden(gr: GR, name: string, detail: string): StatusError {
  return new StatusError(status(403, 'Forbidden', `${groupResource(gr)} "${name}" is forbidden: ${detail}`,
    { name, group: gr.group || undefined, kind: gr.resource }));
}

/** 410 Expired: a watch resumed from a compacted resourceVersion. */
export function newResourceExpired(message: string): StatusError {
  return new StatusError(status(410, 'Expired', message));
}

/** 410 Gone */
export function newGone(message: string): StatusError {
  return new StatusError(status(410, 'Gone', message));
}

/** 500 */
export function newInternalError(message: string): StatusError {
  return new StatusError(status(500, 'InternalError', `Internal error occurred: ${message}`,
    { causes: [{ message }] }));
}

/** 415 */
export function newUnsupportedMediaType(contentType: string): StatusError {
  return new StatusError(status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`));
}

/** 413 */
export function newRequestEntityTooLarge(message: string): StatusError {
  return new StatusError(status(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`));
}

/** Reads the reason of anything thrown. */
export function reasonOf(err: unknown): string {
  return err instanceof StatusError ? err.reason : '';
}
export const isNotFound = (e: unknown) => reasonOf(e) === 'NotFound';
export const isAlreadyExists = (e: unknown) => reasonOf(e) === 'AlreadyExists';
export const isConflict = (e: unknown) => reasonOf(e) === 'Conflict';
export const isInvalid = (e: unknown) => reasonOf(e) === 'Invalid';
export const isForbidden = (e: unknown) => reasonOf(e) === 'Forbidden';
export const isGone = (e: unknown) => reasonOf(e) === 'Gone' || reasonOf(e) === 'Expired';

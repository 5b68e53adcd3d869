// The one request shape every client uses: the in-browser kubectl, the UI, controllers, and the
// HTTP adapter of `kubesim serve`. It mirrors a Kubernetes REST request.
import type { ApiStatus, KubeObject, WatchEvent } from './types';

/** API verbs, as the API server's RequestInfo names them. */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** Content types a patch can have. */
export type PatchType =
  | 'application/json-patch+json'
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/apply-patch+yaml';

/** One API request. */
export interface ApiRequest {
  verb: Verb;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  body?: unknown;
  /**
   * Query parameters as the REST API takes them: labelSelector, fieldSelector, limit, continue,
   * resourceVersion, resourceVersionMatch, allowWatchBookmarks, dryRun, fieldManager, fieldValidation,
   * force, gracePeriodSeconds, propagationPolicy, orphanDependents, timeoutSeconds, includeObject…
   */
  query?: Record<string, string | undefined>;
  patchType?: PatchType;
  /** Ask for a meta.k8s.io/v1 Table instead of the object or list (kubectl get). */
  asTable?: boolean;
  /** The user making the request (kubectl's default is the cluster admin). */
  user?: string;
}

/** The answer: an HTTP-like code and a body (object, list, Table or Status). */
export interface ApiResponse<T = unknown> {
  code: number;
  body: T | ApiStatus;
  /** Warnings for the client (the HTTP Warning header; kubectl prints "Warning: <text>"). */
  warnings?: string[];
}

/** A running watch; stop() ends it (idempotent). */
export interface WatchHandle {
  stop(): void;
}

/** The API server as clients see it. Synchronous: the engine is single-threaded and simulated. */
export interface ApiHandler {
  handle(req: ApiRequest): ApiResponse;
  /**
   * Starts a watch. Events arrive later (never inside this call), in resourceVersion order; a
   * resume from a compacted resourceVersion delivers one ERROR event (410 Expired) and ends.
   */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent<KubeObject | ApiStatus>) => void, onClose?: () => void): WatchHandle;
}

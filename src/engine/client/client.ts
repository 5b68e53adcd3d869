// The only door into the API server for engine components. Models k8s.io/client-go's typed clients:
// every call is an API request; failures are StatusErrors (branch with isNotFound/isConflict).
import type { ApiHandler, ApiRequest, ApiResponse, PatchType, WatchHandle } from '../api/request';
import type { ApiStatus, KubeList, KubeObject, WatchEvent } from '../api/types';
import { StatusError } from '../api/errors';
import { shallowCopy } from '../api/meta';
import type { ResourceRef } from './resources';

/** Options of a list or watch. */
export interface ListOpts {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

/** Options of a write. */
export interface WriteOpts {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  force?: boolean;
}

/** DeleteOptions. */
export interface DeleteOpts {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

const isStatus = (b: unknown): b is ApiStatus => !!b && typeof b === 'object' && (b as ApiStatus).kind === 'Status';

/** A client for one component (its user agent names it as a field manager, as client-go's does). */
export class Client {
  constructor(private readonly api: ApiHandler, readonly userAgent: string) {}

  /** Sends a raw request and returns the response, failures included. */
  request(req: Omit<ApiRequest, 'user'>): ApiResponse {
    // A copy key by key: V8 adds `user` to a `{ ...req }` copy through a slow path (see shallowCopy).
    const r: ApiRequest = shallowCopy(req);
    r.user = this.userAgent;
    return this.api.handle(r);
  }

  private call<T>(req: Omit<ApiRequest, 'user'>): T {
    const res = this.request(req);
    if (res.code >= 400 && isStatus(res.body)) throw new StatusError(res.body);
    return res.body as T;
  }

  get<T extends KubeObject = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string): T {
    return this.call<T>({ verb: 'get', ...ref(r), namespace, name });
  }

  /** GET that answers undefined for NotFound. */
  tryGet<T extends KubeObject = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string): T | undefined {
    const res = this.request({ verb: 'get', ...ref(r), namespace, name });
    if (res.code === 404) return undefined;
    if (res.code >= 400 && isStatus(res.body)) throw new StatusError(res.body);
    return res.body as T;
  }

  list<T extends KubeObject = KubeObject>(r: ResourceRef, namespace?: string, opts: ListOpts = {}): KubeList<T> {
    return this.call<KubeList<T>>({ verb: 'list', ...ref(r), namespace, query: listQuery(opts) });
  }

  create<T extends KubeObject = KubeObject>(r: ResourceRef, obj: KubeObject, opts: WriteOpts = {}): T {
    return this.call<T>({ verb: 'create', ...ref(r), namespace: obj.metadata?.namespace, body: obj, query: writeQuery(opts) });
  }

  update<T extends KubeObject = KubeObject>(r: ResourceRef, obj: KubeObject, opts: WriteOpts = {}): T {
    return this.call<T>({ verb: 'update', ...ref(r), namespace: obj.metadata?.namespace, name: obj.metadata?.name,
      body: obj, query: writeQuery(opts) });
  }

  updateStatus<T extends KubeObject = KubeObject>(r: ResourceRef, obj: KubeObject): T {
    return this.call<T>({ verb: 'update', ...ref(r), namespace: obj.metadata?.namespace, name: obj.metadata?.name,
      subresource: 'status', body: obj });
  }

  patch<T extends KubeObject = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string, patchType: PatchType,
    body: unknown, opts: WriteOpts & { subresource?: string } = {}): T {
    return this.call<T>({ verb: 'patch', ...ref(r), namespace, name, patchType, body, subresource: opts.subresource,
      query: writeQuery(opts) });
  }

  delete(r: ResourceRef, namespace: string | undefined, name: string, opts: DeleteOpts = {}): KubeObject | ApiStatus {
    const { dryRun, ...body } = opts;
    return this.call({ verb: 'delete', ...ref(r), namespace, name, body: { kind: 'DeleteOptions', apiVersion: 'v1', ...body },
      query: dryRun ? { dryRun: 'All' } : undefined });
  }

  /** POST to a subresource (pods/binding, pods/eviction). */
  createSubresource<T = ApiStatus>(r: ResourceRef, namespace: string | undefined, name: string, subresource: string, body: unknown): T {
    return this.call<T>({ verb: 'create', ...ref(r), namespace, name, subresource, body });
  }

  watch(r: ResourceRef, namespace: string | undefined, opts: ListOpts,
    onEvent: (ev: WatchEvent<KubeObject | ApiStatus>) => void, onClose?: () => void): WatchHandle {
    return this.api.watch({ verb: 'watch', ...ref(r), namespace, query: listQuery(opts), user: this.userAgent }, onEvent, onClose);
  }
}

function ref(r: ResourceRef) {
  return { group: r.group, version: r.version, resource: r.resource };
}

function listQuery(o: ListOpts): Record<string, string | undefined> | undefined {
  const q: Record<string, string | undefined> = {};
  if (o.labelSelector) q.labelSelector = o.labelSelector;
  if (o.fieldSelector) q.fieldSelector = o.fieldSelector;
  if (o.limit) q.limit = String(o.limit);
  if (o.continue) q.continue = o.continue;
  if (o.resourceVersion !== undefined) q.resourceVersion = o.resourceVersion;
  if (o.allowWatchBookmarks) q.allowWatchBookmarks = 'true';
  if (o.timeoutSeconds) q.timeoutSeconds = String(o.timeoutSeconds);
  return Object.keys(q).length ? q : undefined;
}

function writeQuery(o: WriteOpts): Record<string, string | undefined> | undefined {
  const q: Record<string, string | undefined> = {};
  if (o.dryRun) q.dryRun = 'All';
  if (o.fieldManager) q.fieldManager = o.fieldManager;
  if (o.fieldValidation) q.fieldValidation = o.fieldValidation;
  if (o.force) q.force = 'true';
  return Object.keys(q).length ? q : undefined;
}

// The API server: one request shape in, an object, list, Table or Status out. Never throws past
// handle(): every failure becomes a Status, as the real server's responses are.
import type { ApiHandler, ApiRequest, ApiResponse, WatchHandle } from '../api/request';
import type { ApiStatus, KubeObject, WatchEvent } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { StatusError, newInternalError, newMethodNotSupported } from '../api/errors';
import type { Store } from '../store';
import type { Clock, Rng } from '../clock';
import { ServerCore, resolve } from './core';
import type { Strategy } from './registry';
import { getObject, listObjects } from './read';
import { createObject, updateObject } from './write';
import { patchObject } from './patch';
import { deleteObject, deleteCollection } from './delete';
import { handleBinding, handleEviction, handleFinalize, handleScale } from './subresources';
import { startWatch } from './watch';
import { handleEphemeralContainers } from './ephemeral-containers';

/** What a connect subresource (log, exec, portforward, attach, proxy) is answered by: the kubelet. */
export type Connector = (req: ApiRequest, obj: KubeObject) => ApiResponse;

/** Options of an API server. */
export interface ApiServerOptions {
  store: Store;
  clock: Clock;
  rng: Rng;
  /** --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds (default 300). */
  defaultTolerationSeconds?: number;
}

/** The simulated kube-apiserver. */
export class ApiServer implements ApiHandler {
  readonly core: ServerCore;
  private readonly connectors = new Map<string, Connector>();
  /** Group/versions served by an extension API server through the aggregator (APIService), e.g. metrics.k8s.io/v1beta1. */
  private readonly apiServices = new Map<string, (req: ApiRequest) => ApiResponse>();
  /** Requests served, by verb (for benchmarks and the UI's activity view). */
  readonly requestCount: Record<string, number> = {};

  constructor(opts: ApiServerOptions) {
    this.core = new ServerCore(opts.store, opts.clock, opts.rng);
    this.core.defaultTolerationSeconds = opts.defaultTolerationSeconds;
  }

  handle(req: ApiRequest): ApiResponse {
    this.requestCount[req.verb] = (this.requestCount[req.verb] ?? 0) + 1;
    try {
      const ext = this.apiServices.get(`${req.group}/${req.version}`);
      if (ext) return ext(req);
      return this.dispatch(req);
    } catch (e) {
      return { code: statusOf(e).code, body: statusOf(e) };
    }
  }

  watch(req: ApiRequest, onEvent: (ev: WatchEvent<KubeObject | ApiStatus>) => void, onClose?: () => void): WatchHandle {
    const info = resolve(req);
    if (!info.verbs.includes('watch')) throw newMethodNotSupported(info, 'watch');
    return startWatch(this.core, info, req, onEvent as (ev: WatchEvent<unknown>) => void, onClose);
  }

  /** Adds hooks to a resource's storage strategy (e.g. the Service IP allocator). */
  extendStrategy(info: ResourceInfo, hooks: Partial<Strategy>): void {
    this.core.strategies.set(`${info.resource}.${info.group}`, { ...this.core.strategy(info), ...hooks });
  }

  /**
   * Proxies a group/version to an extension API server (kube-aggregator with an APIService, as
   * metrics-server registers v1beta1.metrics.k8s.io); a handler of undefined removes it.
   */
  registerAPIService(groupVersion: string, handler: ((req: ApiRequest) => ApiResponse) | undefined): void {
    if (handler) this.apiServices.set(groupVersion, handler);
    else this.apiServices.delete(groupVersion);
  }

  /** Does an extension API server serve this group/version? */
  servesAPIService(groupVersion: string): boolean {
    return this.apiServices.has(groupVersion);
  }

  /** Serves a connect subresource ("pods/log", "pods/exec", …) through a component such as the kubelet. */
  registerConnector(resourceSlashSub: string, c: Connector): void {
    this.connectors.set(resourceSlashSub, c);
  }

  private dispatch(req: ApiRequest): ApiResponse {
    const info = resolve(req);
    const sub = req.subresource;
    if (sub) return this.dispatchSubresource(info, req, sub);
    if (info.resource === 'bindings' && info.group === '' && req.verb === 'create') {
      return handleBinding(this.core, req, resolve({ ...req, resource: 'pods' }));
    }
    const verb = req.verb === 'get' && !req.name ? 'list' : req.verb;
    if (!info.verbs.includes(verb)) throw newMethodNotSupported(info, verb);
    switch (verb) {
      case 'get': return getObject(this.core, info, req);
      case 'list': return listObjects(this.core, info, req);
      case 'create': return createObject(this.core, info, req);
      case 'update': return updateObject(this.core, info, req);
      case 'patch': return patchObject(this.core, info, req);
      case 'delete': return deleteObject(this.core, info, req);
      case 'deletecollection': return deleteCollection(this.core, info, req);
      default: throw newMethodNotSupported(info, verb);
    }
  }

  private dispatchSubresource(info: ResourceInfo, req: ApiRequest, sub: string): ApiResponse {
    const v = req.verb;
    switch (sub) {
      case 'status':
        if (v === 'get') return getObject(this.core, info, req);
        if (v === 'update') return updateObject(this.core, info, req);
        if (v === 'patch') return patchObject(this.core, info, req);
        break;
      case 'scale':
        if (v === 'get' || v === 'update' || v === 'patch') return handleScale(this.core, info, req);
        break;
      case 'binding':
        if (v === 'create') return handleBinding(this.core, req, info);
        break;
      case 'eviction':
        if (v === 'create') return handleEviction(this.core, req, info);
        break;
      case 'finalize':
        if (v === 'update') return handleFinalize(this.core, info, req);
        break;
      case 'ephemeralcontainers':
        if (info.resource === 'pods' && info.group === '' && (v === 'get' || v === 'update' || v === 'patch')) {
          return handleEphemeralContainers(this.core, info, req);
        }
        break;
      default: {
        const c = this.connectors.get(`${info.resource}/${sub}`);
        if (c) {
          const obj = this.core.get(info, req.namespace, req.name ?? '');
          if (!obj) return getObject(this.core, info, req);
          return c(req, obj);
        }
      }
    }
    throw newMethodNotSupported({ group: info.group, resource: `${info.resource}/${sub}` }, v);
  }
}

/** The Status of anything thrown: StatusErrors as they are, anything else a 500 (nothing escapes). */
export function statusOf(e: unknown): ApiStatus {
  if (e instanceof StatusError) return e.status;
  const msg = e instanceof Error ? e.message : String(e);
  return newInternalError(msg).status;
}

// A fake API for controller unit tests: records every request (client-go's fake clientset
// "actions") and keeps a small object map so that gets, creates, updates, patches and deletes
// behave plausibly. Reactors can answer first (errors, conflicts). Not a real API server: no
// validation, no defaulting, no watch events.
import type { ApiHandler, ApiRequest, ApiResponse, ApiStatus, KubeObject, WatchHandle } from '../../../api';
import { apiVersionOf, newAlreadyExists, newNotFound, resourceFor, StatusError } from '../../../api';
import { jsonMergePatch, strategicMergePatch } from '../../../api/patch';
import { patchMetaFor } from '../../../api/schema';
import { Client, Informer, type ResourceRef } from '../../../client';

/** A reactor answers a request, or returns undefined to let the next one (then the default) answer. */
export type Reactor = (req: ApiRequest) => ApiResponse | undefined;

const key = (resource: string, group: string, ns: string | undefined, name: string) => `${group}/${resource}/${ns ?? ''}/${name}`;

/** The fake API. */
export class FakeApi implements ApiHandler {
  /** Every request, in order. */
  readonly actions: ApiRequest[] = [];
  readonly reactors: Reactor[] = [];
  private readonly objects = new Map<string, KubeObject>();
  private seq = 0;

  /** Puts objects in the map (as if they existed). */
  seed(r: ResourceRef, ...objs: KubeObject[]): this {
    for (const o of objs) this.objects.set(key(r.resource, r.group, o.metadata?.namespace, o.metadata?.name ?? ''), o);
    return this;
  }

  /** The stored object, if any. */
  get(r: ResourceRef, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(key(r.resource, r.group, namespace, name));
  }

  /** "verb resource[/subresource]" of every action, e.g. "create pods", "update replicasets/status". */
  verbs(): string[] {
    return this.actions.map((a) => `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}`);
  }

  /** Actions on one resource, without the event writes (which most tests ignore). */
  actionsOn(resource: string): ApiRequest[] {
    return this.actions.filter((a) => a.resource === resource);
  }

  handle(req: ApiRequest): ApiResponse {
    this.actions.push(req);
    for (const r of this.reactors) {
      const res = r(req);
      if (res) return res;
    }
    try {
      return this.answer(req);
    } catch (e) {
      if (e instanceof StatusError) return { code: e.code, body: e.status };
      throw e;
    }
  }

  watch(): WatchHandle {
    return { stop: () => undefined };
  }

  private answer(req: ApiRequest): ApiResponse {
    const info = resourceFor(req.group, req.resource);
    const gr = { group: req.group, resource: req.resource };
    const k = key(req.resource, req.group, req.namespace, req.name ?? '');
    switch (req.verb) {
      case 'get': {
        const o = this.objects.get(k);
        if (!o) throw newNotFound(gr, req.name ?? '');
        return { code: 200, body: o };
      }
      case 'list': {
        const prefix = `${req.group}/${req.resource}/${req.namespace ?? ''}`;
        const items = [...this.objects.entries()].filter(([kk]) => !req.namespace || kk.startsWith(`${prefix}/`)).map(([, o]) => o);
        return { code: 200, body: { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: String(this.seq) }, items } };
      }
      case 'create': {
        if (req.subresource) return { code: 201, body: success(201) };
        const o = structuredClone(req.body) as KubeObject;
        const m: Record<string, any> = (o.metadata ??= {});
        if (!m.name && m.generateName) m.name = `${m.generateName}${String(++this.seq).padStart(5, '0')}`;
        m.namespace = m.namespace ?? req.namespace;
        m.uid = m.uid ?? `uid-${m.name}`;
        m.resourceVersion = String(++this.seq);
        if (info) o.apiVersion = o.apiVersion ?? apiVersionOf(info);
        const kk = key(req.resource, req.group, m.namespace, m.name ?? '');
        if (this.objects.has(kk)) throw newAlreadyExists(gr, m.name ?? '');
        this.objects.set(kk, o);
        return { code: 201, body: o };
      }
      case 'update': {
        const o = structuredClone(req.body) as KubeObject;
        o.metadata = { ...o.metadata, resourceVersion: String(++this.seq) };
        this.objects.set(k, o);
        return { code: 200, body: o };
      }
      case 'patch': {
        const live = this.objects.get(k);
        if (!live) throw newNotFound(gr, req.name ?? '');
        const patched = (req.patchType === 'application/merge-patch+json'
          ? jsonMergePatch(live, req.body)
          : strategicMergePatch(live, req.body, info ? patchMetaFor(apiVersionOf(info), info.kind) : undefined)) as KubeObject;
        patched.metadata = { ...patched.metadata, resourceVersion: String(++this.seq) };
        this.objects.set(k, patched);
        return { code: 200, body: patched };
      }
      case 'delete': {
        const o = this.objects.get(k);
        if (!o) throw newNotFound(gr, req.name ?? '');
        this.objects.delete(k);
        return { code: 200, body: success(200) };
      }
      case 'deletecollection':
        return { code: 200, body: { apiVersion: 'v1', kind: 'List', metadata: {}, items: [] } };
      default:
        return { code: 405, body: success(405) };
    }
  }
}

function success(code: number): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code };
}

/** A reactor that fails every request matching verb and resource with the given status error. */
export function failWith(verb: string, resource: string, err: StatusError, times = Infinity): Reactor {
  let left = times;
  return (req) => {
    if (req.verb !== verb || req.resource !== resource || left <= 0) return undefined;
    left--;
    return { code: err.code, body: err.status };
  };
}

/** A client over a fake API. */
export function fakeClient(api: FakeApi, userAgent = 'test-controller'): Client {
  return new Client(api, userAgent);
}

/** An informer whose cache is filled directly (never started): what a controller's lister reads in a unit test. */
export function seededInformer<T extends KubeObject>(client: Client, r: ResourceRef, objs: readonly T[] = []): Informer<T> {
  const inf = new Informer<T>(client, r);
  for (const o of objs) inf.indexer.set(o);
  return inf;
}



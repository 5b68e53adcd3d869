// The API server's shared state and the small helpers every handler uses.
import type { ApiRequest } from '../api/request';
import type { KubeObject } from '../api/types';
import { resourceFor, type ResourceInfo } from '../api/kinds';
import { newBadRequest, StatusError } from '../api/errors';
import type { ApiStatus } from '../api/types';
import { parseSelector, type Selector, EVERYTHING, SelectorParseError } from '../api/labels';
import { parseFieldSelector, type FieldRequirement, FieldSelectorParseError } from '../api/fields';
import type { Store, Stored } from '../store';
import type { Clock, Rng } from '../clock';
import { rfc3339 } from '../clock';
import { defaultStrategyFor, type Strategy, type StrategyContext } from './registry';
import { Cacher } from './cacher';
import { ServiceAllocator } from './registry/service-alloc';

/** Everything a handler may use. One per API server. */
export class ServerCore {
  readonly strategies = new Map<string, Strategy>();
  private readonly cachers = new Map<string, Cacher>();
  readonly strategyContext: StrategyContext;

  /** Cluster IPs and node ports of Services. */
  readonly serviceAllocator: ServiceAllocator;
  /** --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds (undefined: 300). */
  defaultTolerationSeconds?: number;

  constructor(readonly store: Store, readonly clock: Clock, readonly rng: Rng) {
    this.strategyContext = {
      now: () => clock.now(),
      nowTime: () => rfc3339(clock.now()),
      get: (group, resource, namespace, name) => this.store.get(grKey({ group, resource }), namespace ?? '', name),
    };
    this.serviceAllocator = new ServiceAllocator(rng.fork('service-allocator'), () => store.list('services.'));
    const alloc = this.serviceAllocator;
    const svc = defaultStrategyFor({ group: '', resource: 'services' } as ResourceInfo);
    this.strategies.set('services.', {
      ...svc,
      beginCreate: (obj, _ctx, dryRun) => alloc.allocate(obj, undefined, dryRun),
      beginUpdate: (obj, old, _ctx, dryRun) => alloc.allocate(obj, old, dryRun),
      afterDelete: (obj) => alloc.release(obj),
    });
  }

  strategy(info: ResourceInfo): Strategy {
    const k = grKey(info);
    let s = this.strategies.get(k);
    if (!s) this.strategies.set(k, (s = defaultStrategyFor(info)));
    return s;
  }

  cacher(info: ResourceInfo): Cacher {
    const k = grKey(info);
    let c = this.cachers.get(k);
    if (!c) this.cachers.set(k, (c = new Cacher(k, this.store, this.clock)));
    return c;
  }

  now(): number {
    return this.clock.now();
  }

  nowTime(): string {
    return rfc3339(this.clock.now());
  }

  get(info: ResourceInfo, namespace: string | undefined, name: string): Stored | undefined {
    return this.store.get(grKey(info), info.namespaced ? (namespace ?? '') : '', name);
  }
}

/** The store's key for a resource: "pods.", "deployments.apps". */
export function grKey(r: { group: string; resource: string }): string {
  return `${r.resource}.${r.group}`;
}

/** 404 for a path the server does not serve (handlers.go NotFound). */
export function notFoundPath(): StatusError {
  const s: ApiStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };
  return new StatusError(s);
}

/** Resolves the request's resource, or throws the 404 the real server gives for an unknown path. */
export function resolve(req: ApiRequest): ResourceInfo {
  const info = resourceFor(req.group, req.resource);
  if (!info || info.version !== req.version) throw notFoundPath();
  if (req.subresource && !info.subresources.includes(req.subresource)) throw notFoundPath();
  return info;
}

/** The namespace a request acts in ("" for cluster-scoped resources). */
export function requestNamespace(info: ResourceInfo, req: ApiRequest): string {
  return info.namespaced ? (req.namespace ?? '') : '';
}

/** Parsed list/watch options. */
export interface ListOptions {
  labels: Selector;
  fields: FieldRequirement[];
  limit: number;
  continueToken?: string;
  resourceVersion?: string;
}

/** Parses labelSelector, fieldSelector, limit, continue and resourceVersion as the handlers do. */
export function listOptions(req: ApiRequest): ListOptions {
  const q = req.query ?? {};
  let labels = EVERYTHING;
  let fields: FieldRequirement[] = [];
  try {
    if (q.labelSelector) labels = parseSelector(q.labelSelector);
    if (q.fieldSelector) fields = parseFieldSelector(q.fieldSelector);
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof FieldSelectorParseError) throw newBadRequest(e.message);
    throw e;
  }
  const limit = q.limit ? Number.parseInt(q.limit, 10) : 0;
  return { labels, fields, limit: Number.isFinite(limit) && limit > 0 ? limit : 0, continueToken: q.continue || undefined,
    resourceVersion: q.resourceVersion };
}

// Field sets of stored objects, which never change: every watch with a field selector (each
// kubelet's, the scheduler's) tests the same object, so it is computed once per stored version.
const storedFieldSets = new WeakMap<object, Readonly<Record<string, string>>>();

/** The field values a field selector can test on an object of this resource. */
export function fieldSet(strategy: Strategy, info: ResourceInfo, obj: KubeObject): Record<string, string> {
  void info;
  const base: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '', 'metadata.namespace': obj.metadata?.namespace ?? '' };
  // Object.assign, not spread: spreading objects with dotted keys costs V8 some 40× more.
  return strategy.fieldLabels ? Object.assign(base, strategy.fieldLabels(obj)) : base;
}

/** fieldSet of a stored object (immutable), computed once. */
export function storedFieldSet(strategy: Strategy, info: ResourceInfo, obj: Stored): Readonly<Record<string, string>> {
  let f = storedFieldSets.get(obj);
  if (!f) storedFieldSets.set(obj, (f = fieldSet(strategy, info, obj)));
  return f;
}

/**
 * Checks that every field a selector names is selectable for the resource, worded as the conversion
 * functions word it (pkg/apis/core/v1/conversion.go vs runtime.DefaultMetaV1FieldSelectorConversion).
 */
export function checkFieldLabels(strategy: Strategy, info: ResourceInfo, fields: readonly FieldRequirement[]): void {
  if (!fields.length) return;
  const probe = fieldSet(strategy, info, { metadata: { name: '', namespace: '' } });
  for (const f of fields) {
    if (f.field in probe) continue;
    if (strategy.fieldLabels) throw newBadRequest(`field label not supported: ${f.field}`);
    throw newBadRequest(`"${f.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
  }
}

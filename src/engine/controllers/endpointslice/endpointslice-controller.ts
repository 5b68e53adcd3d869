// The EndpointSlice controller: keeps the EndpointSlices of every selector-based Service.
// Models pkg/controller/endpointslice/endpointslice_controller.go (NewController, syncService,
// onEndpointSliceAdd/Update/Delete, queueServiceForEndpointSlice, dropEndpointSlicesPendingDeletion)
// and staging/src/k8s.io/endpointslice/util/endpointslice_tracker.go (EndpointSliceTracker).
import type { EndpointSlice, Node, Pod, Service } from '../../api';
import { isForbidden, isNotFound, splitKey } from '../../api';
import { ItemExponentialRateLimiter, R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, NAMESPACE_TERMINATING_CAUSE, TriggerTimeTracker,
  hasStatusCause, keyFunc, rfc3339Nano, serviceSelector, servicesToUpdateOnPodChange, withTypeMeta } from '../shared';
import { CONTROLLER_QUALIFIED_NAME, MAX_ENDPOINTS_PER_SLICE, reconcile } from './reconciler';

/** The controller's name in kube-controller-manager (and its service account). */
export const NAME = 'endpointslice-controller';
/** The events' source component. */
export const EVENT_COMPONENT = 'endpoint-slice-controller';
/** endpointSliceChangeMinSyncDelay: a slice changed by someone else is re-synced after this. */
export const SLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;

/** What the controller is built from. */
export interface EndpointSliceControllerDeps {
  services: Informer<Service>;
  pods: Informer<Pod>;
  nodes: Informer<Node>;
  slices: Informer<EndpointSlice>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
  maxEndpointsPerSlice?: number;
  /** --endpointslice-updates-batch-period (default 0). */
  batchPeriodMs?: number;
}

/**
 * EndpointSliceTracker: the generation this controller last wrote of each slice, so that informer
 * events for its own writes are not mistaken for changes by others, and a cache that lags behind
 * them is recognised as stale.
 */
class EndpointSliceTracker {
  private readonly gens = new Map<string, Map<string, number>>();
  private readonly deleting = new Set<string>();
  private svc(s: EndpointSlice): string {
    return `${s.metadata?.namespace}/${s.metadata?.labels?.[LABEL_SERVICE_NAME] ?? ''}`;
  }
  update(s: EndpointSlice): void {
    const k = this.svc(s);
    let m = this.gens.get(k);
    if (!m) this.gens.set(k, (m = new Map()));
    m.set(s.metadata?.uid ?? '', s.metadata?.generation ?? 1);
  }
  has(s: EndpointSlice): boolean {
    return this.gens.get(this.svc(s))?.has(s.metadata?.uid ?? '') ?? false;
  }
  /** ShouldSync: unknown, or changed since this controller wrote it. */
  shouldSync(s: EndpointSlice): boolean {
    const g = this.gens.get(this.svc(s))?.get(s.metadata?.uid ?? '');
    return g === undefined || (s.metadata?.generation ?? 1) > g;
  }
  /** StaleSlices: the cache shows a slice older than this controller's write, or one it deleted. */
  stale(serviceKey: string, slices: readonly EndpointSlice[]): boolean {
    const m = this.gens.get(serviceKey);
    if (!m) return false;
    const seen = new Set<string>();
    for (const s of slices) {
      const uid = s.metadata?.uid ?? '';
      seen.add(uid);
      if (this.deleting.has(uid)) return true;
      const g = m.get(uid);
      if (g !== undefined && (s.metadata?.generation ?? 1) < g) return true;
    }
    // A slice this controller wrote that the cache does not show yet.
    for (const uid of m.keys()) if (!seen.has(uid) && !this.deleting.has(uid)) return true;
    return false;
  }
  expectDeletion(s: EndpointSlice): void {
    this.deleting.add(s.metadata?.uid ?? '');
  }
  /** HandleDeletion: whether the deletion was this controller's own. */
  handleDeletion(s: EndpointSlice): boolean {
    const uid = s.metadata?.uid ?? '';
    this.gens.get(this.svc(s))?.delete(uid);
    return this.deleting.delete(uid);
  }
  deleteService(key: string): void {
    this.gens.delete(key);
  }
}

/** Empty lists are stored as null (the protobuf round trip of the real API server does the same). */
function forStorage(s: EndpointSlice): EndpointSlice {
  const out: Record<string, unknown> = { ...s };
  if (!(s.endpoints ?? []).length) out.endpoints = null;
  if (!(s.ports ?? []).length) out.ports = null;
  return out as unknown as EndpointSlice;
}

/** The EndpointSlice controller. */
export class EndpointSliceController {
  readonly queue: WorkQueue<string>;
  private readonly tracker = new EndpointSliceTracker();
  private readonly triggerTimes = new TriggerTimeTracker();

  constructor(private readonly deps: EndpointSliceControllerDeps) {
    // A 1 s base back-off (not 5 ms): a failed sync may mean many slice writes.
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'endpoint_slice', process: (k) => this.syncService(k),
      rateLimiter: new ItemExponentialRateLimiter<string>(1000, 1_000_000) });
    const enqueue = (k: string) => this.queue.addAfter(k, deps.batchPeriodMs ?? 0);
    const servicesIn = (ns: string) => deps.services.lister.list(ns);
    deps.services.onEvent({ add: (s) => this.queue.add(keyFunc(s)), update: (_o, s) => this.queue.add(keyFunc(s)),
      delete: (s) => this.queue.add(keyFunc(s)) });
    deps.pods.onEvent({
      add: (p) => servicesToUpdateOnPodChange(servicesIn, undefined, p).forEach(enqueue),
      update: (o, p) => servicesToUpdateOnPodChange(servicesIn, o, p).forEach(enqueue),
      delete: (p) => servicesToUpdateOnPodChange(servicesIn, p, undefined).forEach(enqueue),
    });
    const managed = (s: EndpointSlice) => s.metadata?.labels?.[LABEL_MANAGED_BY] === CONTROLLER_QUALIFIED_NAME;
    deps.slices.onEvent({
      add: (s) => {
        if (managed(s) && this.tracker.shouldSync(s)) this.queueForSlice(s);
      },
      update: (o, s) => {
        if (o.metadata?.labels?.[LABEL_SERVICE_NAME] !== s.metadata?.labels?.[LABEL_SERVICE_NAME]) {
          this.queueForSlice(s);
          this.queueForSlice(o);
        } else if (managed(o) !== managed(s) || (managed(s) && this.tracker.shouldSync(s))) this.queueForSlice(s);
      },
      delete: (s) => {
        if (managed(s) && this.tracker.has(s) && !this.tracker.handleDeletion(s)) this.queueForSlice(s);
      },
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  private queueForSlice(s: EndpointSlice): void {
    const svc = s.metadata?.labels?.[LABEL_SERVICE_NAME];
    if (!svc) return;
    this.queue.addAfter(`${s.metadata?.namespace}/${svc}`, Math.max(SLICE_CHANGE_MIN_SYNC_DELAY_MS, this.deps.batchPeriodMs ?? 0));
  }

  /** syncService: converges the EndpointSlices of one Service. */
  syncService(key: string): void {
    const d = this.deps;
    const { namespace, name } = splitKey(key);
    const svc = d.services.lister.get(namespace, name);
    if (!svc) {
      // The slices are owned by the Service: the garbage collector removes them.
      this.triggerTimes.deleteService(namespace, name);
      this.tracker.deleteService(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName') return;
    if (!svc.spec?.selector) return;
    const sel = serviceSelector(svc)!;
    const pods = d.pods.lister.list(namespace, sel);
    const slices = d.slices.lister.list(namespace).filter((s) => s.metadata?.labels?.[LABEL_SERVICE_NAME] === name &&
      s.metadata?.labels?.[LABEL_MANAGED_BY] === CONTROLLER_QUALIFIED_NAME && !s.metadata?.deletionTimestamp);
    if (this.tracker.stale(key, slices)) throw new Error('EndpointSlice informer cache is out of date');
    const triggerTime = this.triggerTimes.compute(svc, pods);
    const plan = reconcile(svc, pods, slices, (n) => d.nodes.lister.get(undefined, n), d.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE);
    try {
      this.finalize(svc, plan, triggerTime);
      if (plan.errors.length) throw new Error(plan.errors.length === 1 ? plan.errors[0] : `[${plan.errors.join(', ')}]`);
    } catch (e) {
      d.recorder.event(withTypeMeta(svc, 'v1', 'Service'), 'Warning', 'FailedToUpdateEndpointSlices',
        `Error updating Endpoint Slices for Service ${namespace}/${name}: ${(e as Error).message}`);
      throw e;
    }
  }

  private finalize(svc: Service, plan: ReturnType<typeof reconcile>, triggerTime: number | undefined): void {
    const d = this.deps;
    const ns = svc.metadata?.namespace ?? '';
    const annotate = (s: EndpointSlice) => {
      const a = { ...(s.metadata?.annotations ?? {}) };
      if (triggerTime !== undefined) a[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = rfc3339Nano(triggerTime);
      else delete a[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
      const m = { ...s.metadata };
      if (Object.keys(a).length) m.annotations = a;
      else delete m.annotations;
      return { ...s, metadata: m };
    };
    // No new slices for a Service being deleted: the garbage collector is removing them.
    if (!svc.metadata?.deletionTimestamp) {
      for (const s of plan.create) {
        try {
          this.tracker.update(d.client.create<EndpointSlice>(R.endpointslices, forStorage(annotate(s))));
        } catch (e) {
          if (isForbidden(e) && hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
          throw new Error(`failed to create EndpointSlice for Service ${ns}/${svc.metadata?.name}: ${(e as Error).message}`);
        }
      }
    }
    for (const s of plan.update) {
      try {
        this.tracker.update(d.client.update<EndpointSlice>(R.endpointslices, forStorage(annotate(s))));
      } catch (e) {
        throw new Error(`failed to update ${s.metadata?.name} EndpointSlice for Service ${ns}/${svc.metadata?.name}: ${(e as Error).message}`);
      }
    }
    for (const s of plan.delete) {
      try {
        this.tracker.expectDeletion(s);
        d.client.delete(R.endpointslices, ns, s.metadata?.name ?? '');
      } catch (e) {
        if (isNotFound(e)) continue;
        throw new Error(`failed to delete ${s.metadata?.name} EndpointSlice for Service ${ns}/${svc.metadata?.name}: ${(e as Error).message}`);
      }
    }
  }
}

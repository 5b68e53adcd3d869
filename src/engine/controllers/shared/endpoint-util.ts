// What the Endpoints, EndpointSlice and EndpointSlice mirroring controllers share: which pods
// belong in endpoints, which Services a pod change touches, port lookup and the last-change
// trigger time. Models staging/src/k8s.io/endpointslice/util/controller_utils.go
// (ShouldPodBeInEndpoints, ShouldSetHostname, podEndpointsChanged, GetPodUpdateProjectionKey,
// GetServicesToUpdate, determineNeededServiceUpdates), staging/src/k8s.io/endpointslice/utils.go
// FindPort and util/trigger_time_tracker.go (TriggerTimeTracker).
import type { Pod, Service, ServicePort } from '../../api';
import { selectorFromSet, type Selector } from '../../api';
import { parseTime } from '../../clock';
import { isPodReady, isPodTerminal, podReadyCondition } from './pod-util';

/** v1.EndpointsLastChangeTriggerTime. */
export const ENDPOINTS_LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.EndpointsOverCapacity. */
export const ENDPOINTS_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** v1.IsHeadlessService: set (empty) on the Endpoints and EndpointSlices of a headless Service. */
export const IS_HEADLESS_SERVICE = 'service.kubernetes.io/headless';
/** discovery.LabelServiceName. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** discovery.LabelManagedBy. */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** discovery.LabelSkipMirror: the mirroring controller leaves such Endpoints alone. */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are wanted) not
 * being deleted. The Endpoints controller passes publishNotReadyAddresses; the slice controller true.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod names the Service as its subdomain and has a hostname (StatefulSet pods). */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace;
}

/** isServiceIPSet (helper.IsServiceIPSet): neither headless nor without a cluster IP. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * FindPort: a numeric targetPort as is; a named one looked up in the containers' ports (and
 * restartable init containers'), matching the protocol. Undefined when no container has it.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const tp = svcPort.targetPort ?? svcPort.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  const proto = svcPort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

function sameIPs(a: Pod, b: Pod): boolean {
  const x = a.status?.podIPs ?? [];
  const y = b.status?.podIPs ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].ip !== y[i].ip) return false;
  return true;
}

/**
 * podEndpointsChanged: [the pod changed in a way that changes its endpoint (deletion, readiness,
 * IPs), its labels or hostname/subdomain changed (which Services it belongs to)].
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): [podChanged: boolean, labelsChanged: boolean] {
  const labelsChanged = !sameLabels(oldPod.metadata?.labels, newPod.metadata?.labels) ||
    oldPod.spec?.hostname !== newPod.spec?.hostname || oldPod.spec?.subdomain !== newPod.spec?.subdomain;
  if (oldPod.metadata?.deletionTimestamp !== newPod.metadata?.deletionTimestamp) return [true, labelsChanged];
  if (isPodReady(oldPod) !== isPodReady(newPod)) return [true, labelsChanged];
  if (!sameIPs(oldPod, newPod)) return [true, labelsChanged];
  return [false, labelsChanged];
}

// Service objects are immutable once stored: their parsed selector can be cached by identity.
const selectors = new WeakMap<object, Selector>();

/** The Service's selector as a label Selector, cached per stored object. */
export function serviceSelector(svc: Service): Selector | undefined {
  const set = svc.spec?.selector;
  if (!set) return undefined;
  let sel = selectors.get(set);
  if (!sel) selectors.set(set, (sel = selectorFromSet(set)));
  return sel;
}

/** Services (keys "ns/name", sorted) whose selector matches a label set in a namespace. */
export function servicesForLabels(services: readonly Service[], labels: Record<string, string> | undefined): string[] {
  const out: string[] = [];
  for (const s of services) {
    // A nil selector matches nothing (not everything).
    const sel = serviceSelector(s);
    if (sel && sel.matches(labels ?? {})) out.push(`${s.metadata?.namespace}/${s.metadata?.name}`);
  }
  return out.sort();
}

/**
 * GetServicesToUpdate for an add/delete (one pod) or an update (old and new): the keys of the
 * Services to resync. `servicesIn(ns)` lists a namespace's Services.
 */
export function servicesToUpdateOnPodChange(servicesIn: (ns: string) => readonly Service[], oldPod: Pod | undefined,
  newPod: Pod | undefined): string[] {
  const pod = newPod ?? oldPod;
  if (!pod) return [];
  const ns = pod.metadata?.namespace ?? '';
  if (!oldPod || !newPod) return servicesForLabels(servicesIn(ns), pod.metadata?.labels);
  // Resyncs (same resourceVersion) change nothing.
  if (oldPod.metadata?.resourceVersion === newPod.metadata?.resourceVersion) return [];
  const [podChanged, labelsChanged] = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return [];
  const now = servicesForLabels(servicesIn(ns), newPod.metadata?.labels);
  if (!labelsChanged) return now;
  const before = servicesForLabels(servicesIn(ns), oldPod.metadata?.labels);
  const a = new Set(now);
  const b = new Set(before);
  // determineNeededServiceUpdates: the union when the pod itself changed, else the symmetric difference.
  const keys = podChanged ? [...new Set([...now, ...before])] : [...now.filter((k) => !b.has(k)), ...before.filter((k) => !a.has(k))];
  return keys.sort();
}

/**
 * TriggerTimeTracker: the last-change-trigger-time of a Service's endpoints — the Service's
 * creation on its first sync, afterwards the earliest pod Ready transition that changed since the
 * previous sync (undefined when nothing changed: the annotation is then removed).
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, { service: number; pods: Map<string, number> }>();

  compute(svc: Service, pods: readonly Pod[]): number | undefined {
    const key = `${svc.metadata?.namespace}/${svc.metadata?.name}`;
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const p of pods) {
      const t = parseTime(podReadyCondition(p)?.lastTransitionTime);
      if (t === undefined) continue;
      podTimes.set(p.metadata?.name ?? '', t);
      const prev = state?.pods.get(p.metadata?.name ?? '');
      if (prev === undefined || t > prev) min = min === undefined ? t : Math.min(min, t);
    }
    const svcTime = parseTime(svc.metadata?.creationTimestamp) ?? 0;
    if (state === undefined || svcTime > state.service) min = min === undefined ? svcTime : Math.min(min, svcTime);
    this.states.set(key, { service: svcTime, pods: podTimes });
    if (!state) return svcTime;
    return min;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

/** time.RFC3339Nano of a millisecond instant in UTC (trailing zeros of the fraction dropped). */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  const [main, frac] = iso.slice(0, -1).split('.');
  const f = (frac ?? '').replace(/0+$/, '');
  return f ? `${main}.${f}Z` : `${main}Z`;
}

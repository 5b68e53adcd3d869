// The Endpoints controller: keeps an Endpoints object per selector-based Service listing the
// addresses of its pods, ready or not, on the pods' target ports.
// Models pkg/controller/endpoint/endpoints_controller.go (NewEndpointController, addPod, updatePod,
// deletePod, onServiceUpdate/Delete, onEndpointsDelete, syncService, addEndpointSubset,
// podToEndpointAddressForService, checkLeftoverEndpoints, staleEndpointsTracker).
import type { Endpoints, EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from '../../api';
import { deepEqual, isForbidden, isNotFound, splitKey } from '../../api';
import { R, WorkQueue, type Client, type EventRecorder, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, ENDPOINTS_OVER_CAPACITY, IS_HEADLESS_SERVICE, TriggerTimeTracker, findPort,
  hasStatusCause, isPodReady, isServiceIPSet, keyFunc, NAMESPACE_TERMINATING_CAUSE, rfc3339Nano, servicesToUpdateOnPodChange,
  shouldPodBeInEndpoints, shouldSetHostname } from '../shared';
import { countAddresses, MAX_CAPACITY, repackSubsets, truncateEndpoints } from './repack';

/** The controller's name in kube-controller-manager. */
export const NAME = 'endpoints-controller';
/** Its service account (the user agent's suffix). */
export const SERVICE_ACCOUNT = 'endpoint-controller';
/** Its events' source component. */
export const EVENT_COMPONENT = 'endpoint-controller';
/** resourcelock.LeaderElectionRecordAnnotationKey: leader-election Endpoints are never cleaned up. */
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

/** What the controller is built from. */
export interface EndpointsControllerDeps {
  services: Informer<Service>;
  pods: Informer<Pod>;
  endpoints: Informer<Endpoints>;
  client: Client;
  recorder: EventRecorder;
  clock: Clock;
  /** --endpoint-updates-batch-period (default 0): delay of syncs triggered by pod changes. */
  batchPeriodMs?: number;
}

/** podToEndpointAddressForService: the pod's IPv4 address with its node and target reference. */
export function podToEndpointAddress(pod: Pod): EndpointAddress | undefined {
  const ip = pod.status?.podIPs?.find((p) => !!p.ip && !p.ip.includes(':'))?.ip ?? (pod.status?.podIP && !pod.status.podIP.includes(':') ? pod.status.podIP : undefined);
  if (!ip) return undefined;
  return { ip, nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid } };
}

/** The subsets a Service's pods make (before repacking), as syncService builds them. */
export function computeSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const subsets: EndpointSubset[] = [];
  const add = (pod: Pod, epa: EndpointAddress, epp: EndpointPort | undefined) => {
    const ports = epp ? [epp] : [];
    if (publish || isPodReady(pod)) subsets.push({ addresses: [epa], ports });
    else subsets.push({ notReadyAddresses: [epa], ports });
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const ep = podToEndpointAddress(pod);
    if (!ep) continue;
    const epa: EndpointAddress = shouldSetHostname(pod, svc) ? { ...ep, hostname: pod.spec!.hostname } : ep;
    const svcPorts = svc.spec?.ports ?? [];
    if (!svcPorts.length) {
      // A headless Service may have no ports: its addresses are listed without any.
      if (svc.spec?.clusterIP === 'None') add(pod, epa, undefined);
      continue;
    }
    for (const sp of svcPorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const epp: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
      add(pod, epa, epp);
    }
  }
  // Headless Services without ports are not repacked (their subsets carry no ports to group by).
  if (!(svc.spec?.ports ?? []).length) return mergePortless(subsets);
  return repackSubsets(subsets);
}

function mergePortless(subsets: EndpointSubset[]): EndpointSubset[] {
  // Deviation: upstream leaves one subset per pod here; merging them gives the same addresses in
  // the shape every other Endpoints has.
  const ready = subsets.flatMap((s) => s.addresses ?? []);
  const notReady = subsets.flatMap((s) => s.notReadyAddresses ?? []);
  if (!ready.length && !notReady.length) return [];
  const ss: EndpointSubset = {};
  if (ready.length) ss.addresses = ready;
  if (notReady.length) ss.notReadyAddresses = notReady;
  return [ss];
}

function withoutLabel(labels: Record<string, string> | undefined, key: string): Record<string, string> {
  const out = { ...(labels ?? {}) };
  delete out[key];
  return out;
}

const normalized = (subsets: readonly EndpointSubset[] | undefined) => (subsets ?? []).map((s) => ({
  addresses: s.addresses ?? [], notReadyAddresses: s.notReadyAddresses ?? [], ports: s.ports ?? [] }));

/** The Endpoints controller. */
export class EndpointsController {
  readonly queue: WorkQueue<string>;
  private readonly triggerTimes = new TriggerTimeTracker();
  /** staleEndpointsTracker: resource versions this controller replaced (a cache still showing one is stale). */
  private readonly replaced = new Map<string, string>();

  constructor(private readonly deps: EndpointsControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'endpoint', process: (k) => this.syncService(k) });
    const enqueue = (k: string) => this.queue.addAfter(k, deps.batchPeriodMs ?? 0);
    const servicesIn = (ns: string) => deps.services.lister.list(ns);
    deps.services.onEvent({ add: (s) => this.queue.add(keyFunc(s)), update: (_o, s) => this.queue.add(keyFunc(s)),
      delete: (s) => this.queue.add(keyFunc(s)) });
    deps.pods.onEvent({
      add: (p) => servicesToUpdateOnPodChange(servicesIn, undefined, p).forEach(enqueue),
      update: (o, p) => servicesToUpdateOnPodChange(servicesIn, o, p).forEach(enqueue),
      delete: (p) => servicesToUpdateOnPodChange(servicesIn, p, undefined).forEach(enqueue),
    });
    deps.endpoints.onEvent({ delete: (e) => this.queue.add(keyFunc(e)) });
    // checkLeftoverEndpoints: Endpoints whose Service is gone get deleted once the caches are filled.
    deps.clock.after(0, () => {
      for (const ep of deps.endpoints.lister.list()) {
        if (ep.metadata?.annotations?.[LEADER_ANNOTATION] !== undefined) continue;
        this.queue.add(keyFunc(ep));
      }
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** syncService: converges the Endpoints of one Service. */
  syncService(key: string): void {
    const { namespace, name } = splitKey(key);
    const d = this.deps;
    const svc = d.services.lister.get(namespace, name);
    if (!svc) {
      // The Service is gone: its Endpoints go too.
      try {
        d.client.delete(R.endpoints, namespace, name);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      this.triggerTimes.deleteService(namespace, name);
      this.replaced.delete(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName') return;
    // Services without a selector get their Endpoints from the user, not from this controller.
    if (!svc.spec?.selector) return;
    const pods = d.pods.lister.list(namespace).filter((p) => matches(svc, p));
    const triggerTime = this.triggerTimes.compute(svc, pods);
    const subsets = computeSubsets(svc, pods);

    const current = d.endpoints.lister.get(namespace, name);
    if (current && this.replaced.get(key) === current.metadata?.resourceVersion) {
      throw new Error(`endpoints informer cache is out of date, resource version ${current.metadata?.resourceVersion} already processed for endpoints ${key}`);
    }
    const svcLabels = svc.metadata?.labels ?? {};
    if (current && deepEqual(normalized(current.subsets), normalized(subsets)) &&
      deepEqual(withoutLabel(current.metadata?.labels, IS_HEADLESS_SERVICE), svcLabels) &&
      capacityAnnotationSetCorrectly(current)) return;

    const labels: Record<string, string> = isServiceIPSet(svc) ? withoutLabel(svcLabels, IS_HEADLESS_SERVICE)
      : { ...svcLabels, [IS_HEADLESS_SERVICE]: '' };
    const annotations: Record<string, string> = { ...(current?.metadata?.annotations ?? {}) };
    if (triggerTime !== undefined) annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = rfc3339Nano(triggerTime);
    else delete annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
    const { subsets: stored, truncated } = truncateEndpoints(subsets);
    if (truncated) annotations[ENDPOINTS_OVER_CAPACITY] = 'truncated';
    else delete annotations[ENDPOINTS_OVER_CAPACITY];

    const meta = { ...(current?.metadata ?? { name, namespace }) };
    if (Object.keys(labels).length) meta.labels = labels;
    else delete meta.labels;
    if (Object.keys(annotations).length) meta.annotations = annotations;
    else delete meta.annotations;
    const next: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta };
    if (stored.length) next.subsets = stored;
    try {
      if (!current) {
        d.client.create(R.endpoints, next);
      } else {
        const updated = d.client.update<Endpoints>(R.endpoints, next);
        if (updated.metadata?.resourceVersion !== current.metadata?.resourceVersion) this.replaced.set(key, current.metadata?.resourceVersion ?? '');
      }
    } catch (e) {
      if (!current && isForbidden(e) && hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
      const msg = (e as Error).message;
      if (!current) d.recorder.event(next, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${msg}`);
      else d.recorder.event(next, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${msg}`);
      throw e;
    }
  }
}

function matches(svc: Service, pod: Pod): boolean {
  const sel = svc.spec?.selector ?? {};
  const labels = pod.metadata?.labels ?? {};
  for (const k of Object.keys(sel)) if (labels[k] !== sel[k]) return false;
  return true;
}

/** capacityAnnotationSetCorrectly: over capacity needs (re)truncation; under it, no annotation. */
function capacityAnnotationSetCorrectly(ep: Endpoints): boolean {
  if (countAddresses(ep.subsets ?? []) > MAX_CAPACITY) return false;
  return ep.metadata?.annotations?.[ENDPOINTS_OVER_CAPACITY] === undefined;
}

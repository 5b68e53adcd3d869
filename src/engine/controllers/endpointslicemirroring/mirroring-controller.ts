// The EndpointSlice mirroring controller: a Service without a selector whose Endpoints the user
// wrote gets matching EndpointSlices, so that kube-proxy (which reads only slices) routes to them.
// Models pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go (syncEndpoints:
// only Services without selector, not skip-mirror, not leader-election Endpoints),
// reconciler.go / utils.go (newEndpointSlice owned by the Endpoints, labels and annotations
// copied, addressToEndpoint with only the ready condition, epPortsToEpsPorts).
// Deviation: one slice per subset (at most 1,000 addresses, split by 100), reconciled by position
// rather than by upstream's endpoint-set matching.
import type { EndpointAddress, EndpointSlice, Endpoints, Service, SliceEndpoint, SliceEndpointPort } from '../../api';
import { deepEqual, isNotFound, splitKey } from '../../api';
import { R, WorkQueue, type Client, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_SKIP_MIRROR, keyFunc } from '../shared';

/** The controller's name in kube-controller-manager (and its service account). */
export const NAME = 'endpointslicemirroring-controller';
/** The managed-by label value of mirrored slices. */
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const MAX_PER_SUBSET = 1000;
const MAX_PER_SLICE = 100;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const LEADER = 'control-plane.alpha.kubernetes.io/leader';

/** What the controller is built from. */
export interface MirroringControllerDeps {
  services: Informer<Service>;
  endpoints: Informer<Endpoints>;
  slices: Informer<EndpointSlice>;
  client: Client;
  clock: Clock;
}

/** addressToEndpoint. */
function addressToEndpoint(a: EndpointAddress, ready: boolean): SliceEndpoint {
  const e: SliceEndpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.targetRef) e.targetRef = a.targetRef;
  if (a.nodeName) e.nodeName = a.nodeName;
  if (a.hostname) e.hostname = a.hostname;
  return e;
}

/** The slices an Endpoints object mirrors to (names left to fill in). */
export function desiredSlices(ep: Endpoints): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  const labels: Record<string, string> = { ...(ep.metadata?.labels ?? {}), [LABEL_SERVICE_NAME]: ep.metadata?.name ?? '',
    [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER_NAME };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata?.annotations ?? {})) {
    if (k !== ENDPOINTS_LAST_CHANGE_TRIGGER_TIME && k !== LAST_APPLIED) annotations[k] = v;
  }
  for (const ss of ep.subsets ?? []) {
    const ports: SliceEndpointPort[] = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP',
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const eps = [...(ss.addresses ?? []).map((a) => addressToEndpoint(a, true)), ...(ss.notReadyAddresses ?? []).map((a) => addressToEndpoint(a, false))]
      .filter((e) => !e.addresses[0].includes(':')).slice(0, MAX_PER_SUBSET);
    for (let i = 0; i < eps.length; i += MAX_PER_SLICE) {
      out.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
        metadata: { namespace: ep.metadata?.namespace, labels, ...(Object.keys(annotations).length ? { annotations } : {}),
          ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: ep.metadata?.name ?? '', uid: ep.metadata?.uid ?? '', controller: true,
            blockOwnerDeletion: true }] },
        addressType: 'IPv4', endpoints: eps.slice(i, i + MAX_PER_SLICE), ports });
    }
  }
  return out;
}

const sameContent = (a: EndpointSlice, b: EndpointSlice) => deepEqual(a.endpoints ?? [], b.endpoints ?? []) &&
  deepEqual(a.ports ?? [], b.ports ?? []) && deepEqual(a.metadata?.labels ?? {}, b.metadata?.labels ?? {}) &&
  deepEqual(a.metadata?.annotations ?? {}, b.metadata?.annotations ?? {});

/** The EndpointSlice mirroring controller. */
export class EndpointSliceMirroringController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: MirroringControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'endpoint_slice_mirroring', process: (k) => this.syncEndpoints(k) });
    const add = (o: { metadata?: { namespace?: string; name?: string } }) => this.queue.add(keyFunc(o));
    deps.services.onEvent({ add, update: (_o, s) => add(s), delete: add });
    deps.endpoints.onEvent({ add, update: (_o, e) => add(e), delete: add });
    const bySlice = (s: EndpointSlice) => {
      const svc = s.metadata?.labels?.[LABEL_SERVICE_NAME];
      if (svc && s.metadata?.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME) this.queue.addAfter(`${s.metadata?.namespace}/${svc}`, 1000);
    };
    deps.slices.onEvent({ update: (_o, s) => bySlice(s), delete: bySlice });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** syncEndpoints: the mirrored slices of one Service's Endpoints. */
  syncEndpoints(key: string): void {
    const d = this.deps;
    const { namespace, name } = splitKey(key);
    const svc = d.services.lister.get(namespace, name);
    const ep = d.endpoints.lister.get(namespace, name);
    const existing = d.slices.lister.list(namespace).filter((s) => s.metadata?.labels?.[LABEL_SERVICE_NAME] === name &&
      s.metadata?.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME && !s.metadata?.deletionTimestamp);
    // Mirrored only for selector-less Services whose Endpoints ask for it.
    const mirror = !!svc && !svc.spec?.selector && svc.spec?.type !== 'ExternalName' && !!ep &&
      ep.metadata?.labels?.[LABEL_SKIP_MIRROR] !== 'true' && ep.metadata?.annotations?.[LEADER] === undefined;
    const desired = mirror ? desiredSlices(ep!) : [];
    desired.forEach((want, i) => {
      const have = existing[i];
      if (!have) {
        d.client.create(R.endpointslices, { ...want, metadata: { ...want.metadata, generateName: `${name}-` } });
      } else if (!sameContent(have, want)) {
        d.client.update(R.endpointslices, { ...want, metadata: { ...want.metadata, name: have.metadata?.name, resourceVersion: have.metadata?.resourceVersion } });
      }
    });
    for (const extra of existing.slice(desired.length)) {
      try {
        d.client.delete(R.endpointslices, namespace, extra.metadata?.name ?? '');
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
}

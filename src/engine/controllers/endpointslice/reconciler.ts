// Plans the EndpointSlices of one Service: which to create, update and delete so that they hold
// exactly the desired endpoints, at most maxEndpointsPerSlice each, grouped by port set.
// Models staging/src/k8s.io/endpointslice/reconciler.go (reconcileByAddressType,
// reconcileByPortMapping, the placeholder slice, finalize's create→update conversion) and utils.go
// (podToEndpoint, getEndpointPorts, newEndpointSlice, setEndpointSliceLabels, getSliceToFill).
// Deviation: upstream pops desired endpoints from a hash map (random order); the simulator keeps
// the pods' name order, and walks slice names sorted, so the same cluster gives the same slices.
import type { EndpointSlice, Node, Pod, Service, SliceEndpoint, SliceEndpointPort } from '../../api';
import { deepEqual } from '../../api';
import { IS_HEADLESS_SERVICE, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, findPort, isPodReady, isServiceIPSet, shouldPodBeInEndpoints,
  shouldSetHostname } from '../shared';

/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** controllerQualifiedName: the managed-by label value of this controller's slices. */
export const CONTROLLER_QUALIFIED_NAME = 'endpointslice-controller.k8s.io';
/** v1.LabelTopologyZone. */
const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** podToEndpoint. */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  // "ready" is never true for a terminating pod, unless the Service publishes not-ready addresses.
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: (pod.status?.podIPs ?? []).map((p) => p.ip ?? '').filter((ip) => ip && !ip.includes(':')),
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  };
  if (!ep.addresses.length && pod.status?.podIP && !pod.status.podIP.includes(':')) ep.addresses = [pod.status.podIP];
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[LABEL_ZONE];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname;
  return ep;
}

/** getEndpointPorts: the Service's ports resolved on one pod (ports the pod lacks are left out). */
export function getEndpointPorts(svc: Service, pod: Pod): SliceEndpointPort[] {
  const out: SliceEndpointPort[] = [];
  const ports = svc.spec?.ports ?? [];
  if (!ports.length && svc.spec?.clusterIP === 'None') return out;
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: SliceEndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** setEndpointSliceLabels: the Service's labels (minus reserved ones) plus the reserved ones; and whether they differ. */
export function endpointSliceLabels(slice: EndpointSlice | undefined, svc: Service): { labels: Record<string, string>; changed: boolean } {
  const reserved = (k: string) => k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === IS_HEADLESS_SERVICE;
  const ep: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata?.labels ?? {})) if (!reserved(k)) ep[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata?.labels ?? {})) if (!reserved(k)) labels[k] = v;
  const changed = !deepEqual(ep, labels);
  if (!isServiceIPSet(svc)) labels[IS_HEADLESS_SERVICE] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata?.name ?? '';
  labels[LABEL_MANAGED_BY] = CONTROLLER_QUALIFIED_NAME;
  return { labels, changed };
}

/** newEndpointSlice: an empty slice owned by the Service, named `<service>-` plus 5 random characters. */
export function newEndpointSlice(svc: Service, ports: SliceEndpointPort[] | null): EndpointSlice {
  const name = svc.metadata?.name ?? '';
  // getEndpointSlicePrefix: the dash only when the name leaves room for it.
  const generateName = `${name}-`.length <= 253 ? `${name}-` : name;
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: {
      generateName, namespace: svc.metadata?.namespace, labels: endpointSliceLabels(undefined, svc).labels,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: [],
    ports: ports as SliceEndpointPort[],
  };
}

/** ownedBy: the slice's controller reference names this Service. */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata?.ownerReferences ?? []).some((o) => o.uid === svc.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

// Endpoint identity (endpointset.go hashEndpoint): addresses, hostname and the target pod.
const endpointKey = (e: SliceEndpoint) =>
  `${[...e.addresses].sort().join(',')}|${e.hostname ?? ''}|${e.targetRef?.namespace ?? ''}|${e.targetRef?.name ?? ''}`;

// Port-set identity (NewPortMapKey): the ports in a canonical order.
const portMapKey = (ports: readonly SliceEndpointPort[] | null | undefined) =>
  (ports ?? []).map((p) => `${p.name ?? ''}/${p.port ?? ''}/${p.protocol ?? ''}/${p.appProtocol ?? ''}`).sort().join(';');

/** EndpointsEqualBeyondHash: node, zone, conditions and target agree. */
function endpointsEqualBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if ((a.nodeName ?? undefined) !== (b.nodeName ?? undefined) || (a.zone ?? undefined) !== (b.zone ?? undefined)) return false;
  const ca = a.conditions ?? {}, cb = b.conditions ?? {};
  if (ca.ready !== cb.ready || ca.serving !== cb.serving || ca.terminating !== cb.terminating) return false;
  const ta = a.targetRef, tb = b.targetRef;
  if (!ta || !tb) return ta === tb;
  return ta.kind === tb.kind && ta.namespace === tb.namespace && ta.name === tb.name && ta.uid === tb.uid;
}

/** The writes a reconcile needs. Slices to create have no name yet (generateName). */
export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/** An insertion-ordered set of desired endpoints keyed by identity (EndpointSet). */
class EndpointSet {
  private readonly m = new Map<string, SliceEndpoint>();
  insert(e: SliceEndpoint): void {
    this.m.set(endpointKey(e), e);
  }
  get(e: SliceEndpoint): SliceEndpoint | undefined {
    return this.m.get(endpointKey(e));
  }
  delete(e: SliceEndpoint): void {
    this.m.delete(endpointKey(e));
  }
  get size(): number {
    return this.m.size;
  }
  pop(): SliceEndpoint {
    const [k, v] = this.m.entries().next().value as [string, SliceEndpoint];
    this.m.delete(k);
    return v;
  }
}

const cloneSlice = (s: EndpointSlice): EndpointSlice => ({ ...s, metadata: { ...s.metadata }, endpoints: [...(s.endpoints ?? [])] });

/**
 * reconcileByPortMapping: keeps desired endpoints where they are, drops the others, fills slices
 * that changed anyway, then fits the rest into one unchanged slice or new ones.
 */
function reconcileByPortMapping(svc: Service, existing: EndpointSlice[], desired: EndpointSet, ports: SliceEndpointPort[],
  max: number): SlicePlan {
  const byName = new Map<string, EndpointSlice>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete = new Set<string>();
  for (const s of [...existing].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    const name = s.metadata?.name ?? '';
    byName.set(name, s);
    const kept: SliceEndpoint[] = [];
    let updated = false;
    for (const e of s.endpoints ?? []) {
      const got = desired.get(e);
      if (!got) continue;
      kept.push(got);
      if (!endpointsEqualBeyondHash(got, e)) updated = true;
      desired.delete(e);
    }
    const { labels, changed } = endpointSliceLabels(s, svc);
    if (updated || (s.endpoints ?? []).length !== kept.length) {
      if (!kept.length) toDelete.add(name);
      else {
        const c = cloneSlice(s);
        c.endpoints = kept;
        c.metadata!.labels = labels;
        byName.set(name, c);
        toUpdate.add(name);
      }
    } else if (changed) {
      const c = cloneSlice(s);
      c.metadata!.labels = labels;
      byName.set(name, c);
      toUpdate.add(name);
    } else unchanged.add(name);
  }
  // 2. Fill the slices being updated anyway, fullest first.
  if (desired.size && toUpdate.size) {
    const slices = [...toUpdate].sort().map((n) => byName.get(n)!).sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const s of slices) while (desired.size && (s.endpoints?.length ?? 0) < max) s.endpoints!.push(desired.pop());
  }
  // 3. The rest: into the unchanged slice that ends closest to full, else into new slices.
  const create: EndpointSlice[] = [];
  while (desired.size) {
    let fill: EndpointSlice | undefined;
    if (desired.size < max && unchanged.size) {
      let closest = max;
      for (const n of [...unchanged].sort()) {
        const s = byName.get(n)!;
        const diff = max - (desired.size + (s.endpoints?.length ?? 0));
        if (diff >= 0 && diff < closest) {
          closest = diff;
          fill = s;
          if (diff === 0) break;
        }
      }
    }
    if (!fill) fill = newEndpointSlice(svc, ports);
    else {
      fill = cloneSlice(fill);
      byName.set(fill.metadata!.name!, fill);
    }
    while (desired.size && (fill.endpoints?.length ?? 0) < max) fill.endpoints!.push(desired.pop());
    if (fill.metadata?.name) {
      toUpdate.add(fill.metadata.name);
      unchanged.delete(fill.metadata.name);
    } else create.push(fill);
  }
  return { create, update: [...toUpdate].sort().map((n) => byName.get(n)!), delete: [...toDelete].sort().map((n) => byName.get(n)!) };
}

/**
 * Reconcile (IPv4 only): the plan that makes `existing` (this controller's slices of the Service)
 * hold the endpoints of `pods`. `nodeOf` reads the pod's Node (for its zone); a pod whose Node is
 * missing is skipped (and reported) unless the Service publishes not-ready addresses.
 */
export function reconcile(svc: Service, pods: readonly Pod[], existing: readonly EndpointSlice[],
  nodeOf: (name: string) => Node | undefined, max = MAX_ENDPOINTS_PER_SLICE): SlicePlan & { errors: string[] } {
  const errors: string[] = [];
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const byPortMap = new Map<string, EndpointSlice[]>();
  for (const s of existing) {
    // Slices of another address type, or not owned by this Service (an old one of the same name), go.
    if (s.addressType !== 'IPv4' || !ownedBy(s, svc)) {
      plan.delete.push(s);
      continue;
    }
    const k = portMapKey(s.ports);
    byPortMap.set(k, [...(byPortMap.get(k) ?? []), s]);
  }
  const desired = new Map<string, { ports: SliceEndpointPort[]; set: EndpointSet }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = getEndpointPorts(svc, pod);
    const k = portMapKey(ports);
    let d = desired.get(k);
    if (!d) desired.set(k, (d = { ports, set: new EndpointSet() }));
    const nodeName = pod.spec?.nodeName ?? '';
    const node = nodeOf(nodeName);
    if (!node && svc.spec?.publishNotReadyAddresses !== true) {
      errors.push(`skipping Pod ${pod.metadata?.name} for Service ${svc.metadata?.namespace}/${svc.metadata?.name}: Node ${nodeName} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, svc);
    if (ep.addresses.length) d.set.insert(ep);
  }
  for (const [k, d] of desired) {
    const p = reconcileByPortMapping(svc, byPortMap.get(k) ?? [], d.set, d.ports, max);
    plan.create.push(...p.create);
    plan.update.push(...p.update);
    plan.delete.push(...p.delete);
  }
  for (const [k, slices] of byPortMap) if (!desired.has(k)) plan.delete.push(...slices);
  // A Service with no endpoints still gets one (empty) placeholder slice.
  if (existing.length === plan.delete.length && plan.create.length < 1) {
    const placeholder = newEndpointSlice(svc, null);
    if (plan.delete.length === 1 && isPlaceholder(plan.delete[0], placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }
  // finalize: rather than create one and delete another, reuse the doomed slice's name.
  for (let i = 0; i < plan.delete.length && plan.create.length;) {
    const doomed = plan.delete[i];
    if (doomed.addressType === 'IPv4' && ownedBy(doomed, svc)) {
      const s = plan.create.pop()!;
      s.metadata = { ...s.metadata, name: doomed.metadata?.name, resourceVersion: doomed.metadata?.resourceVersion };
      delete s.metadata.generateName;
      plan.update.push(s);
      plan.delete.splice(i, 1);
    } else i++;
  }
  return { ...plan, errors };
}

/** placeholderSliceCompare: same namespace, labels, owners, no endpoints nor ports. */
function isPlaceholder(s: EndpointSlice, p: EndpointSlice): boolean {
  return s.metadata?.namespace === p.metadata?.namespace && deepEqual(s.metadata?.labels ?? {}, p.metadata?.labels ?? {}) &&
    deepEqual((s.metadata?.ownerReferences ?? []).map((o) => o.uid), (p.metadata?.ownerReferences ?? []).map((o) => o.uid)) &&
    !(s.endpoints ?? []).length && !(s.ports ?? []).length && s.addressType === p.addressType;
}

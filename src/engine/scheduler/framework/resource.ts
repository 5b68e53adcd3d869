// Resource arithmetic. Models pkg/scheduler/framework/types.go (Resource, NewResource, Add,
// SetMaxResource) and k8s.io/component-helpers/resource PodRequests (v1.32): a pod requests the sum
// of its containers and restartable init containers (sidecars), or the largest init-container step if
// that is bigger, plus its overhead.
import type { Pod, Container } from '../../api';
import { quantityMilli, quantityValue } from '../../api';

/** A set of compute resources: cpu in millicores, memory and storage in bytes, pods as a count. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended, hugepages and attachable-volume resources (ScalarResources), by name. */
  scalar?: Map<string, number>;
}

/** schedutil.DefaultMilliCPURequest: what a container without a cpu request counts for scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** An empty resource. */
export function newResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0 };
}

/** A copy. */
export function cloneResource(r: Resource): Resource {
  const c: Resource = { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, allowedPodNumber: r.allowedPodNumber };
  if (r.scalar) c.scalar = new Map(r.scalar);
  return c;
}

// Parsing a quantity goes through BigInt; the same few strings ("100m", "128Mi") recur in every pod.
const milliCache = new Map<string, number>();
const valueCache = new Map<string, number>();

/** Quantity.MilliValue, memoized. */
export function milli(q: string | number): number {
  const k = String(q);
  let v = milliCache.get(k);
  if (v === undefined) {
    v = quantityMilli(k);
    if (milliCache.size < 10_000) milliCache.set(k, v);
  }
  return v;
}

/** Quantity.Value, memoized. */
export function value(q: string | number): number {
  const k = String(q);
  let v = valueCache.get(k);
  if (v === undefined) {
    v = quantityValue(k);
    if (valueCache.size < 10_000) valueCache.set(k, v);
  }
  return v;
}

/** schedutil.IsScalarResourceName: extended resources, hugepages-*, attachable-volumes-*. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  // v1helper.IsExtendedResourceName: fully qualified, outside kubernetes.io/, not requests.-prefixed.
  const slash = name.indexOf('/');
  if (slash < 0) return false;
  if (name.startsWith('requests.')) return false;
  const domain = name.slice(0, slash);
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

/** Resource.Add of a ResourceList. */
export function addList(r: Resource, list: Readonly<Record<string, string | number>> | undefined): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    switch (name) {
      case 'cpu': r.milliCPU += milli(q); break;
      case 'memory': r.memory += value(q); break;
      case 'pods': r.allowedPodNumber += value(q); break;
      case 'ephemeral-storage': r.ephemeralStorage += value(q); break;
      default:
        if (isScalarResourceName(name)) {
          const m = r.scalar ?? (r.scalar = new Map());
          m.set(name, (m.get(name) ?? 0) + value(q));
        }
    }
  }
}

function maxInto(r: Resource, o: Resource): void {
  r.milliCPU = Math.max(r.milliCPU, o.milliCPU);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  r.allowedPodNumber = Math.max(r.allowedPodNumber, o.allowedPodNumber);
  if (o.scalar) {
    const m = r.scalar ?? (r.scalar = new Map());
    for (const [k, v] of o.scalar) m.set(k, Math.max(m.get(k) ?? 0, v));
  }
}

function addInto(r: Resource, o: Resource): void {
  r.milliCPU += o.milliCPU;
  r.memory += o.memory;
  r.ephemeralStorage += o.ephemeralStorage;
  r.allowedPodNumber += o.allowedPodNumber;
  if (o.scalar) {
    const m = r.scalar ?? (r.scalar = new Map());
    for (const [k, v] of o.scalar) m.set(k, (m.get(k) ?? 0) + v);
  }
}

/** Subtracts o from r (NodeInfo.update with sign -1). */
export function subtractInto(r: Resource, o: Resource): void {
  r.milliCPU -= o.milliCPU;
  r.memory -= o.memory;
  r.ephemeralStorage -= o.ephemeralStorage;
  r.allowedPodNumber -= o.allowedPodNumber;
  if (o.scalar && r.scalar) for (const [k, v] of o.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) - v);
}

/** Adds o to r (exported for NodeInfo). */
export function addResource(r: Resource, o: Resource): void {
  addInto(r, o);
}

type Requests = Record<string, string | number> | undefined;

function containerRequests(c: Container, nonMissing: boolean): Resource {
  const r = newResource();
  const req = c.resources?.requests as Requests;
  addList(r, req);
  // NonMissingContainerRequests: a container that names no cpu/memory request counts the defaults.
  if (nonMissing) {
    if (!req || req.cpu === undefined) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (!req || req.memory === undefined) r.memory += DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

// Pod objects are immutable (a change is a new object), so their requests can be cached per object.
const requestsCache = new WeakMap<Pod, Resource>();
const podResourceCache = new WeakMap<Pod, PodResource>();

/**
 * resourcehelper.PodRequests. Worked example: containers a=100m, b=200m; init containers
 * sidecar s=50m (restartPolicy Always) then job i=500m. Sidecars run beside everything that follows:
 * sum = a+b+s = 350m; init step i runs with s: 550m; the pod requests max(350m, 550m) = 550m.
 */
export function podRequests(pod: Pod, nonMissing = false): Resource {
  if (nonMissing) return computeRequests(pod, true);
  let r = requestsCache.get(pod);
  if (!r) requestsCache.set(pod, (r = computeRequests(pod, false)));
  return r;
}

function computeRequests(pod: Pod, nonMissing: boolean): Resource {
  const spec = pod.spec!;
  const reqs = newResource();
  for (const c of spec.containers ?? []) addInto(reqs, containerRequests(c, nonMissing));
  const restartable = newResource();
  const initMax = newResource();
  for (const c of spec.initContainers ?? []) {
    const cr = containerRequests(c, nonMissing);
    let step: Resource;
    if (c.restartPolicy === 'Always') {
      addInto(reqs, cr);
      addInto(restartable, cr);
      step = restartable;
    } else {
      step = cr;
      addInto(step, restartable);
    }
    maxInto(initMax, step);
  }
  maxInto(reqs, initMax);
  if (spec.overhead) addList(reqs, spec.overhead as Requests);
  return reqs;
}

/** PodInfo.calculateResource: requests, and the cpu/memory that scoring counts (defaults for unset requests). */
export interface PodResource {
  requests: Resource;
  non0CPU: number;
  non0Mem: number;
}

/** Computes a pod's PodResource (cached per pod object; treat the result as read-only). */
export function computePodResource(pod: Pod): PodResource {
  let r = podResourceCache.get(pod);
  if (!r) podResourceCache.set(pod, (r = calculatePodResource(pod)));
  return r;
}

function calculatePodResource(pod: Pod): PodResource {
  const requests = podRequests(pod);
  // Only recompute with defaults when some container lacks a cpu or memory request.
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const missing = all.some((c) => {
    const r = c.resources?.requests as Requests;
    return !r || r.cpu === undefined || r.memory === undefined;
  });
  const non0 = missing ? podRequests(pod, true) : requests;
  return { requests, non0CPU: non0.milliCPU, non0Mem: non0.memory };
}

/** Resource.SetMaxResource on an allocatable list: a Resource from node.status.allocatable. */
export function resourceFromList(list: Readonly<Record<string, string | number>> | undefined): Resource {
  const r = newResource();
  addList(r, list);
  return r;
}

// Models pkg/scheduler/framework/plugins/noderesources/resource_allocation.go, least_allocated.go
// and balanced_allocation.go's scorer: per-resource requested/allocatable pairs turned into a 0..100 score.
import type { Pod } from '../../../api';
import { MAX_NODE_SCORE, podRequests, computePodResource, type NodeInfo } from '../../framework';

// Read once (see framework/runtime.ts): used per node.
const MAX_SCORE = MAX_NODE_SCORE;

/** A scored resource and its weight (config.ResourceSpec). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** The v1.32 default for both NodeResourcesFit's LeastAllocated and BalancedAllocation: cpu and memory, weight 1. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }];

/**
 * calculatePodResourceRequest for each resource: with `useRequested` the pod's requests as they are;
 * otherwise with the 100m / 200Mi defaults for containers that set none (so best-effort pods still spread).
 */
export function podRequestList(pod: Pod, resources: readonly ResourceSpec[], useRequested: boolean): number[] {
  if (useRequested) {
    const r = podRequests(pod);
    return resources.map((s) => amountOf(r, s.name));
  }
  const pr = computePodResource(pod);
  return resources.map((s) => (s.name === 'cpu' ? pr.non0CPU : s.name === 'memory' ? pr.non0Mem : amountOf(pr.requests, s.name)));
}

function amountOf(r: { milliCPU: number; memory: number; ephemeralStorage: number; scalar?: Map<string, number> }, name: string): number {
  switch (name) {
    case 'cpu': return r.milliCPU;
    case 'memory': return r.memory;
    case 'ephemeral-storage': return r.ephemeralStorage;
    default: return r.scalar?.get(name) ?? 0;
  }
}

/**
 * calculateResourceAllocatableRequest: [allocatable, requested-after-adding-the-pod]. Least-allocated
 * scoring reads NonZeroRequested, balanced allocation Requested; ephemeral storage and scalars always Requested.
 */
export function allocatableAndRequested(ni: NodeInfo, name: string, podRequest: number, useRequested: boolean): [number, number] {
  const requested = useRequested ? ni.requested : ni.nonZeroRequested;
  switch (name) {
    case 'cpu': return [ni.allocatable.milliCPU, requested.milliCPU + podRequest];
    case 'memory': return [ni.allocatable.memory, requested.memory + podRequest];
    case 'ephemeral-storage': return [ni.allocatable.ephemeralStorage, ni.requested.ephemeralStorage + podRequest];
    default: {
      if (podRequest === 0) return [0, 0];
      const a = ni.allocatable.scalar?.get(name);
      return a === undefined ? [0, 0] : [a, (ni.requested.scalar?.get(name) ?? 0) + podRequest];
    }
  }
}

/** leastRequestedScore: the share left free, 0..100 (integer division). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_SCORE) / capacity);
}

/** True for the default cpu+memory resource list (scored without the generic per-resource lookup). */
export function isCpuMemory(resources: readonly ResourceSpec[]): boolean {
  return resources.length === 2 && resources[0].name === 'cpu' && resources[1].name === 'memory';
}

/** leastResourceScorer: the weighted average of the resources' least-requested scores. */
export function leastAllocatedScore(ni: NodeInfo, resources: readonly ResourceSpec[], podReqs: readonly number[]): number {
  if (isCpuMemory(resources)) {
    // The same arithmetic as below, for cpu and memory without allocating per node.
    const a = ni.allocatable;
    const r = ni.nonZeroRequested;
    let score = 0;
    let weights = 0;
    if (a.milliCPU !== 0) {
      score += leastRequestedScore(r.milliCPU + podReqs[0], a.milliCPU) * resources[0].weight;
      weights += resources[0].weight;
    }
    if (a.memory !== 0) {
      score += leastRequestedScore(r.memory + podReqs[1], a.memory) * resources[1].weight;
      weights += resources[1].weight;
    }
    return weights === 0 ? 0 : Math.trunc(score / weights);
  }
  let score = 0;
  let weights = 0;
  for (let i = 0; i < resources.length; i++) {
    const [alloc, req] = allocatableAndRequested(ni, resources[i].name, podReqs[i], false);
    if (alloc === 0) continue;
    score += leastRequestedScore(req, alloc) * resources[i].weight;
    weights += resources[i].weight;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

/**
 * balancedResourceScorer: (1 − standard deviation of the requested fractions) × 100. For cpu and memory
 * the deviation is |f₁ − f₂| / 2: a node at 50% cpu and 30% memory scores (1 − 0.1) × 100 = 90.
 */
export function balancedAllocationScore(ni: NodeInfo, resources: readonly ResourceSpec[], podReqs: readonly number[]): number {
  if (isCpuMemory(resources)) {
    const a = ni.allocatable;
    const r = ni.requested;
    if (a.milliCPU !== 0 && a.memory !== 0) {
      const f0 = Math.min(1, (r.milliCPU + podReqs[0]) / a.milliCPU);
      const f1 = Math.min(1, (r.memory + podReqs[1]) / a.memory);
      return Math.trunc((1 - Math.abs((f0 - f1) / 2)) * MAX_SCORE);
    }
  }
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < resources.length; i++) {
    const [alloc, req] = allocatableAndRequested(ni, resources[i].name, podReqs[i], true);
    if (alloc === 0) continue;
    const f = Math.min(1, req / alloc);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_SCORE);
}

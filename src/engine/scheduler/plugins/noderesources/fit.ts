// Models pkg/scheduler/framework/plugins/noderesources/fit.go (v1.32): the pod's requests (init
// containers and sidecars counted as upstream computes them) must fit in what the node's allocatable
// leaves after the pods already there, assumed ones included, and one more pod must fit under
// allocatable pods. Scores with LeastAllocated (cpu and memory, weight 1 each) by default.
import type { Pod, Node } from '../../../api';
import { ActionType, Status, isScalarResourceName, podRequests, resourceFromList, type ClusterEventWithHint, type CycleState,
  type EnqueueExtensions, type FilterPlugin, type NodeInfo, type PluginFactory, type PreFilterPlugin, type PreScorePlugin,
  type Resource, type ScorePlugin } from '../../framework';
import { DEFAULT_RESOURCES, leastAllocatedScore, podRequestList, type ResourceSpec } from './resource-allocation';

/** The plugin's name. */
export const NAME = 'NodeResourcesFit';

// Hot functions captured once: under CommonJS transpilation (the node runs of tests and benchmarks)
// every call through an imported binding is a getter call, and these run per node per pod.
const scoreLeastAllocated = leastAllocatedScore;

const PRE_FILTER_KEY = `PreFilter${NAME}`;
const PRE_SCORE_KEY = `PreScore${NAME}`;

/** InsufficientResource: what does not fit and by how much. */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/**
 * fitsRequest: every resource that does not fit, in upstream's order (pods, cpu, memory,
 * ephemeral-storage, then extended resources — by name here; upstream walks a Go map).
 */
export function fitsRequest(req: Resource, ni: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const allowed = ni.allocatable.allowedPodNumber;
  if (ni.pods.length + 1 > allowed) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: ni.pods.length, capacity: allowed });
  }
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar?.size) return out;
  const a = ni.allocatable;
  const u = ni.requested;
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - u.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: u.milliCPU, capacity: a.milliCPU });
  }
  if (req.memory > 0 && req.memory > a.memory - u.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: u.memory, capacity: a.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage) {
    out.push({ resourceName: 'ephemeral-storage', reason: 'Insufficient ephemeral-storage', requested: req.ephemeralStorage,
      used: u.ephemeralStorage, capacity: a.ephemeralStorage });
  }
  if (req.scalar) {
    for (const name of [...req.scalar.keys()].sort()) {
      const q = req.scalar.get(name)!;
      if (q === 0) continue;
      const cap = a.scalar?.get(name) ?? 0;
      const used = u.scalar?.get(name) ?? 0;
      if (q > cap - used) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: q, used, capacity: cap });
    }
  }
  return out;
}

/** isFit: would the pod fit on this node if it were empty (the node-event queueing hint). */
function fitsEmptyNode(pod: Pod, node: Node): boolean {
  const a = resourceFromList(node.status?.allocatable as Record<string, string> | undefined);
  const r = podRequests(pod);
  if (a.allowedPodNumber < 1) return false;
  if (r.milliCPU > a.milliCPU || r.memory > a.memory || r.ephemeralStorage > a.ephemeralStorage) return false;
  for (const [k, v] of r.scalar ?? []) if (isScalarResourceName(k) && v > (a.scalar?.get(k) ?? 0)) return false;
  return true;
}

/** Fit. */
export class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;
  // The cycle's state data, read once per cycle rather than once per node.
  private filterState?: CycleState;
  private filterReq?: Resource;
  private scoreState?: CycleState;
  private scoreReqs?: number[];

  constructor(private readonly resources: readonly ResourceSpec[] = DEFAULT_RESOURCES) {}

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      // isSchedulableAfterPodEvent: an assigned pod going away frees room.
      { event: { resource: 'Pod', actionType: ActionType.Delete }, hint: (_p, old) => !!(old as Pod | undefined)?.spec?.nodeName },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeAllocatable | ActionType.UpdateNodeTaint | ActionType.UpdateNodeLabel },
        hint: (pod, _o, n) => !n || fitsEmptyNode(pod, n as Node) },
    ];
  }

  preFilter(state: CycleState, pod: Pod): Status | undefined {
    state.write(PRE_FILTER_KEY, podRequests(pod));
    return undefined;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    if (state !== this.filterState) {
      this.filterState = state;
      this.filterReq = state.read<Resource>(PRE_FILTER_KEY) ?? podRequests(pod);
    }
    const req = this.filterReq!;
    // Fast path: fits (no allocation); the full list only on failure.
    const a = nodeInfo.allocatable;
    const u = nodeInfo.requested;
    if (nodeInfo.pods.length + 1 <= a.allowedPodNumber && req.milliCPU <= a.milliCPU - u.milliCPU && req.memory <= a.memory - u.memory
      && req.ephemeralStorage <= a.ephemeralStorage - u.ephemeralStorage && !req.scalar?.size) return undefined;
    const insufficient = fitsRequest(req, nodeInfo);
    if (insufficient.length === 0) return undefined;
    return Status.unschedulable(...insufficient.map((r) => r.reason));
  }

  preScore(state: CycleState, pod: Pod): Status | undefined {
    state.write(PRE_SCORE_KEY, podRequestList(pod, this.resources, false));
    return undefined;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    if (state !== this.scoreState) {
      this.scoreState = state;
      this.scoreReqs = state.read<number[]>(PRE_SCORE_KEY) ?? podRequestList(pod, this.resources, false);
    }
    return scoreLeastAllocated(nodeInfo, this.resources, this.scoreReqs!);
  }
}

/** Factory. */
export const create: PluginFactory = () => new Fit();

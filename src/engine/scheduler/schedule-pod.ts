// Finding a node for one pod. Models pkg/scheduler/schedule_one.go (v1.32: schedulePod,
// findNodesThatFitPod, findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes, selectHost).
// Filtering runs node by node from a rotating start index and stops once enough feasible nodes are
// found (percentageOfNodesToScore); only those are scored.
import type { Pod } from '../api';
import type { Rng } from '../clock';
import { Code, FitError, Status, addPluginStatus, newDiagnosis, type CycleState, type Diagnosis, type Framework, type NodeInfo,
  type NodeInfoLister, type PluginScores } from './framework';

const ERROR = Code.Error;

/** minFeasibleNodesToFind. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** ErrNoNodesAvailable. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/**
 * numFeasibleNodesToFind: every node below 100; otherwise a share of them that shrinks as clusters grow
 * (50% − nodes/125, at least 5%), never fewer than 100. 1,000 nodes → 42% → 420; 5,000 → 10% → 500.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** What schedulePod found. */
export interface ScheduleResult {
  suggestedHost: string;
  evaluatedNodes: number;
  feasibleNodes: number;
  /** For explain: the feasible nodes and their scores (absent when only one node fit). */
  feasible: NodeInfo[];
  scores?: { totals: number[]; plugins: PluginScores[] };
  /** The nodes filters rejected. */
  diagnosis: Diagnosis;
}

/** The state schedulePod needs from the scheduler. */
export interface GenericScheduler {
  fwk: Framework;
  nodes: NodeInfoLister;
  rng: Rng;
  percentageOfNodesToScore: number;
  nextStartNodeIndex: number;
}

/** A failure of schedulePod: a FitError, or another error (its status). */
export class ScheduleError {
  constructor(readonly status: Status, readonly fitError?: FitError, readonly diagnosis?: Diagnosis) {}
}

/** schedulePod: throws ScheduleError when no node fits. */
export function schedulePod(g: GenericScheduler, state: CycleState, pod: Pod): ScheduleResult {
  const all = g.nodes.list();
  if (all.length === 0) {
    // schedulingCycle turns ErrNoNodesAvailable into UnschedulableAndUnresolvable without a plugin.
    throw new ScheduleError(new Status(Code.UnschedulableAndUnresolvable, [ERR_NO_NODES_AVAILABLE]));
  }
  const { feasible, diagnosis } = findNodesThatFitPod(g, state, pod, all);
  if (feasible.length === 0) {
    const fe = new FitError(all.length, diagnosis);
    throw new ScheduleError(new Status(Code.Unschedulable, []), fe, diagnosis);
  }
  const evaluated = feasible.length + diagnosis.nodeToStatus.len();
  if (feasible.length === 1) return { suggestedHost: feasible[0].name, evaluatedNodes: evaluated, feasibleNodes: 1, feasible, diagnosis };
  const scores = prioritizeNodes(g.fwk, state, pod, feasible);
  const host = selectHost(feasible, scores.totals, g.rng);
  return { suggestedHost: host, evaluatedNodes: evaluated, feasibleNodes: feasible.length, feasible, scores, diagnosis };
}

/** findNodesThatFitPod: PreFilter, the nominated node first, then filters over (a share of) the nodes. */
export function findNodesThatFitPod(g: GenericScheduler, state: CycleState, pod: Pod, all: readonly NodeInfo[]): { feasible: NodeInfo[]; diagnosis: Diagnosis } {
  const diagnosis = newDiagnosis();
  const pre = g.fwk.runPreFilterPlugins(state, pod, all);
  if (pre.status) {
    if (!pre.status.isRejected()) throw new ScheduleError(pre.status);
    // Every node has the PreFilter's status (so that preemption sees it).
    diagnosis.nodeToStatus.setAbsentNodesStatus(pre.status);
    diagnosis.preFilterMsg = pre.status.message();
    addPluginStatus(diagnosis, pre.status);
    return { feasible: [], diagnosis };
  }
  const nnn = pod.status?.nominatedNodeName;
  if (nnn) {
    const ni = g.nodes.get(nnn);
    if (ni) {
      const f = findNodesThatPassFilters(g, state, pod, diagnosis, [ni], 0);
      if (f.length) return { feasible: f, diagnosis };
    }
  }
  let nodes = all;
  if (pre.result) {
    const picked: NodeInfo[] = [];
    for (const n of [...pre.result.nodeNames].sort()) {
      const ni = g.nodes.get(n);
      if (ni) picked.push(ni);
    }
    nodes = picked;
    diagnosis.nodeToStatus.setAbsentNodesStatus(new Status(Code.UnschedulableAndUnresolvable,
      [`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`]));
  }
  const start = g.nextStartNodeIndex % Math.max(1, nodes.length);
  const feasible = findNodesThatPassFilters(g, state, pod, diagnosis, nodes, start);
  const processed = feasible.length + diagnosis.nodeToStatus.len();
  if (nodes.length) g.nextStartNodeIndex = (g.nextStartNodeIndex + processed) % nodes.length;
  return { feasible, diagnosis };
}

/** findNodesThatPassFilters: sequentially from `start`, until numFeasibleNodesToFind nodes fit. */
function findNodesThatPassFilters(g: GenericScheduler, state: CycleState, pod: Pod, diagnosis: Diagnosis, nodes: readonly NodeInfo[],
  start: number): NodeInfo[] {
  const n = nodes.length;
  const want = numFeasibleNodesToFind(g.percentageOfNodesToScore, n);
  const feasible: NodeInfo[] = [];
  const fwk = g.fwk;
  for (let i = 0; i < n; i++) {
    const ni = nodes[(start + i) % n];
    const s = fwk.runFilterPluginsWithNominatedPods(state, pod, ni);
    if (s === undefined) {
      feasible.push(ni);
      if (feasible.length >= want) break;
      continue;
    }
    if (s.code === ERROR) throw new ScheduleError(s);
    diagnosis.nodeToStatus.set(ni.name, s);
    addPluginStatus(diagnosis, s);
  }
  return feasible;
}

/** prioritizeNodes: PreScore then Score (normalized, weighted). */
export function prioritizeNodes(fwk: Framework, state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): { totals: number[]; plugins: PluginScores[] } {
  if (fwk.scorePlugins.length === 0) return { totals: nodes.map(() => 1), plugins: [] };
  const s = fwk.runPreScorePlugins(state, pod, nodes);
  if (s) throw new ScheduleError(s);
  try {
    return fwk.runScorePlugins(state, pod, nodes);
  } catch (e) {
    throw new ScheduleError(Status.error(e as Error));
  }
}

/** selectHost: the highest total; among equals one at random (reservoir sampling, as upstream). */
export function selectHost(nodes: readonly NodeInfo[], totals: readonly number[], rng: Rng): string {
  let best = 0;
  let count = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      count = 1;
    } else if (totals[i] === totals[best]) {
      count++;
      if (rng.int(count) === 0) best = i;
    }
  }
  return nodes[best].name;
}

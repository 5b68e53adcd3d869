// Preemption: evict lower-priority pods so that a pending pod fits. Models
// pkg/scheduler/framework/preemption/preemption.go (v1.32 Evaluator: Preempt, findCandidates,
// DryRunPreemption, SelectCandidate, pickOneNodeForPreemption, prepareCandidate).
import type { Pod, KubeObject } from '../../api';
import { isNotFound } from '../../api';
import { R, res } from '../../client';
import { rfc3339 } from '../../clock';
import type { CycleState } from './cycle-state';
import { Code, Status } from './status';
import { FitError, NodeToStatus, newDiagnosis } from './fit-error';
import { type NodeInfo, podPriority } from './types';
import type { Handle, PostFilterResult } from './interface';

/** A node where the pod would fit after evicting `victims`. */
export interface Candidate {
  name: string;
  victims: Pod[];
  numPDBViolations: number;
}

/** A PodDisruptionBudget as preemption reads it. */
export interface PDB extends KubeObject {
  spec?: { selector?: import('../../api').LabelSelector };
  status?: { disruptionsAllowed?: number; disruptedPods?: Record<string, string> };
}

/** What a preemption plugin decides (preemption.Interface). */
export interface PreemptionInterface {
  getOffsetAndNumCandidates(numNodes: number): [number, number];
  podEligibleToPreemptOthers(pod: Pod, nominatedNodeStatus: Status | undefined): [boolean, string];
  selectVictimsOnNode(state: CycleState, pod: Pod, nodeInfo: NodeInfo, pdbs: readonly PDB[]): { victims: Pod[]; numPDBViolations: number; status?: Status };
}

/** MoreImportantPod: higher priority, then the one that started earlier. */
export function moreImportantPod(a: Pod, b: Pod): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  const ta = a.status?.startTime ? Date.parse(a.status.startTime) : Number.MAX_SAFE_INTEGER;
  const tb = b.status?.startTime ? Date.parse(b.status.startTime) : Number.MAX_SAFE_INTEGER;
  return ta < tb;
}

/** The Evaluator of one preemption plugin. */
export class Evaluator {
  constructor(private readonly h: Handle, private readonly impl: PreemptionInterface) {}

  /**
   * Preempt: a PostFilterResult nominating a node and Success, or a result clearing the nomination and
   * an Unschedulable status whose message is the FitError of the dry runs ("0/3 nodes are available:
   * 1 Insufficient cpu, 2 No preemption victims found for incoming pod."), or a bare Unschedulable.
   */
  preempt(state: CycleState, podIn: Pod, m: NodeToStatus): { result?: PostFilterResult; status?: Status } {
    const pod = this.h.lister<Pod>(R.pods).get(podIn.metadata?.namespace, podIn.metadata?.name ?? '');
    if (!pod) return { status: Status.error(`pod "${podIn.metadata?.name}" not found`) };
    const [ok, msg] = this.impl.podEligibleToPreemptOthers(pod, pod.status?.nominatedNodeName ? m.get(pod.status.nominatedNodeName) : undefined);
    if (!ok) return { status: new Status(Code.Unschedulable, [msg]) };

    const allNodes = this.h.nodeInfos.list();
    if (allNodes.length === 0) return { status: Status.error('no nodes available') };
    const { candidates, statuses } = this.findCandidates(state, allNodes, pod, m);
    if (candidates.length === 0) {
      const d = newDiagnosis();
      d.nodeToStatus = statuses;
      statuses.setAbsentNodesStatus(new Status(Code.UnschedulableAndUnresolvable, ['Preemption is not helpful for scheduling']));
      const fe = new FitError(allNodes.length, d);
      return { result: { nominatingInfo: { mode: 'Override', nominatedNodeName: '' } }, status: new Status(Code.Unschedulable, [fe.error()]) };
    }
    const best = this.selectCandidate(candidates);
    const s = this.prepareCandidate(best, pod);
    if (s) return { status: s };
    return { result: { nominatingInfo: { mode: 'Override', nominatedNodeName: best.name } } };
  }

  private findCandidates(state: CycleState, allNodes: readonly NodeInfo[], pod: Pod, m: NodeToStatus): { candidates: Candidate[]; statuses: NodeToStatus } {
    const potential = m.nodesForStatusCode(allNodes, Code.Unschedulable);
    if (potential.length === 0) return { candidates: [], statuses: new NodeToStatus() };
    const pdbs = this.h.lister<PDB>(res('poddisruptionbudgets.policy')).list();
    const [offset, numCandidates] = this.impl.getOffsetAndNumCandidates(potential.length);
    return this.dryRunPreemption(state, pod, potential, pdbs, offset, numCandidates);
  }

  /** DryRunPreemption: tries nodes from a random offset until enough candidates (one without PDB violation among them). */
  dryRunPreemption(state: CycleState, pod: Pod, potential: readonly NodeInfo[], pdbs: readonly PDB[], offset: number,
    numCandidates: number): { candidates: Candidate[]; statuses: NodeToStatus } {
    const nonViolating: Candidate[] = [];
    const violating: Candidate[] = [];
    const statuses = new NodeToStatus();
    for (let i = 0; i < potential.length; i++) {
      const nodeCopy = potential[(offset + i) % potential.length].clone();
      const { victims, numPDBViolations, status } = this.impl.selectVictimsOnNode(state.clone(), pod, nodeCopy, pdbs);
      if (!status && victims.length > 0) {
        (numPDBViolations === 0 ? nonViolating : violating).push({ name: nodeCopy.name, victims, numPDBViolations });
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= numCandidates) break;
        continue;
      }
      statuses.set(nodeCopy.name, status ?? Status.error(`expected at least one victim pod on node "${nodeCopy.name}"`));
    }
    return { candidates: [...nonViolating, ...violating], statuses };
  }

  /** SelectCandidate / pickOneNodeForPreemption with the default ordered score functions. */
  selectCandidate(candidates: readonly Candidate[]): Candidate {
    if (candidates.length === 1) return candidates[0];
    const scoreFns: ((c: Candidate) => number)[] = [
      (c) => -c.numPDBViolations,
      // victims are sorted most important first: the highest priority among them
      (c) => -podPriority(c.victims[0]),
      // the smallest sum of priorities (each shifted by MaxInt32+1 so that negatives count)
      (c) => -c.victims.reduce((s, v) => s + podPriority(v) + 2 ** 31, 0),
      (c) => -c.victims.length,
      // the latest start time among the highest-priority victims
      (c) => earliestStartOfHighest(c.victims),
    ];
    let pool = [...candidates];
    for (const fn of scoreFns) {
      let best = -Infinity;
      let next: Candidate[] = [];
      for (const c of pool) {
        const v = fn(c);
        if (v > best) {
          best = v;
          next = [c];
        } else if (v === best) next.push(c);
      }
      pool = next;
      if (pool.length === 1) break;
    }
    return pool[0];
  }

  /**
   * prepareCandidate: each victim gets a DisruptionTarget condition, is deleted, and a Preempted
   * event names the preemptor's UID; lower-priority pods nominated to the node lose the nomination.
   */
  private prepareCandidate(c: Candidate, pod: Pod): Status | undefined {
    const client = this.h.client;
    const now = rfc3339(this.h.clock.now());
    for (const victim of c.victims) {
      const ns = victim.metadata!.namespace!;
      const name = victim.metadata!.name!;
      try {
        client.patch(R.pods, ns, name, 'application/strategic-merge-patch+json', { status: { conditions: [{
          type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', lastTransitionTime: now,
          message: `${pod.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod` }] } },
        { subresource: 'status' });
        client.delete(R.pods, ns, name);
      } catch (e) {
        if (!isNotFound(e)) return Status.error(e as Error);
      }
      this.h.recorder.eventf(asRef(victim), asRef(pod), 'Normal', 'Preempted', 'Preempting', `Preempted by pod ${pod.metadata?.uid} on node ${c.name}`);
    }
    const prio = podPriority(pod);
    for (const pi of this.h.nominator.nominatedPodsForNode(c.name)) {
      if (podPriority(pi.pod) >= prio || pi.uid === pod.metadata?.uid) continue;
      try {
        client.patch(R.pods, pi.namespace, pi.name, 'application/strategic-merge-patch+json', { status: { nominatedNodeName: null } }, { subresource: 'status' });
      } catch {
        // ClearNominatedNodeName errors are logged upstream, not returned
      }
    }
    return undefined;
  }
}

function asRef(p: Pod): Pod {
  return p.kind && p.apiVersion ? p : { ...p, apiVersion: 'v1', kind: 'Pod' };
}

function earliestStartOfHighest(victims: readonly Pod[]): number {
  const top = podPriority(victims[0]);
  let earliest = Number.MAX_SAFE_INTEGER;
  for (const v of victims) {
    if (podPriority(v) !== top) continue;
    const t = v.status?.startTime ? Date.parse(v.status.startTime) : Number.MAX_SAFE_INTEGER;
    if (t < earliest) earliest = t;
  }
  return earliest;
}

// Models pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (v1.32): when no
// node fits, find nodes where evicting lower-priority pods would make room (respecting
// PodDisruptionBudgets where it can), pick one, evict, and nominate the pod there.
import type { Pod } from '../../../api';
import { labelSelectorAsSelector } from '../../../api';
import { Code, Evaluator, Status, moreImportantPod, podPriority, type CycleState, type Handle, type NodeInfo, type NodeToStatus,
  type PDB, type PluginFactory, type PodInfo, type PostFilterPlugin, type PostFilterResult, type PreemptionInterface } from '../../framework';

/** The plugin's name. */
export const NAME = 'DefaultPreemption';
/** DefaultPreemptionArgs minCandidateNodesPercentage default. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
/** DefaultPreemptionArgs minCandidateNodesAbsolute default. */
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;
/** SelectVictimsOnNode's message when nothing on a node has lower priority. */
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** podTerminatingByPreemption: deleting, with the scheduler's DisruptionTarget condition. */
function podTerminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  const c = p.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return !!c && c.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** filterPodsWithPDBViolation: victims whose eviction would exceed a budget's disruptionsAllowed. */
function filterPodsWithPDBViolation(pods: readonly PodInfo[], pdbs: readonly PDB[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const ok: PodInfo[] = [];
  for (const pi of pods) {
    let violated = false;
    const labels = pi.pod.metadata?.labels;
    if (labels && Object.keys(labels).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata?.namespace !== pi.namespace) return;
        let sel;
        try {
          sel = labelSelectorAsSelector(pdb.spec?.selector);
        } catch {
          return;
        }
        if (sel.empty() || !sel.matches(labels)) return;
        if (pdb.status?.disruptedPods && pi.name in pdb.status.disruptedPods) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : ok).push(pi);
  }
  return [violating, ok];
}

/** DefaultPreemption. */
export class DefaultPreemption implements PostFilterPlugin, PreemptionInterface {
  readonly name = NAME;
  private readonly evaluator: Evaluator;

  constructor(private readonly h: Handle) {
    this.evaluator = new Evaluator(h, this);
  }

  /** PostFilter: the evaluator's verdict, its message prefixed "preemption: ". */
  postFilter(state: CycleState, pod: Pod, m: NodeToStatus): { result?: PostFilterResult; status?: Status } {
    const { result, status } = this.evaluator.preempt(state, pod, m);
    if (status && status.message()) return { result, status: new Status(status.code, [`preemption: ${status.message()}`]) };
    return { result, status };
  }

  /** calculateNumCandidates: 10% of the nodes, at least 100, at most all. */
  getOffsetAndNumCandidates(numNodes: number): [number, number] {
    let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
    if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
    if (n > numNodes) n = numNodes;
    return [this.h.rng.int(numNodes), n];
  }

  /** PodEligibleToPreemptOthers. */
  podEligibleToPreemptOthers(pod: Pod, nominatedNodeStatus: Status | undefined): [boolean, string] {
    if (pod.spec?.preemptionPolicy === 'Never') return [false, 'not eligible due to preemptionPolicy=Never.'];
    const nom = pod.status?.nominatedNodeName;
    if (nom) {
      // The nominated node is no longer a fit: preempt again.
      if (nominatedNodeStatus?.code === Code.UnschedulableAndUnresolvable) return [true, ''];
      const ni = this.h.nodeInfos.get(nom);
      if (ni) {
        const prio = podPriority(pod);
        for (const p of ni.pods) {
          if (podPriority(p.pod) < prio && podTerminatingByPreemption(p.pod)) return [false, 'not eligible due to a terminating pod on the nominated node.'];
        }
      }
    }
    return [true, ''];
  }

  /**
   * SelectVictimsOnNode: remove every lower-priority pod; if the pod still does not fit, that failure
   * is the node's status. Otherwise reprieve as many as possible, most important first, those whose
   * eviction would violate a PDB before the others.
   */
  selectVictimsOnNode(state: CycleState, pod: Pod, ni: NodeInfo, pdbs: readonly PDB[]): { victims: Pod[]; numPDBViolations: number; status?: Status } {
    const r = this.h.runner;
    const prio = podPriority(pod);
    const potential: PodInfo[] = [];
    for (const pi of [...ni.pods]) {
      if (podPriority(pi.pod) < prio) {
        potential.push(pi);
        ni.removePod(pi);
        const s = r.runPreFilterExtensionRemovePod(state, pod, pi, ni);
        if (s) return { victims: [], numPDBViolations: 0, status: s };
      }
    }
    if (potential.length === 0) return { victims: [], numPDBViolations: 0, status: Status.unresolvable(NO_VICTIMS) };
    const fit = r.runFilterPluginsWithNominatedPods(state, pod, ni);
    if (fit) return { victims: [], numPDBViolations: 0, status: fit };
    potential.sort((a, b) => (moreImportantPod(a.pod, b.pod) ? -1 : moreImportantPod(b.pod, a.pod) ? 1 : 0));
    const [violating, nonViolating] = filterPodsWithPDBViolation(potential, pdbs);
    const victims: Pod[] = [];
    let numViolating = 0;
    const reprieve = (pi: PodInfo): boolean => {
      ni.addPod(pi);
      r.runPreFilterExtensionAddPod(state, pod, pi, ni);
      const fits = r.runFilterPluginsWithNominatedPods(state, pod, ni) === undefined;
      if (!fits) {
        ni.removePod(pi);
        r.runPreFilterExtensionRemovePod(state, pod, pi, ni);
        victims.push(pi.pod);
      }
      return fits;
    };
    for (const pi of violating) if (!reprieve(pi)) numViolating++;
    for (const pi of nonViolating) reprieve(pi);
    return { victims, numPDBViolations: numViolating };
  }
}

/** Factory. */
export const create: PluginFactory = (h) => new DefaultPreemption(h);

// Models pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go: NoSchedule and
// NoExecute taints keep pods that do not tolerate them off a node; PreferNoSchedule taints only lower
// the node's score (fewer intolerable ones is better).
import type { Pod, Node, Taint, Toleration } from '../../../api';
import { ActionType, MAX_NODE_SCORE, Status, SKIP, defaultNormalizeScore, findMatchingUntoleratedTaint, isDoNotScheduleTaint,
  tolerationsTolerateTaint, type ClusterEventWithHint, type CycleState, type EnqueueExtensions, type FilterPlugin, type NodeInfo,
  type PluginFactory, type PreScorePlugin, type ScorePlugin } from '../../framework';

/** The plugin's name. */
export const NAME = 'TaintToleration';
/** ErrReasonNotMatch (unused by Filter since v1.25, kept as upstream keeps it). */
export const ERR_REASON_NOT_MATCH = "node(s) had taints that the pod didn't tolerate";
/** The reason Filter gives: "node(s) had untolerated taint {key: value}". */
export const untoleratedReason = (t: Taint) => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

const PRE_SCORE_KEY = `PreScore${NAME}`;
// Captured once (see noderesources/fit.ts): called per tainted node.
const findUntolerated = findMatchingUntoleratedTaint;
const doNotSchedule = isDoNotScheduleTaint;

/** getAllTolerationPreferNoSchedule: tolerations that can tolerate PreferNoSchedule taints. */
function preferNoScheduleTolerations(ts: readonly Toleration[] | undefined): Toleration[] {
  return (ts ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** countIntolerableTaintsPreferNoSchedule. */
export function countIntolerableTaintsPreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++;
  return n;
}

/** TaintToleration. */
export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint },
      // isSchedulableAfterNodeChange: the node's taints are now all tolerated.
      hint: (pod, _o, n) => !findMatchingUntoleratedTaint((n as Node | undefined)?.spec?.taints ?? [], pod.spec?.tolerations, isDoNotScheduleTaint) }];
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const taints = nodeInfo.taints;
    if (taints.length === 0) return undefined;
    const t = findUntolerated(taints, pod.spec?.tolerations, doNotSchedule);
    return t ? Status.unresolvable(untoleratedReason(t)) : undefined;
  }

  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    if (nodes.length === 0) return SKIP;
    state.write(PRE_SCORE_KEY, preferNoScheduleTolerations(pod.spec?.tolerations));
    return undefined;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const taints = nodeInfo.taints;
    if (taints.length === 0) return 0;
    const tols = state.read<Toleration[]>(PRE_SCORE_KEY) ?? preferNoScheduleTolerations(pod.spec?.tolerations);
    return countIntolerableTaintsPreferNoSchedule(taints, tols);
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: number[]): Status | undefined {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    return undefined;
  }
}

/** Factory. */
export const create: PluginFactory = () => new TaintToleration();

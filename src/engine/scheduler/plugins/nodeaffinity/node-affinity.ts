// Models pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go: spec.nodeSelector and
// requiredDuringScheduling node affinity must match (Filter); preferred terms add their weights
// (Score, normalized by the best node). Required terms that name nodes (matchFields metadata.name In)
// narrow the nodes PreFilter hands on.
import type { Pod, Node } from '../../../api';
import { ActionType, MAX_NODE_SCORE, PreFilterResult, Status, SKIP, defaultNormalizeScore, getRequiredNodeAffinity,
  preferredTermsScore, type ClusterEventWithHint, type CycleState, type EnqueueExtensions, type FilterPlugin, type NodeInfo,
  type PluginFactory, type PreFilterPlugin, type PreScorePlugin, type RequiredNodeAffinity, type ScorePlugin } from '../../framework';

/** The plugin's name. */
export const NAME = 'NodeAffinity';
/** ErrReasonPod. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const PRE_FILTER_KEY = `PreFilter${NAME}`;
const PRE_SCORE_KEY = `PreScore${NAME}`;

type Preferred = { weight: number; preference: { matchExpressions?: never[]; matchFields?: never[] } }[];

/** NodeAffinity. */
export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint },
      // isSchedulableAfterNodeChange: the node now matches the pod's required affinity.
      hint: (pod, _o, n) => !n || getRequiredNodeAffinity(pod).match(n as Node) }];
  }

  preFilter(state: CycleState, pod: Pod): PreFilterResult | Status | undefined {
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    const ns = pod.spec?.nodeSelector;
    if (!req && !ns) return SKIP;
    state.write(PRE_FILTER_KEY, getRequiredNodeAffinity(pod));
    const terms = req?.nodeSelectorTerms ?? [];
    if (terms.length === 0) return undefined;
    // Nodes named by matchFields metadata.name In: every term must name some, else no narrowing.
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key === 'metadata.name' && r.operator === 'In') {
          const s = new Set(r.values ?? []);
          termNames = termNames ? new Set([...termNames].filter((x) => s.has(x))) : s;
        }
      }
      if (!termNames) return undefined;
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names && names.size === 0) return Status.unresolvable(ERR_REASON_CONFLICT);
    return names ? new PreFilterResult(names) : undefined;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const req = state.read<RequiredNodeAffinity>(PRE_FILTER_KEY) ?? getRequiredNodeAffinity(pod);
    return req.match(nodeInfo.node!) ? undefined : Status.unresolvable(ERR_REASON_POD);
  }

  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    if (nodes.length === 0) return undefined;
    const pref = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    // v1.32: nothing preferred, nothing to score.
    if (!pref || pref.length === 0) return SKIP;
    state.write(PRE_SCORE_KEY, pref);
    return undefined;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const pref = state.read<Preferred>(PRE_SCORE_KEY) ?? (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution as Preferred | undefined);
    return pref ? preferredTermsScore(pref, nodeInfo.node!) : 0;
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: number[]): Status | undefined {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    return undefined;
  }
}

/** Factory. */
export const create: PluginFactory = () => new NodeAffinity();

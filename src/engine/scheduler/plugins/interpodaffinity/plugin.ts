// Models pkg/scheduler/framework/plugins/interpodaffinity/plugin.go (v1.32 defaults:
// hardPodAffinityWeight 1, ignorePreferredTermsOfExistingPods false).
import type { Pod, Namespace } from '../../../api';
import { R } from '../../../client';
import { ActionType, PodInfo, SKIP, Status, type AffinityTerm, type ClusterEventWithHint, type CycleState, type EnqueueExtensions,
  type FilterPlugin, type Handle, type NodeInfo, type PluginFactory, type PreFilterExtensions, type PreFilterPlugin,
  type PreScorePlugin, type ScorePlugin, MATCH_NOTHING } from '../../framework';
import { PreFilterState, existingAntiAffinityCounts, filterNode, incomingCounts } from './filtering';
import { normalize, processExistingPod, scoreNode, type ScoreMap } from './scoring';

/** The plugin's name. */
export const NAME = 'InterPodAffinity';
/** DefaultHardPodAffinityWeight. */
export const DEFAULT_HARD_POD_AFFINITY_WEIGHT = 1;

const PRE_FILTER_KEY = `PreFilter${NAME}`;
const PRE_SCORE_KEY = `PreScore${NAME}`;

/** InterPodAffinity. */
export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions, PreFilterExtensions {
  readonly name = NAME;
  private readonly namespaces;

  constructor(private readonly h: Handle, private readonly hardPodAffinityWeight = DEFAULT_HARD_POD_AFFINITY_WEIGHT) {
    this.namespaces = h.lister<Namespace>(R.namespaces);
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Pod', actionType: ActionType.All } },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel } },
    ];
  }

  /** GetNamespaceLabelsSnapshot. */
  private nsLabels(ns: string): Readonly<Record<string, string>> | undefined {
    return this.namespaces.get(undefined, ns)?.metadata?.labels;
  }

  /** mergeAffinityTermNamespacesIfNotEmpty: a namespace selector becomes the list of namespaces it selects. */
  private mergeNamespaces(t: AffinityTerm): AffinityTerm {
    if (t.namespaceSelector.empty() && !t.namespaceSelector.nothing) {
      // An empty selector selects every namespace: keep it as is (matches all).
      return t;
    }
    if (t.namespaceSelector.nothing) return t;
    const names = new Set(t.namespaces);
    for (const n of this.namespaces.list(undefined, t.namespaceSelector)) names.add(n.metadata!.name!);
    return { ...t, namespaces: names, namespaceSelector: MATCH_NOTHING };
  }

  private podInfoFor(pod: Pod): PodInfo {
    const pi = new PodInfo(pod);
    pi.requiredAffinityTerms.splice(0, Infinity, ...pi.requiredAffinityTerms.map((t) => this.mergeNamespaces(t)));
    pi.requiredAntiAffinityTerms.splice(0, Infinity, ...pi.requiredAntiAffinityTerms.map((t) => this.mergeNamespaces(t)));
    pi.preferredAffinityTerms.splice(0, Infinity, ...pi.preferredAffinityTerms.map((t) => ({ ...this.mergeNamespaces(t), weight: t.weight })));
    pi.preferredAntiAffinityTerms.splice(0, Infinity, ...pi.preferredAntiAffinityTerms.map((t) => ({ ...this.mergeNamespaces(t), weight: t.weight })));
    return pi;
  }

  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    const withAnti = this.h.nodeInfos.havePodsWithRequiredAntiAffinityList();
    const a = pod.spec?.affinity;
    const hasOwn = !!(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length
      || a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length);
    if (withAnti.length === 0 && !hasOwn) return SKIP;
    const pi = this.podInfoFor(pod);
    if (pi.parseError) return Status.unresolvable(`parsing pod: ${pi.parseError.message}`);
    const nsLabels = this.nsLabels(pod.metadata?.namespace ?? '');
    const existing = existingAntiAffinityCounts(pod, nsLabels, withAnti);
    const { affinity, antiAffinity } = incomingCounts(pi, nodes);
    if (existing.size === 0 && pi.requiredAffinityTerms.length === 0 && pi.requiredAntiAffinityTerms.length === 0) return SKIP;
    state.write(PRE_FILTER_KEY, new PreFilterState(pi, nsLabels, existing, affinity, antiAffinity));
    return undefined;
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(state: CycleState, _p: Pod, pi: PodInfo, ni: NodeInfo): Status | undefined {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(pi, ni.node!, 1);
    return undefined;
  }

  removePod(state: CycleState, _p: Pod, pi: PodInfo, ni: NodeInfo): Status | undefined {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(pi, ni.node!, -1);
    return undefined;
  }

  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return Status.error(`error reading "${PRE_FILTER_KEY}" from cycleState: not found`);
    return filterNode(s, nodeInfo);
  }

  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    if (nodes.length === 0) return SKIP;
    const a = pod.spec?.affinity;
    const hasConstraints = !!(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length
      || a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length);
    // Without preferred terms of its own, only nodes hosting pods with affinity can matter.
    const all = hasConstraints ? this.h.nodeInfos.list() : this.h.nodeInfos.havePodsWithAffinityList();
    if (all.length === 0) return SKIP;
    const pi = this.podInfoFor(pod);
    const nsLabels = this.nsLabels(pod.metadata?.namespace ?? '');
    const m: ScoreMap = new Map();
    for (const ni of all) {
      for (const ep of hasConstraints ? ni.pods : ni.podsWithAffinity) processExistingPod(m, pi, nsLabels, ep, ni.node!, this.hardPodAffinityWeight);
    }
    if (m.size === 0) return SKIP;
    state.write(PRE_SCORE_KEY, m);
    return undefined;
  }

  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number {
    const m = state.read<ScoreMap>(PRE_SCORE_KEY);
    return m ? scoreNode(m, nodeInfo) : 0;
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: number[]): Status | undefined {
    const m = state.read<ScoreMap>(PRE_SCORE_KEY);
    if (m && m.size > 0) normalize(scores);
    return undefined;
  }
}

/** Factory. */
export const create: PluginFactory = (h) => new InterPodAffinity(h);

// Models pkg/scheduler/framework/plugins/interpodaffinity/filtering.go: required pod affinity (some
// matching pod in the node's domain), required anti-affinity (none), and the anti-affinity of pods
// already running (the new pod must not land in a domain they exclude it from).
import type { Pod, Node } from '../../../api';
import { Status, termMatches, type AffinityTerm, type NodeInfo, type PodInfo } from '../../framework';

/** ErrReasonExistingAntiAffinityRulesNotMatch. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch. */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

type Counts = Map<string, number>;
const pair = (k: string, v: string) => `${k}\u0000${v}`;

function update(m: Counts, node: Node, key: string, delta: number): void {
  const v = node.metadata?.labels?.[key];
  if (v === undefined) return;
  const k = pair(key, v);
  const n = (m.get(k) ?? 0) + delta;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** podMatchesAllAffinityTerms. */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, undefined)) return false;
  return true;
}

/** preFilterState. */
export class PreFilterState {
  constructor(
    readonly podInfo: PodInfo,
    readonly nsLabels: Readonly<Record<string, string>> | undefined,
    /** Domains where an existing pod's required anti-affinity matches the new pod. */
    readonly existingAntiAffinityCounts: Counts = new Map(),
    /** Domains with pods matching all of the new pod's required affinity terms. */
    readonly affinityCounts: Counts = new Map(),
    /** Domains with pods matching one of the new pod's required anti-affinity terms. */
    readonly antiAffinityCounts: Counts = new Map(),
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.podInfo, this.nsLabels, new Map(this.existingAntiAffinityCounts), new Map(this.affinityCounts),
      new Map(this.antiAffinityCounts));
  }

  /** updateWithPod (AddPod/RemovePod). */
  updateWithPod(pi: PodInfo, node: Node, delta: number): void {
    for (const t of pi.requiredAntiAffinityTerms) if (termMatches(t, this.podInfo.pod, this.nsLabels)) update(this.existingAntiAffinityCounts, node, t.topologyKey, delta);
    if (podMatchesAllAffinityTerms(this.podInfo.requiredAffinityTerms, pi.pod)) {
      for (const t of this.podInfo.requiredAffinityTerms) update(this.affinityCounts, node, t.topologyKey, delta);
    }
    for (const t of this.podInfo.requiredAntiAffinityTerms) if (termMatches(t, pi.pod, undefined)) update(this.antiAffinityCounts, node, t.topologyKey, delta);
  }
}

/** getExistingAntiAffinityCounts over the nodes with pods having required anti-affinity. */
export function existingAntiAffinityCounts(pod: Pod, nsLabels: Readonly<Record<string, string>> | undefined, nodes: readonly NodeInfo[]): Counts {
  const m: Counts = new Map();
  for (const ni of nodes) {
    for (const ep of ni.podsWithRequiredAntiAffinity) {
      for (const t of ep.requiredAntiAffinityTerms) if (termMatches(t, pod, nsLabels)) update(m, ni.node!, t.topologyKey, 1);
    }
  }
  return m;
}

/** getIncomingAffinityAntiAffinityCounts over every node. */
export function incomingCounts(pi: PodInfo, nodes: readonly NodeInfo[]): { affinity: Counts; antiAffinity: Counts } {
  const affinity: Counts = new Map();
  const antiAffinity: Counts = new Map();
  if (pi.requiredAffinityTerms.length === 0 && pi.requiredAntiAffinityTerms.length === 0) return { affinity, antiAffinity };
  for (const ni of nodes) {
    for (const ep of ni.pods) {
      if (podMatchesAllAffinityTerms(pi.requiredAffinityTerms, ep.pod)) {
        for (const t of pi.requiredAffinityTerms) update(affinity, ni.node!, t.topologyKey, 1);
      }
      for (const t of pi.requiredAntiAffinityTerms) if (termMatches(t, ep.pod, undefined)) update(antiAffinity, ni.node!, t.topologyKey, 1);
    }
  }
  return { affinity, antiAffinity };
}

/** satisfyPodAffinity: every term's domain has a match — or no pod anywhere matches and the pod matches its own terms (the first replica). */
function satisfyPodAffinity(s: PreFilterState, labels: Readonly<Record<string, string>>): boolean {
  let podsExist = true;
  for (const t of s.podInfo.requiredAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist) return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.podInfo.requiredAffinityTerms, s.podInfo.pod);
  return true;
}

function satisfyPodAntiAffinity(s: PreFilterState, labels: Readonly<Record<string, string>>): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const t of s.podInfo.requiredAntiAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, labels: Readonly<Record<string, string>>): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const k in labels) if ((s.existingAntiAffinityCounts.get(pair(k, labels[k])) ?? 0) > 0) return false;
  return true;
}

/** Filter. */
export function filterNode(s: PreFilterState, ni: NodeInfo): Status | undefined {
  const labels = ni.labels;
  if (!satisfyPodAffinity(s, labels)) return Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  if (!satisfyPodAntiAffinity(s, labels)) return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  if (!satisfyExistingPodsAntiAffinity(s, labels)) return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
  return undefined;
}

// Models pkg/scheduler/framework/plugins/interpodaffinity/scoring.go: preferred (anti-)affinity of
// the new pod towards existing pods and of existing pods towards it (required affinity of existing
// pods counts with hardPodAffinityWeight), summed per topology domain; min-max normalized.
import type { Pod, Node } from '../../../api';
import { MAX_NODE_SCORE, termMatches, type AffinityTerm, type NodeInfo, type PodInfo, type WeightedAffinityTerm } from '../../framework';

/** Scores per topology key and value. */
export type ScoreMap = Map<string, Map<string, number>>;

function processTerm(m: ScoreMap, t: AffinityTerm, weight: number, pod: Pod, nsLabels: Readonly<Record<string, string>> | undefined,
  node: Node, mult: number): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const v = node.metadata?.labels?.[t.topologyKey];
  if (v === undefined) return;
  let byVal = m.get(t.topologyKey);
  if (!byVal) m.set(t.topologyKey, (byVal = new Map()));
  byVal.set(v, (byVal.get(v) ?? 0) + weight * mult);
}

function processTerms(m: ScoreMap, ts: readonly WeightedAffinityTerm[], pod: Pod, nsLabels: Readonly<Record<string, string>> | undefined,
  node: Node, mult: number): void {
  for (const t of ts) processTerm(m, t, t.weight, pod, nsLabels, node, mult);
}

/** processExistingPod. */
export function processExistingPod(m: ScoreMap, incoming: PodInfo, nsLabels: Readonly<Record<string, string>> | undefined,
  existing: PodInfo, node: Node, hardPodAffinityWeight: number): void {
  if (!node.metadata?.labels || Object.keys(node.metadata.labels).length === 0) return;
  processTerms(m, incoming.preferredAffinityTerms, existing.pod, undefined, node, 1);
  processTerms(m, incoming.preferredAntiAffinityTerms, existing.pod, undefined, node, -1);
  if (hardPodAffinityWeight > 0) {
    for (const t of existing.requiredAffinityTerms) processTerm(m, t, hardPodAffinityWeight, incoming.pod, nsLabels, node, 1);
  }
  processTerms(m, existing.preferredAffinityTerms, incoming.pod, nsLabels, node, 1);
  processTerms(m, existing.preferredAntiAffinityTerms, incoming.pod, nsLabels, node, -1);
}

/** Score: the sums of the node's domains. */
export function scoreNode(m: ScoreMap, ni: NodeInfo): number {
  let s = 0;
  const labels = ni.labels;
  for (const [k, byVal] of m) {
    const v = labels[k];
    if (v !== undefined) s += byVal.get(v) ?? 0;
  }
  return s;
}

/** NormalizeScore: min-max onto 0..100 (truncated). */
export function normalize(scores: number[]): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s > max) max = s;
    if (s < min) min = s;
  }
  const diff = max - min;
  const top = MAX_NODE_SCORE;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(top * ((scores[i] - min) / diff)) : 0;
}

// Models pkg/scheduler/framework/plugins/podtopologyspread/scoring.go: ScheduleAnyway constraints
// score a node by the matching pods already in its domains (fewer is better), each constraint
// weighted by log(number of domains + 2); normalized so the emptiest node scores 100.
import type { Pod } from '../../../api';
import { MAX_NODE_SCORE, getRequiredNodeAffinity, type NodeInfo } from '../../framework';
import { LABEL_HOSTNAME, matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, type SpreadConstraint } from './common';

/** preScoreState. */
export interface PreScoreState {
  constraints: SpreadConstraint[];
  ignoredNodes: Set<string>;
  /** Matching pods per "key\0value" domain (hostname domains are counted per node in Score). */
  pairToPodCounts: Map<string, number>;
  normalizingWeight: number[];
}

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

/** topologyNormalizingWeight: log(size + 2). */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** scoreForCount: cnt × weight + (maxSkew − 1). */
export function scoreForCount(cnt: number, maxSkew: number, weight: number): number {
  return cnt * weight + (maxSkew - 1);
}

/**
 * initPreScoreState + PreScore's counting. `requireAll` (the pod's own constraints, or a non-system
 * default) ignores nodes lacking a topology key. Counting skips domains no filtered node has the
 * label for: Score never reads them (a kubesim shortcut with the same result).
 */
export function buildPreScoreState(pod: Pod, constraints: SpreadConstraint[], filtered: readonly NodeInfo[],
  allNodes: readonly NodeInfo[], requireAll: boolean): PreScoreState {
  const s: PreScoreState = { constraints, ignoredNodes: new Set(), pairToPodCounts: new Map(), normalizingWeight: [] };
  const topoSize = new Array<number>(constraints.length).fill(0);
  const needed = new Set<string>();
  for (const ni of filtered) {
    const labels = ni.labels;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(ni.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return;
      const v = labels[c.topologyKey];
      const k = pairKey(c.topologyKey, v ?? '');
      if (!s.pairToPodCounts.has(k)) {
        s.pairToPodCounts.set(k, 0);
        topoSize[i]++;
      }
      if (v !== undefined) needed.add(k);
    });
  }
  s.normalizingWeight = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? filtered.length - s.ignoredNodes.size : topoSize[i]));
  if (needed.size === 0) return s;
  const req = getRequiredNodeAffinity(pod);
  const ns = pod.metadata?.namespace ?? '';
  for (const ni of allNodes) {
    if (requireAll && !nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) continue;
    for (const c of constraints) {
      if (c.topologyKey === LABEL_HOSTNAME) continue;
      const k = pairKey(c.topologyKey, ni.labels[c.topologyKey] ?? '');
      if (!needed.has(k)) continue;
      if (!matchNodeInclusionPolicies(c, pod, ni.node!, req)) continue;
      s.pairToPodCounts.set(k, s.pairToPodCounts.get(k)! + ni.countMatching(c.selector, ns));
    }
  }
  return s;
}

/** Score of one node (rounded as upstream's math.Round). */
export function scoreNode(s: PreScoreState, pod: Pod, ni: NodeInfo): number {
  if (s.ignoredNodes.has(ni.name)) return 0;
  let score = 0;
  const ns = pod.metadata?.namespace ?? '';
  const labels = ni.labels;
  s.constraints.forEach((c, i) => {
    const v = labels[c.topologyKey];
    if (v === undefined) return;
    const cnt = c.topologyKey === LABEL_HOSTNAME ? ni.countMatching(c.selector, ns) : (s.pairToPodCounts.get(pairKey(c.topologyKey, v)) ?? 0);
    score += scoreForCount(cnt, c.maxSkew, s.normalizingWeight[i]);
  });
  return goRound(score);
}

/** NormalizeScore: max + min − score, scaled by the max; ignored nodes get 0; all-zero gives 100. */
export function normalize(s: PreScoreState, scores: number[], nodes: readonly NodeInfo[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  const invalid = new Array<boolean>(scores.length).fill(false);
  for (let i = 0; i < scores.length; i++) {
    if (s.ignoredNodes.has(nodes[i].name)) {
      invalid[i] = true;
      continue;
    }
    if (scores[i] < min) min = scores[i];
    if (scores[i] > max) max = scores[i];
  }
  for (let i = 0; i < scores.length; i++) {
    if (invalid[i]) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  }
}

/** math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

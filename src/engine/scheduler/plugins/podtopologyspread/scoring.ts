// Models pkg/scheduler/framework/plugins/podtopologyspread/scoring.go: ScheduleAnyway constraints
// score a node by the matching pods already in its domains (fewer is better), each constraint
// weighted by log(number of domains + 2); normalized so the emptiest node scores 100.
import type { Pod } from '../../../api';
import { MAX_NODE_SCORE, getRequiredNodeAffinity, podMatcher, type NodeInfo, type PodMatcher } from '../../framework';
import { LABEL_HOSTNAME, matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, type SpreadConstraint } from './common';

/** preScoreState. */
export interface PreScoreState {
  constraints: SpreadConstraint[];
  /** Each constraint's selector prepared for counting in the pod's namespace. */
  matchers: PodMatcher[];
  ignoredNodes: Set<string>;
  /** Per constraint: matching pods per topology value (hostname domains are counted per node in Score). */
  counts: Map<string, number>[];
  normalizingWeight: number[];
}

// Read once (imported bindings are getters under CommonJS; these are used per node).
const HOSTNAME = LABEL_HOSTNAME;
const MAX_SCORE = MAX_NODE_SCORE;

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
  const ns = pod.metadata?.namespace ?? '';
  const n = constraints.length;
  const s: PreScoreState = { constraints, matchers: constraints.map((c) => podMatcher(c.selector, ns)), ignoredNodes: new Set(),
    counts: constraints.map(() => new Map()), normalizingWeight: [] };
  const needed: Set<string>[] = constraints.map(() => new Set());
  let anyNeeded = false;
  for (const ni of filtered) {
    const labels = ni.labels;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(ni.name);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const key = constraints[i].topologyKey;
      if (key === HOSTNAME) continue;
      const v = labels[key];
      // A node without the label still makes the "" domain count towards the number of domains.
      if (!s.counts[i].has(v ?? '')) s.counts[i].set(v ?? '', 0);
      if (v !== undefined) {
        needed[i].add(v);
        anyNeeded = true;
      }
    }
  }
  s.normalizingWeight = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === HOSTNAME ? filtered.length - s.ignoredNodes.size : s.counts[i].size));
  if (!anyNeeded) return s;
  const req = getRequiredNodeAffinity(pod);
  for (const ni of allNodes) {
    if (requireAll && !nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) continue;
    for (let i = 0; i < n; i++) {
      const c = constraints[i];
      if (c.topologyKey === HOSTNAME) continue;
      const v = ni.labels[c.topologyKey] ?? '';
      if (!needed[i].has(v)) continue;
      if (!matchNodeInclusionPolicies(c, pod, ni.node!, req)) continue;
      s.counts[i].set(v, s.counts[i].get(v)! + ni.countMatching(s.matchers[i]));
    }
  }
  return s;
}

/** Score of one node (rounded as upstream's math.Round). */
export function scoreNode(s: PreScoreState, ni: NodeInfo): number {
  if (s.ignoredNodes.size && s.ignoredNodes.has(ni.name)) return 0;
  let score = 0;
  const labels = ni.labels;
  const cs = s.constraints;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const v = labels[c.topologyKey];
    if (v === undefined) continue;
    const cnt = c.topologyKey === HOSTNAME ? ni.countMatching(s.matchers[i]) : (s.counts[i].get(v) ?? 0);
    score += cnt * s.normalizingWeight[i] + (c.maxSkew - 1);
  }
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
    else if (max === 0) scores[i] = MAX_SCORE;
    else scores[i] = Math.trunc((MAX_SCORE * (max + min - scores[i])) / max);
  }
}

/** math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

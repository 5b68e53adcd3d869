// Models pkg/scheduler/framework/plugins/podtopologyspread/filtering.go: DoNotSchedule constraints.
// A node fits when placing the pod there keeps (matching pods in its domain + 1) − (fewest in any
// eligible domain) within maxSkew; a node without the topology label never fits.
import type { Pod } from '../../../api';
import { Status, getRequiredNodeAffinity, podMatcher, type CycleState, type NodeInfo } from '../../framework';
import { matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, type SpreadConstraint } from './common';

/** ErrReasonConstraintsNotMatch. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ErrReasonNodeLabelNotMatch. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

/** criticalPaths: the two domains with the fewest matching pods, per topology key. */
class CriticalPaths {
  p: { value: string; num: number }[] = [{ value: '', num: Number.MAX_SAFE_INTEGER }, { value: '', num: Number.MAX_SAFE_INTEGER }];

  update(value: string, num: number): void {
    const p = this.p;
    const i = value === p[0].value ? 0 : value === p[1].value ? 1 : -1;
    if (i >= 0) {
      p[i].num = num;
      if (p[0].num > p[1].num) [p[0], p[1]] = [p[1], p[0]];
    } else if (num < p[0].num) {
      p[1] = p[0];
      p[0] = { value, num };
    } else if (num < p[1].num) p[1] = { value, num };
  }

  clone(): CriticalPaths {
    const c = new CriticalPaths();
    c.p = [{ ...this.p[0] }, { ...this.p[1] }];
    return c;
  }
}

/** preFilterState. */
export class PreFilterState {
  constructor(
    readonly constraints: SpreadConstraint[],
    readonly criticalPaths = new Map<string, CriticalPaths>(),
    readonly domainsNum = new Map<string, number>(),
    readonly pairToMatchNum = new Map<string, number>(),
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.constraints, new Map([...this.criticalPaths].map(([k, v]) => [k, v.clone()])),
      this.domainsNum, new Map(this.pairToMatchNum));
  }

  /** minMatchNum: fewer domains than minDomains count as a global minimum of 0. */
  minMatchNum(key: string, minDomains: number): number | undefined {
    const p = this.criticalPaths.get(key);
    if (!p) return undefined;
    const d = this.domainsNum.get(key);
    if (d === undefined) return undefined;
    return d < minDomains ? 0 : p.p[0].num;
  }

  /** updateWithPod (PreFilterExtensions AddPod/RemovePod). */
  updateWithPod(updated: Pod, preemptor: Pod, ni: NodeInfo, delta: number): void {
    const node = ni.node;
    if (!node || updated.metadata?.namespace !== preemptor.metadata?.namespace) return;
    if (!nodeLabelsMatchSpreadConstraints(ni.labels, this.constraints)) return;
    const req = getRequiredNodeAffinity(preemptor);
    for (const c of this.constraints) {
      if (!c.selector.matches(updated.metadata?.labels)) continue;
      if (!matchNodeInclusionPolicies(c, preemptor, node, req)) continue;
      const v = ni.labels[c.topologyKey];
      const k = pairKey(c.topologyKey, v);
      const n = (this.pairToMatchNum.get(k) ?? 0) + delta;
      this.pairToMatchNum.set(k, n);
      this.criticalPaths.get(c.topologyKey)?.update(v, n);
    }
  }
}

/** calPreFilterState: matching pods per domain over every eligible node. */
export function calPreFilterState(pod: Pod, constraints: SpreadConstraint[], allNodes: readonly NodeInfo[]): PreFilterState {
  const s = new PreFilterState(constraints);
  const req = getRequiredNodeAffinity(pod);
  const ns = pod.metadata?.namespace ?? '';
  const matchers = constraints.map((c) => podMatcher(c.selector, ns));
  for (const ni of allNodes) {
    if (!nodeLabelsMatchSpreadConstraints(ni.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod, ni.node!, req)) return;
      const k = pairKey(c.topologyKey, ni.labels[c.topologyKey]);
      s.pairToMatchNum.set(k, (s.pairToMatchNum.get(k) ?? 0) + ni.countMatching(matchers[i]));
    });
  }
  for (const k of s.pairToMatchNum.keys()) {
    const key = k.slice(0, k.indexOf('\u0000'));
    s.domainsNum.set(key, (s.domainsNum.get(key) ?? 0) + 1);
  }
  for (const c of constraints) s.criticalPaths.set(c.topologyKey, new CriticalPaths());
  for (const [k, n] of s.pairToMatchNum) {
    const i = k.indexOf('\u0000');
    s.criticalPaths.get(k.slice(0, i))!.update(k.slice(i + 1), n);
  }
  return s;
}

/** Filter. */
export function filterNode(s: PreFilterState, pod: Pod, ni: NodeInfo): Status | undefined {
  for (const c of s.constraints) {
    const tpVal = ni.labels[c.topologyKey];
    if (tpVal === undefined) return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const min = s.minMatchNum(c.topologyKey, c.minDomains);
    if (min === undefined) continue;
    const self = c.selector.matches(pod.metadata?.labels) ? 1 : 0;
    const matchNum = s.pairToMatchNum.get(pairKey(c.topologyKey, tpVal)) ?? 0;
    if (matchNum + self - min > c.maxSkew) return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return undefined;
}

/** Reads the PreFilter state. */
export function getPreFilterState(state: CycleState, key: string): PreFilterState | undefined {
  return state.read<PreFilterState>(key);
}

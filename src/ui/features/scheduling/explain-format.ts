// "Why is this pod here / not scheduled?" in words: the scheduler's last attempt for a pod turned
// into a headline and one row per node (passed every filter with its scores, or the filter that
// rejected it and why). Pure; SchedulingPanel draws it.
import type { NodeVerdict, SchedulingAttempt } from '../../../worker';

/** One node's row. */
export interface VerdictRow {
  node: string;
  passed: boolean;
  selected: boolean;
  /** "Passed every filter" or "TaintToleration: node(s) had untolerated taint {…}". */
  verdict: string;
  /** The weighted total (feasible nodes that were scored). */
  total: number | undefined;
  /** "NodeResourcesFit: 72 × 1 = 72" per score plugin. */
  scores: string[];
}

/** The headline of an attempt. */
export function headline(a: SchedulingAttempt): string {
  if (a.result === 'Scheduled') return `Scheduled on ${a.node ?? '?'}`;
  if (a.result === 'SchedulerError') return `Scheduler error: ${a.message ?? ''}`.trimEnd();
  return a.nominatedNode ? `Not scheduled yet: waiting for ${a.nominatedNode} (preemption)` : 'Not scheduled';
}

/** "3 nodes: 2 passed every filter, 1 rejected." */
export function summary(a: SchedulingAttempt): string {
  const all = `${a.numAllNodes} node${a.numAllNodes === 1 ? '' : 's'}`;
  if (a.preFilter) return `${all}: ${a.preFilter.plugin} rejected the pod before any node was looked at.`;
  const rejected = a.evaluatedNodes - a.feasibleNodes;
  const parts = [`${a.feasibleNodes} passed every filter`, `${rejected} rejected`];
  if (a.evaluatedNodes < a.numAllNodes) parts.push(`${a.numAllNodes - a.evaluatedNodes} not looked at (enough feasible nodes found)`);
  return `${all}: ${parts.join(', ')}.`;
}

function rowOf(v: NodeVerdict): VerdictRow {
  if (v.filter) {
    return { node: v.node, passed: false, selected: false, total: undefined, scores: [],
      verdict: `${v.filter.plugin}: ${v.filter.reasons.join('; ') || v.filter.code}` };
  }
  return {
    node: v.node, passed: true, selected: !!v.selected, total: v.total,
    verdict: v.selected ? 'Passed every filter · chosen' : 'Passed every filter',
    scores: (v.scores ?? []).map((s) => `${s.plugin}: ${s.raw} → ${s.weighted} (weight ${s.weight})`),
  };
}

/** One row per node: the chosen node first, then the others that passed (best score first), then the rejected. */
export function verdictRows(a: SchedulingAttempt): VerdictRow[] {
  const rows = (a.nodes ?? []).map(rowOf);
  const rank = (r: VerdictRow) => (r.selected ? 0 : r.passed ? 1 : 2);
  return rows.sort((x, y) => rank(x) - rank(y) || (y.total ?? 0) - (x.total ?? 0) || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
}

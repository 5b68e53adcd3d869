// Helpers several plugins share. Models pkg/scheduler/framework/plugins/helper (normalize_score.go,
// taint.go), k8s.io/component-helpers/scheduling/corev1 (FindMatchingUntoleratedTaint,
// TolerationsTolerateTaint) and core/v1 toleration.go ToleratesTaint.
import type { Taint, Toleration } from '../../api';
import { MAX_NODE_SCORE } from './types';

/**
 * DefaultNormalizeScore: scales scores onto 0..maxPriority by the highest one (integer division, as
 * Go's int64 arithmetic truncates); reverse flips them (fewer is better). All zero: 0, or max when reversed.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '': case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** TolerationsTolerateTaint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute taints keep pods off a node. */
export function isDoNotScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}

/** FindMatchingUntoleratedTaint: the first taint (of those the filter keeps) no toleration tolerates. */
export function findMatchingUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined,
  include: (t: Taint) => boolean): Taint | undefined {
  for (const t of taints) {
    if (!include(t)) continue;
    if (!tolerationsTolerateTaint(tolerations, t)) return t;
  }
  return undefined;
}

/** MaxNodeScore, re-exported where plugins compute. */
export { MAX_NODE_SCORE };

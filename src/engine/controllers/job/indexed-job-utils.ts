// Indexed Jobs: completion indexes on pods, the "1,3-5,7" interval text, which indexes to start.
// Models pkg/controller/job/indexed_job_utils.go and success_policy.go (matchSuccessPolicy).
import type { Container, Job, Pod, PodTemplateSpec } from '../../api';
import { hasJobTrackingFinalizer } from './util';

/** batch.JobCompletionIndexAnnotation (also the label of the PodIndexLabel feature, on by default). */
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** The env var every container of an Indexed Job gets. */
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** unknownCompletionIndex. */
export const UNKNOWN_COMPLETION_INDEX = -1;
/** validation.MaxGeneratedNameLength: 63 minus the 5 random characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** An inclusive interval of indexes. */
export interface Interval {
  first: number;
  last: number;
}

/** orderedIntervals: sorted, non-overlapping, non-adjacent intervals. */
export type OrderedIntervals = Interval[];

/** total: how many indexes the intervals hold. */
export function intervalsTotal(oi: OrderedIntervals): number {
  let n = 0;
  for (const v of oi) n += v.last - v.first + 1;
  return n;
}

/** has. */
export function intervalsHas(oi: OrderedIntervals, ix: number): boolean {
  return oi.some((v) => v.first <= ix && ix <= v.last);
}

/**
 * String: comma-separated; three or more consecutive numbers as "first-last", two as "a,b".
 * Example: [1], [3..5], [7] → "1,3-5,7"; [1..2] → "1,2".
 */
export function intervalsString(oi: OrderedIntervals): string {
  const parts: string[] = [];
  for (const v of oi) {
    if (v.last === v.first) parts.push(String(v.first));
    else if (v.last === v.first + 1) parts.push(`${v.first},${v.last}`);
    else parts.push(`${v.first}-${v.last}`);
  }
  return parts.join(',');
}

/** withOrderedIndexes: the intervals plus sorted new indexes, merged. */
export function withOrderedIndexes(oi: OrderedIntervals, newIndexes: readonly number[]): OrderedIntervals {
  const all = new Set<number>();
  for (const v of oi) for (let i = v.first; i <= v.last; i++) all.add(i);
  for (const i of newIndexes) all.add(i);
  return fromIndexes([...all].sort((a, b) => a - b));
}

function fromIndexes(sorted: readonly number[]): OrderedIntervals {
  const out: OrderedIntervals = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i === last.last + 1) last.last = i;
    else if (!last || i > last.last) out.push({ first: i, last: i });
  }
  return out;
}

/** parseIndexesFromString: "1,3-5,7" → intervals, dropping anything at or beyond `completions`. */
export function parseIndexesFromString(s: string | undefined, completions: number): OrderedIntervals {
  const idx: number[] = [];
  if (!s) return [];
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] !== undefined ? Number(m[2]) : first;
    for (let i = first; i <= Math.min(last, completions - 1); i++) idx.push(i);
  }
  return fromIndexes([...new Set(idx)].sort((a, b) => a - b));
}

/** getCompletionIndex: the pod's index annotation, or -1 when missing or invalid. */
export function getCompletionIndex(pod: Pod): number {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return UNKNOWN_COMPLETION_INDEX;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : UNKNOWN_COMPLETION_INDEX;
}

/**
 * calculateSucceededIndexes: the indexes in status.completedIndexes, and those plus the indexes of
 * succeeded pods not counted yet (still carrying the tracking finalizer).
 */
export function calculateSucceededIndexes(job: Job, pods: readonly Pod[]): { prev: OrderedIntervals; all: OrderedIntervals } {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIndexesFromString(job.status?.completedIndexes, completions);
  const fresh: number[] = [];
  for (const p of pods) {
    const ix = getCompletionIndex(p);
    if (p.status?.phase === 'Succeeded' && ix !== UNKNOWN_COMPLETION_INDEX && ix < completions && hasJobTrackingFinalizer(p)) fresh.push(ix);
  }
  return { prev, all: withOrderedIndexes(prev, fresh) };
}

/**
 * firstPendingIndexes: the lowest `count` indexes below `completions` that neither succeeded nor
 * have an active (or, when only failed pods are replaced, a terminating) pod.
 */
export function firstPendingIndexes(succeeded: OrderedIntervals, busyPods: readonly Pod[], count: number, completions: number): number[] {
  if (count <= 0) return [];
  const busy = new Set<number>();
  for (const p of busyPods) busy.add(getCompletionIndex(p));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) {
    if (!busy.has(i) && !intervalsHas(succeeded, i)) out.push(i);
  }
  return out;
}

/** byCompletionIndex: pods by index, unknown (-1) first; stable. */
export function sortByCompletionIndex(pods: Pod[]): Pod[] {
  return pods.sort((a, b) => getCompletionIndex(a) - getCompletionIndex(b));
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without a valid index, beyond completions, or
 * duplicating another pod's index go to `rm` (of duplicates the most advanced pod stays, chosen by
 * `activeLess`); the others go to `left`.
 */
export function appendDuplicatedIndexPodsForRemoval(pods: readonly Pod[], completions: number,
  sortActive: (ps: Pod[]) => Pod[]): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const left: Pod[] = [];
  const groups = new Map<number, Pod[]>();
  for (const p of sortByCompletionIndex([...pods])) {
    const ix = getCompletionIndex(p);
    if (ix >= completions || ix === UNKNOWN_COMPLETION_INDEX) {
      rm.push(p);
      continue;
    }
    let g = groups.get(ix);
    if (!g) groups.set(ix, (g = []));
    g.push(p);
  }
  for (const g of groups.values()) {
    if (g.length === 1) {
      left.push(g[0]);
      continue;
    }
    const sorted = sortActive(g);
    rm.push(...sorted.slice(0, -1));
    left.push(sorted[sorted.length - 1]);
  }
  return { rm, left };
}

/** addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the annotation, in every container. */
export function addCompletionIndexEnvVariables(template: PodTemplateSpec): void {
  const add = (c: Container) => {
    if (c.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) return;
    c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV,
      valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_ANNOTATION}']` } } }];
  };
  for (const c of template.spec?.initContainers ?? []) add(c);
  for (const c of template.spec?.containers ?? []) add(c);
}

/** addCompletionIndexAnnotation and addCompletionIndexLabel (PodIndexLabel, beta and on in v1.32). */
export function addCompletionIndex(template: PodTemplateSpec, index: number): void {
  const m = (template.metadata ??= {});
  m.annotations = { ...(m.annotations ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
  m.labels = { ...(m.labels ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix fits 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const appendix = `-${index}-`;
  const prefix = `${jobName}${appendix}`;
  if (prefix.length > MAX_GENERATED_NAME_LENGTH) return `${jobName.slice(0, MAX_GENERATED_NAME_LENGTH - appendix.length)}${appendix}`;
  return prefix;
}

/**
 * matchSuccessPolicy: the first rule met by the succeeded indexes, with its message. A rule lists
 * succeededIndexes, succeededCount, or both (count among the listed indexes).
 */
export function matchSuccessPolicy(job: Job, succeeded: OrderedIntervals): string | undefined {
  const rules = job.spec?.successPolicy?.rules;
  if (!rules?.length || !succeeded.length) return undefined;
  const completions = job.spec?.completions ?? 0;
  const msg = 'Matched rules at index';
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (r.succeededIndexes !== undefined) {
      const want = parseIndexesFromString(r.succeededIndexes, completions);
      if (!want.length) continue; // an unparsable rule never matches
      let n = 0;
      for (const v of want) for (let ix = v.first; ix <= v.last; ix++) if (intervalsHas(succeeded, ix)) n++;
      const need = r.succeededCount ?? intervalsTotal(want);
      if (n >= need) return `${msg} ${i}`;
    } else if (r.succeededCount !== undefined && intervalsTotal(succeeded) >= r.succeededCount) {
      return `${msg} ${i}`;
    }
  }
  return undefined;
}

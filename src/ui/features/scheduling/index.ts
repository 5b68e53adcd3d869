// "Why is this pod here / not scheduled?": the scheduler's per-node verdicts for a pod.
export { SchedulingPanel } from './SchedulingPanel';
export { headline, summary, verdictRows } from './explain-format';
export type { VerdictRow } from './explain-format';

// kube-scheduler (upstream pkg/scheduler): startScheduler(deps) runs the default profile.
export { Scheduler, startScheduler, DEFAULT_SCHEDULER_NAME, SCHEDULER_USER_AGENT, POD_FIELD_SELECTOR } from './scheduler';
export type { SchedulerDeps, SchedulerOptions } from './scheduler';
export type { SchedulingAttempt, NodeVerdict } from './explain';
export { numFeasibleNodesToFind } from './schedule-pod';
export { truncateMessage } from './schedule-one';
export { DEFAULT_PLUGINS, REGISTRY } from './plugins/registry';
export type { ProfilePlugin } from './plugins/registry';

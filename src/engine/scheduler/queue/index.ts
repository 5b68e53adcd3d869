// The scheduling queue (upstream pkg/scheduler/internal/queue).
export { SchedulingQueue, isPodUpdated, setPod, POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS, POD_MAX_IN_UNSCHEDULABLE_PODS_MS } from './scheduling-queue';
export type { QueueName, SchedulingQueueOptions } from './scheduling-queue';
export { Nominator, nominatedNodeNameOf } from './nominator';
export { KeyedHeap } from './heap';
export { EVENTS } from './events';

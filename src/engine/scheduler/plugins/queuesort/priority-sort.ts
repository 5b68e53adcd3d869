// Models pkg/scheduler/framework/plugins/queuesort/priority_sort.go: higher priority first, then the
// pod queued earlier.
import type { QueueSortPlugin, QueuedPodInfo, PluginFactory } from '../../framework';

/** The plugin's name. */
export const NAME = 'PrioritySort';

/** PrioritySort. */
export class PrioritySort implements QueueSortPlugin {
  readonly name = NAME;

  /** Less: priority, then timestamp; kubesim breaks exact ties by queue order (Go's heap leaves them open). */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    if (a.priority !== b.priority) return a.priority > b.priority;
    if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
    return a.seq < b.seq;
  }
}

/** Factory. */
export const create: PluginFactory = () => new PrioritySort();

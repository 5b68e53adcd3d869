// Models pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go: a pod with
// spec.schedulingGates does not enter activeQ; it waits until an update removes every gate. (The API
// server gives such a pod PodScheduled=False reason SchedulingGated when it is created.)
import type { Pod } from '../../../api';
import { Status, type PreEnqueuePlugin, type PluginFactory } from '../../framework';

/** The plugin's name. */
export const NAME = 'SchedulingGates';

/** SchedulingGates. */
export class SchedulingGates implements PreEnqueuePlugin {
  readonly name = NAME;

  /** PreEnqueue: "waiting for scheduling gates: [a b]" (Go's %v of a string slice). */
  preEnqueue(pod: Pod): Status | undefined {
    const gates = pod.spec?.schedulingGates ?? [];
    if (gates.length === 0) return undefined;
    return Status.unresolvable(`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
  }
}

/** Factory. */
export const create: PluginFactory = () => new SchedulingGates();

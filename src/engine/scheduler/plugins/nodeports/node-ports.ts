// Models pkg/scheduler/framework/plugins/nodeports/node_ports.go: a hostPort (protocol, host IP) can
// be used by one pod per node.
import type { Pod } from '../../../api';
import { ActionType, Status, SKIP, hostPortsOf, type ClusterEventWithHint, type CycleState, type EnqueueExtensions,
  type FilterPlugin, type NodeInfo, type PluginFactory, type PreFilterPlugin } from '../../framework';

/** The plugin's name. */
export const NAME = 'NodePorts';
/** ErrReason. */
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

const PRE_FILTER_KEY = `PreFilter${NAME}`;
type Ports = ReturnType<typeof hostPortsOf>;

/** fitsPorts: no wanted port conflicts with one in use. */
export function fitsPorts(want: Ports, nodeInfo: NodeInfo): boolean {
  for (const p of want) if (nodeInfo.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort)) return false;
  return true;
}

/** NodePorts. */
export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      // isSchedulableAfterPodDeleted: the deleted pod used a port the pod wants.
      { event: { resource: 'Pod', actionType: ActionType.Delete }, hint: (pod, old) => {
        const freed = hostPortsOf(old as Pod);
        return hostPortsOf(pod).some((w) => freed.some((f) => f.hostPort === w.hostPort && (f.protocol || 'TCP') === (w.protocol || 'TCP')));
      } },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.Update } },
    ];
  }

  preFilter(state: CycleState, pod: Pod): Status | undefined {
    const ports = hostPortsOf(pod);
    if (ports.length === 0) return SKIP;
    state.write(PRE_FILTER_KEY, ports);
    return undefined;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const want = state.read<Ports>(PRE_FILTER_KEY) ?? hostPortsOf(pod);
    return fitsPorts(want, nodeInfo) ? undefined : Status.unschedulable(ERR_REASON);
  }
}

/** Factory. */
export const create: PluginFactory = () => new NodePorts();

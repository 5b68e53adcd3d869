// Models pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go: a cordoned node
// (spec.unschedulable) takes only pods tolerating node.kubernetes.io/unschedulable:NoSchedule.
import type { Pod, Node } from '../../../api';
import { ActionType, Status, tolerationsTolerateTaint, type ClusterEventWithHint, type CycleState, type EnqueueExtensions,
  type FilterPlugin, type NodeInfo, type PluginFactory } from '../../framework';

/** The plugin's name. */
export const NAME = 'NodeUnschedulable';
/** ErrReasonUnschedulable. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** ErrReasonUnknownCondition. */
export const ERR_REASON_UNKNOWN_CONDITION = 'node(s) had unknown conditions';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

function tolerates(pod: Pod): boolean {
  return tolerationsTolerateTaint(pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
}

/** NodeUnschedulable. */
export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint },
      // isSchedulableAfterNodeChange: the node is (now) schedulable, or the pod tolerates it.
      hint: (pod, _old, n) => !(n as Node | undefined)?.spec?.unschedulable || tolerates(pod) }];
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const node = nodeInfo.node;
    if (!node) return Status.unresolvable(ERR_REASON_UNKNOWN_CONDITION);
    if (!node.spec?.unschedulable) return undefined;
    if (tolerates(pod)) return undefined;
    return Status.unresolvable(ERR_REASON_UNSCHEDULABLE);
  }
}

/** Factory. */
export const create: PluginFactory = () => new NodeUnschedulable();

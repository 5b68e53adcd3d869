// Models pkg/scheduler/framework/plugins/nodename/node_name.go: a pod that names its node
// (spec.nodeName, e.g. a DaemonSet pod in older controllers) fits only there.
import type { Pod, Node } from '../../../api';
import { ActionType, Status, type ClusterEventWithHint, type CycleState, type EnqueueExtensions, type FilterPlugin,
  type NodeInfo, type PluginFactory } from '../../framework';

/** The plugin's name. */
export const NAME = 'NodeName';
/** ErrReason. */
export const ERR_REASON = "node(s) didn't match the requested node name";

/** NodeName. */
export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add },
      hint: (pod, _o, n) => !pod.spec?.nodeName || pod.spec.nodeName === (n as Node | undefined)?.metadata?.name }];
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const want = pod.spec?.nodeName;
    if (!want || want === nodeInfo.name) return undefined;
    return Status.unresolvable(ERR_REASON);
  }
}

/** Factory. */
export const create: PluginFactory = () => new NodeName();

// Models pkg/scheduler/framework/plugins/defaultbinder/default_binder.go: POST pods/<name>/binding.
import type { Pod } from '../../../api';
import { R } from '../../../client';
import { Status, type BindPlugin, type CycleState, type Handle, type PluginFactory } from '../../framework';

/** The plugin's name. */
export const NAME = 'DefaultBinder';

/** DefaultBinder. */
export class DefaultBinder implements BindPlugin {
  readonly name = NAME;

  constructor(private readonly h: Handle) {}

  bind(_state: CycleState, pod: Pod, nodeName: string): Status | undefined {
    const m = pod.metadata!;
    try {
      this.h.client.createSubresource(R.pods, m.namespace, m.name!, 'binding', {
        apiVersion: 'v1', kind: 'Binding', metadata: { name: m.name, namespace: m.namespace, uid: m.uid },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      });
      return undefined;
    } catch (e) {
      return Status.error(e as Error);
    }
  }
}

/** Factory. */
export const create: PluginFactory = (h) => new DefaultBinder(h);

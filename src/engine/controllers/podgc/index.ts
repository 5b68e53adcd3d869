// The pod garbage collector (pkg/controller/podgc).
import type { Node, Pod } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME, PodGCController } from './gc-controller';

export { PodGCController, NAME, QUARANTINE_MS, TERMINATED_POD_GC_THRESHOLD, TAINT_NODE_OUT_OF_SERVICE } from './gc-controller';
export type { PodGCControllerDeps } from './gc-controller';

/** startPodGCController (cmd/kube-controller-manager/app/core.go); its service account is pod-garbage-collector. */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    return new PodGCController({ pods: ctx.informers.for<Pod>(R.pods), nodes: ctx.informers.for<Node>(R.nodes),
      client: ctx.clientFor('pod-garbage-collector'), clock: ctx.clock });
  },
};

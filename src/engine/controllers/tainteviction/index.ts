// The taint-eviction controller (pkg/controller/tainteviction; SeparateTaintEvictionController, on in v1.32).
import type { Node, Pod } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME, TaintEvictionController } from './taint-eviction';

export { TaintEvictionController, NAME, noExecuteTaints, toleratesTaint, matchingTolerations, minTolerationTime } from './taint-eviction';
export type { TaintEvictionControllerDeps } from './taint-eviction';

/** startTaintEvictionController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new TaintEvictionController({
      nodes: ctx.informers.for<Node>(R.nodes), pods: ctx.informers.for<Pod>(R.pods), client,
      recorder: ctx.recorderFor(NAME, client), clock: ctx.clock,
    });
  },
};

// The garbage collector (pkg/controller/garbagecollector).
import type { ControllerDescriptor } from '../shared';
import { CLIENT_NAME, GarbageCollector, NAME } from './garbage-collector';

export { GarbageCollector, NAME, CLIENT_NAME, deletableResources } from './garbage-collector';
export type { GarbageCollectorDeps } from './garbage-collector';
export { Graph, GraphNode, FINALIZER_ORPHAN, FINALIZER_FOREGROUND } from './graph';
export type { Identity, GraphChange } from './graph';

/** startGarbageCollectorController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    return new GarbageCollector({ client: ctx.clientFor(CLIENT_NAME), clock: ctx.clock, informerFor: (r) => ctx.informers.for(r) });
  },
};

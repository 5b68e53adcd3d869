// The EndpointSlice controller (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice).
import type { EndpointSlice, Node, Pod, Service } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { EndpointSliceController, EVENT_COMPONENT, NAME } from './endpointslice-controller';

export { EndpointSliceController, NAME, EVENT_COMPONENT, SLICE_CHANGE_MIN_SYNC_DELAY_MS } from './endpointslice-controller';
export type { EndpointSliceControllerDeps } from './endpointslice-controller';
export { reconcile, podToEndpoint, getEndpointPorts, endpointSliceLabels, newEndpointSlice, ownedBy, MAX_ENDPOINTS_PER_SLICE,
  CONTROLLER_QUALIFIED_NAME } from './reconciler';
export type { SlicePlan } from './reconciler';

/** startEndpointSliceController (cmd/kube-controller-manager/app/discovery.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(NAME);
    return new EndpointSliceController({
      services: ctx.informers.for<Service>(R.services), pods: ctx.informers.for<Pod>(R.pods), nodes: ctx.informers.for<Node>(R.nodes),
      slices: ctx.informers.for<EndpointSlice>(R.endpointslices), client, recorder: ctx.recorderFor(EVENT_COMPONENT, client),
      clock: ctx.clock,
    });
  },
};

// The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring).
import type { EndpointSlice, Endpoints, Service } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { EndpointSliceMirroringController, NAME } from './mirroring-controller';

export { EndpointSliceMirroringController, NAME, MIRRORING_CONTROLLER_NAME, desiredSlices } from './mirroring-controller';
export type { MirroringControllerDeps } from './mirroring-controller';

/** startEndpointSliceMirroringController (cmd/kube-controller-manager/app/discovery.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    return new EndpointSliceMirroringController({
      services: ctx.informers.for<Service>(R.services), endpoints: ctx.informers.for<Endpoints>(R.endpoints),
      slices: ctx.informers.for<EndpointSlice>(R.endpointslices), client: ctx.clientFor('endpointslicemirroring-controller'), clock: ctx.clock,
    });
  },
};

// The Endpoints controller (pkg/controller/endpoint).
import type { Endpoints, Pod, Service } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { EndpointsController, EVENT_COMPONENT, NAME, SERVICE_ACCOUNT } from './endpoints-controller';

export { EndpointsController, NAME, SERVICE_ACCOUNT, EVENT_COMPONENT, computeSubsets, podToEndpointAddress } from './endpoints-controller';
export type { EndpointsControllerDeps } from './endpoints-controller';
export { repackSubsets, truncateEndpoints, lessEndpointAddress, countAddresses, MAX_CAPACITY } from './repack';

/** startEndpointsController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor(SERVICE_ACCOUNT);
    return new EndpointsController({
      services: ctx.informers.for<Service>(R.services), pods: ctx.informers.for<Pod>(R.pods),
      endpoints: ctx.informers.for<Endpoints>(R.endpoints), client, recorder: ctx.recorderFor(EVENT_COMPONENT, client), clock: ctx.clock,
    });
  },
};

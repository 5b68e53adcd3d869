// The TTL-after-finished controller (pkg/controller/ttlafterfinished).
import type { Job } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME, TTLAfterFinishedController } from './ttl-after-finished';

export { TTLAfterFinishedController, NAME, jobFinishTime, needsCleanup } from './ttl-after-finished';
export type { TTLAfterFinishedControllerDeps } from './ttl-after-finished';

/** startTTLAfterFinishedController (cmd/kube-controller-manager/app/batch.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    return new TTLAfterFinishedController({ jobs: ctx.informers.for<Job>(R.jobs), client: ctx.clientFor(NAME), clock: ctx.clock });
  },
};

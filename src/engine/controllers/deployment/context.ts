// What the Deployment controller's sync functions share (the DeploymentController fields upstream).
import type { Deployment, ReplicaSet } from '../../api';
import type { Client, EventRecorder, Lister } from '../../client';
import type { SimMillis } from '../../clock';
import { withTypeMeta } from '../shared';

/** The controller's name and its events' source component. */
export const NAME = 'deployment-controller';
/** controllerKind. */
export const CONTROLLER_KIND = { apiVersion: 'apps/v1', kind: 'Deployment' } as const;

/** The state the sync functions use. */
export interface DeploymentSyncContext {
  client: Client;
  recorder: EventRecorder;
  rsLister: Lister<ReplicaSet>;
  now(): SimMillis;
  enqueueAfter(d: Deployment, ms: number): void;
  enqueueRateLimited(d: Deployment): void;
}

/** Records an event on the Deployment. */
export function recordEvent(dc: DeploymentSyncContext, d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
  dc.recorder.event(withTypeMeta(d, CONTROLLER_KIND.apiVersion, CONTROLLER_KIND.kind), type, reason, message);
}

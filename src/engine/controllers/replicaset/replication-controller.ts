// The replication controller: keeps spec.replicas pods running for every ReplicationController. It lives
// beside the ReplicaSet controller because it is that controller on another kind (controllers do not
// import each other). Models pkg/controller/replication/replication_controller.go (NewReplicationManager:
// the ReplicaSet logic with kind ReplicationController, its own event source) and conversion.go (an RC
// seen as a ReplicaSet: the selector map becomes matchLabels, the template pointer a value).
import type { KubeObject, ReplicaSet } from '../../api';
import { res } from '../../client';
import type { ManagedKind } from './replica-set';

/** The controller's name (and its events' source component). */
export const RC_NAME = 'replication-controller';

/** The kind it manages. */
export const RC_CONTROLLER_KIND = { apiVersion: 'v1', kind: 'ReplicationController' } as const;

/** A ReplicationController read as a ReplicaSet (conversion.go Convert_v1_ReplicationControllerSpec_To_apps_ReplicaSetSpec). */
export function replicaSetView(rc: KubeObject): ReplicaSet {
  const spec = (rc.spec ?? {}) as Record<string, unknown>;
  const selector = spec.selector as Record<string, string> | null | undefined;
  return { ...rc, spec: { ...spec, selector: selector ? { matchLabels: { ...selector } } : undefined } } as ReplicaSet;
}

/** ReplicationControllers for the ReplicaSet controller's logic. */
export const REPLICATION_CONTROLLER_KIND: ManagedKind = {
  controllerKind: RC_CONTROLLER_KIND, resource: res('replicationcontrollers'), queueName: 'replicationmanager', view: replicaSetView,
};

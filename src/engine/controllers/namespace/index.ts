// The namespace controller (pkg/controller/namespace).
import type { Namespace } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { NAME, NamespaceController } from './namespace-controller';

export { NamespaceController, NAME, NAMESPACE_DELETION_GRACE_PERIOD_MS } from './namespace-controller';
export type { NamespaceControllerDeps } from './namespace-controller';
export { NamespacedResourcesDeleter, ResourcesRemainingError, deletableNamespacedResources, FINALIZER_KUBERNETES,
  FINALIZER_ESTIMATE_SECONDS } from './namespaced-resources-deleter';
export { NamespaceConditionUpdater, CONDITION_TYPES } from './status-condition-utils';

/** startNamespaceController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    return new NamespaceController({ namespaces: ctx.informers.for<Namespace>(R.namespaces), client: ctx.clientFor(NAME), clock: ctx.clock });
  },
};

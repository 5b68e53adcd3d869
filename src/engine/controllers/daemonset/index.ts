// The DaemonSet controller (pkg/controller/daemon).
import type { ControllerRevision, DaemonSet, Node, Pod } from '../../api';
import { R } from '../../client';
import { RealPodControl, type ControllerDescriptor } from '../shared';
import { DaemonSetsController, NAME } from './daemon-controller';

export { DaemonSetsController, NAME, BURST_REPLICAS } from './daemon-controller';
export type { DaemonSetsControllerDeps } from './daemon-controller';
export { planRollingUpdate, findUpdatedPodsOnNode, constructHistory, cleanupHistory, snapshot, getPatch, match, CONTROLLER_KIND } from './update';
export type { RollingUpdatePlan } from './update';
export { nodeShouldRunDaemonPod, addOrUpdateDaemonPodTolerations, createPodTemplate, replaceNodeNameNodeAffinity, getTargetNodeName,
  isPodUpdated, surgeCount, unavailableCount, requiredNodeAffinityMatches, TEMPLATE_GENERATION_LABEL, TEMPLATE_GENERATION_ANNOTATION,
  REVISION_HASH_LABEL } from './util';

/** startDaemonSetController (cmd/kube-controller-manager/app/apps.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    // The service account is daemon-set-controller (cmd/kube-controller-manager/app/apps.go).
    const client = ctx.clientFor('daemon-set-controller');
    const recorder = ctx.recorderFor(NAME, client);
    return new DaemonSetsController({
      daemonSets: ctx.informers.for<DaemonSet>(R.daemonsets), nodes: ctx.informers.for<Node>(R.nodes), pods: ctx.informers.for<Pod>(R.pods),
      revisions: ctx.informers.for<ControllerRevision>(R.controllerrevisions), client, podControl: new RealPodControl(client, recorder),
      recorder, clock: ctx.clock,
    });
  },
};

// The node lifecycle controller (pkg/controller/nodelifecycle).
import type { Lease, Node, Pod } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { COMPONENT, NAME, NodeLifecycleController, NODE_LEASE_NAMESPACE } from './node-lifecycle-controller';

export { NodeLifecycleController, NAME, COMPONENT, NODE_MONITOR_PERIOD_MS, NODE_STARTUP_GRACE_PERIOD_MS, NODE_LEASE_NAMESPACE,
  POD_NODE_NAME_INDEX } from './node-lifecycle-controller';
export type { NodeLifecycleControllerDeps } from './node-lifecycle-controller';
export { tryUpdateNodeHealth, computeZoneState, zoneKey } from './node-health';
export type { NodeHealth, ZoneState } from './node-health';
export { RateLimitedTimedQueue, EVICTION_LIMITER_QPS } from './rate-limited-queue';
export { NOT_READY_TAINT, UNREACHABLE_TAINT, addOrUpdateTaintOnNode, removeTaintOffNode, swapNodeControllerTaint, taintSetDiff,
  TAINT_NODE_UNSCHEDULABLE } from './taints';
export { markPodsNotReady, recordNodeEvent, recordNodeStatusChange, updatePodCondition } from './util';

/** startNodeLifecycleController (cmd/kube-controller-manager/app/core.go). */
export const descriptor: ControllerDescriptor = {
  name: NAME,
  start(ctx) {
    const client = ctx.clientFor('node-controller');
    return new NodeLifecycleController({
      nodes: ctx.informers.for<Node>(R.nodes), leases: ctx.informers.for<Lease>(R.leases, { namespace: NODE_LEASE_NAMESPACE }),
      pods: ctx.informers.for<Pod>(R.pods), client, recorder: ctx.recorderFor(COMPONENT, client), clock: ctx.clock,
      nodeMonitorGracePeriodMs: ctx.timings.nodeMonitorGracePeriodMs,
    });
  },
};

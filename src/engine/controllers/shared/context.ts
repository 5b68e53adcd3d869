// What kube-controller-manager hands each controller it starts.
// Models cmd/kube-controller-manager/app/controllermanager.go ControllerContext and its
// InitFunc registry (NewControllerDescriptors), on the simulated clock.
import type { Client, EventRecorder, InformerFactory } from '../../client';
import type { Clock, Rng } from '../../clock';

/** The controller-manager timings controllers read (a structural slice of the cluster's timings). */
export interface ControllerTimings {
  /** --node-monitor-grace-period. */
  readonly nodeMonitorGracePeriodMs: number;
  /** --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds. */
  readonly podEvictionTolerationSeconds: number;
}

/** Everything a controller is started with. */
export interface ControllerContext {
  /** The one shared informer factory of the controller manager (SharedInformerFactory). */
  readonly informers: InformerFactory;
  readonly clock: Clock;
  /** The controller manager's random stream; fork it by controller name. */
  readonly rng: Rng;
  readonly timings: ControllerTimings;
  /**
   * A client for one controller, whose user agent names it as the real one does
   * ("kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9/system:serviceaccount:kube-system:<name>").
   */
  clientFor(name: string): Client;
  /** An event recorder whose source component is `component` ("replicaset-controller"). */
  recorderFor(component: string, client: Client): EventRecorder;
}

/** A running controller: something the manager can stop. */
export interface RunningController {
  stop?(): void;
}

/** One entry of the manager's registry: a name (as `--controllers` spells it) and how to start it. */
export interface ControllerDescriptor {
  /** The controller's name in kube-controller-manager ("replicaset-controller", "garbage-collector-controller"). */
  readonly name: string;
  start(ctx: ControllerContext): RunningController;
}

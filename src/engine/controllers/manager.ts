// kube-controller-manager: starts every controller with one shared informer factory.
// Models cmd/kube-controller-manager/app/controllermanager.go (NewControllerDescriptors, StartControllers,
// CreateControllerContext) for the controllers kubesim runs.
//
// This file sits beside the controller folders, not inside shared/, because it imports every
// controller: shared/ is imported by them and must not import them back.
import { InformerFactory, EventRecorder, type Client } from '../client';
import type { Clock, Rng } from '../clock';
import type { ControllerContext, ControllerDescriptor, ControllerTimings, RunningController } from './shared';
// ---- controllers-a imports ----
import { descriptor as replicaset, replicationControllerDescriptor as replicationcontroller } from './replicaset';
import { descriptor as deployment } from './deployment';
import { descriptor as garbagecollector } from './garbagecollector';
import { descriptor as namespace } from './namespace';
import { serviceAccountDescriptor, rootCACertPublisherDescriptor } from './serviceaccount';
// ---- end controllers-a imports ----
// ---- controllers-b imports ----
import { descriptor as job } from './job';
import { descriptor as cronjob } from './cronjob';
import { descriptor as ttlafterfinished } from './ttlafterfinished';
import { descriptor as nodelifecycle } from './nodelifecycle';
import { descriptor as tainteviction } from './tainteviction';
import { descriptor as statefulset } from './statefulset';
import { descriptor as daemonset } from './daemonset';
import { descriptor as podgc } from './podgc';
// ---- end controllers-b imports ----
// ---- controllers-network imports ----
import { descriptor as endpoint } from './endpoint';
import { descriptor as endpointslice } from './endpointslice';
import { descriptor as endpointslicemirroring } from './endpointslicemirroring';
// ---- end controllers-network imports ----
// ---- controllers-storage imports ----
import { persistentVolumeBinderDescriptor, pvcProtectionDescriptor, pvProtectionDescriptor } from './volume';
// ---- end controllers-storage imports ----

/** The controller manager's user agent (client-go's default for the binary). */
export const CONTROLLER_MANAGER_USER_AGENT = 'kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9';

/**
 * The registry, in start order. Each line is one controller; its folder exports a descriptor.
 * Keep one line per controller so parallel edits do not collide.
 */
const DESCRIPTORS: readonly ControllerDescriptor[] = [
  // ---- controllers-a: replicaset, deployment, garbagecollector, namespace, serviceaccount ----
  replicaset,
  deployment,
  garbagecollector,
  namespace,
  serviceAccountDescriptor,
  rootCACertPublisherDescriptor,
  // ---- end controllers-a ----
  // ---- controllers-b: statefulset, daemonset, job, cronjob, nodelifecycle (one line each) ----
  job,
  cronjob,
  ttlafterfinished,
  nodelifecycle,
  tainteviction,
  statefulset,
  daemonset,
  podgc,
  // ---- end controllers-b ----
  // ---- controllers-network: endpoint, endpointslice, endpointslicemirroring (one line each) ----
  endpoint,
  endpointslice,
  endpointslicemirroring,
  // ---- end controllers-network ----
  // ---- controllers-storage: persistentvolume-binder, pvc-protection, pv-protection (one line each) ----
  persistentVolumeBinderDescriptor,
  pvcProtectionDescriptor,
  pvProtectionDescriptor,
  // ---- end controllers-storage ----
  // replicationcontroller: the ReplicaSet logic on ReplicationControllers (last, so the others start as before)
  replicationcontroller,
];

/** What the cluster gives the controller manager (ComponentDeps plus a client factory). */
export interface ControllerManagerDeps {
  clock: Clock;
  rng: Rng;
  /** The client of the shared informers. */
  client: Client;
  timings: ControllerTimings;
  /** Makes a client with a user agent (each controller gets its own, as with --use-service-account-credentials). */
  clientForUserAgent?(userAgent: string): Client;
}

/** Options of the controller manager. */
export interface ControllerManagerOptions {
  /** --controllers: names to run (default: all). */
  controllers?: readonly string[];
  /** Extra descriptors (tests). */
  extra?: readonly ControllerDescriptor[];
}

/** A running controller manager. */
export class ControllerManager {
  readonly informers: InformerFactory;
  /** Running controllers by name. */
  readonly controllers = new Map<string, RunningController>();

  constructor(deps: ControllerManagerDeps, opts: ControllerManagerOptions = {}) {
    this.informers = new InformerFactory(deps.client);
    const clients = new Map<string, Client>();
    const ctx: ControllerContext = {
      informers: this.informers,
      clock: deps.clock,
      rng: deps.rng,
      timings: deps.timings,
      clientFor: (name) => {
        let c = clients.get(name);
        if (!c) {
          const ua = `${CONTROLLER_MANAGER_USER_AGENT}/system:serviceaccount:kube-system:${name}`;
          c = deps.clientForUserAgent ? deps.clientForUserAgent(ua) : deps.client;
          clients.set(name, c);
        }
        return c;
      },
      recorderFor: (component, client) => new EventRecorder(client, deps.clock, { component }),
    };
    const wanted = opts.controllers ? new Set(opts.controllers) : undefined;
    for (const d of [...DESCRIPTORS, ...(opts.extra ?? [])]) {
      if (wanted && !wanted.has(d.name)) continue;
      this.controllers.set(d.name, d.start(ctx));
    }
    // Informers start after every controller registered its handlers and indexers (factory.Start).
    this.informers.startAll();
  }

  /** Stops every controller and informer. */
  stop(): void {
    for (const c of this.controllers.values()) c.stop?.();
    this.informers.stopAll();
  }
}

/** Starts the controller manager. */
export function startControllerManager(deps: ControllerManagerDeps, opts: ControllerManagerOptions = {}): ControllerManager {
  return new ControllerManager(deps, opts);
}

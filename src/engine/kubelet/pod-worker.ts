// One pod's worker: runs the pod's syncs one at a time, then its termination. Models
// pkg/kubelet/pod_workers.go (one goroutine per pod; pending updates collapse; requeue after an
// error or after the resync interval) with kubelet.go SyncPod / SyncTerminatingPod /
// SyncTerminatedPod and kuberuntime_manager.go SyncPod (sandbox, init containers, containers).
import type { Container, Pod, PodStatus } from '../api/types';
import { events, hasRestartableInitContainer, isRestartableInitContainer, isStaticPod, type ContainerInstance,
  type PodRuntimeState } from './container';
import { computePodActions, killContainer, startContainer, type PodActions, type PodContext, type RuntimeServices,
  type StartError } from './kuberuntime';
import type { ProbeManager } from './prober';
import { generateAPIPodStatus, type StartFailure, type StatusManager } from './status';
import type { PodVolumes } from './volumemanager';
import type { PodIPAllocator } from './pod-ip';

/** active_deadline.go reason and message. */
export const DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** kubelet.go backOffPeriod: a sync that failed is retried after this. */
export const WORKER_BACKOFF_MS = 10_000;
/** kubelet --sync-frequency: a healthy pod is synced again after this (plus up to 50% jitter). */
export const RESYNC_INTERVAL_MS = 60_000;

/** What a pod worker needs from its kubelet. */
export interface WorkerHost extends RuntimeServices {
  probes: ProbeManager;
  status: StatusManager;
  ipam: PodIPAllocator;
  /** Schedules a sync of the worker at the next PLEG relist. */
  relistSoon(w: PodWorker): void;
  /** Jitter in [0, 1) for the resync interval. */
  jitter(): number;
  /** Where the pod's status goes in the API (the mirror pod of a static pod). */
  apiRef(pod: Pod): { namespace: string; name: string; uid?: string } | undefined;
}

type Phase = 'syncing' | 'terminating' | 'terminated';

/** The per-pod worker. */
export class PodWorker implements PodContext {
  readonly reasons = new Map<string, StartFailure>();
  phase: Phase = 'syncing';
  /** The pod is gone from the API (force-deleted): stop it anyway. */
  removed = false;
  /** The last unexpected error of a sync (a kubelet bug; kept for tests). */
  lastError?: string;
  private busy = false;
  private pending = false;
  private kicked = false;
  private requeue?: { at: number; cancel: () => void };
  private finalized = false;
  private dead = false;

  constructor(private readonly host: WorkerHost, private current: Pod, readonly state: PodRuntimeState, readonly volumes: PodVolumes) {}

  get uid(): string {
    return this.current.metadata!.uid!;
  }

  pod(): Pod {
    return this.current;
  }

  alive(): boolean {
    return !this.dead;
  }

  /** The kubelet stopped: this worker does nothing more (a new one takes over on restart). */
  kill(): void {
    this.dead = true;
    this.requeue?.cancel();
  }

  podIPs(): string[] {
    if (this.current.spec?.hostNetwork) return this.host.hostIPs();
    return this.state.sandbox?.ready ? [this.state.sandbox.ip] : [];
  }

  /** A new version of the pod from the API (UpdatePod). */
  update(pod: Pod): void {
    this.current = pod;
    this.kick();
  }

  /** A status-only change (kubetypes.RECONCILE): remember the object, no sync. */
  setPod(pod: Pod): void {
    this.current = pod;
  }

  /** The pod was removed from the API. */
  remove(): void {
    this.removed = true;
    this.kick();
  }

  /** Asks for a sync as soon as possible. */
  kick(): void {
    if (this.dead || this.kicked) return;
    this.kicked = true;
    this.host.clock.after(0, () => {
      this.kicked = false;
      this.run();
    });
  }

  requeueAt(t: number): void {
    if (this.dead) return;
    if (this.requeue && this.requeue.at <= t) return;
    this.requeue?.cancel();
    const now = this.host.clock.now();
    const cancel = this.host.clock.after(Math.max(0, t - now), () => {
      this.requeue = undefined;
      this.run();
    });
    this.requeue = { at: t, cancel };
  }

  relist(): void {
    if (!this.dead) this.host.relistSoon(this);
  }

  /** Regenerates and sets the status without acting (a probe result changed). */
  refreshStatus(): void {
    if (this.dead || this.phase === 'terminated') return;
    this.setStatus(false);
  }

  /** Runs a sync now, or after the one in progress. */
  run(): void {
    if (this.dead) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.requeue?.cancel();
    this.requeue = undefined;
    if (this.phase === 'terminated') return this.finalize();
    if (this.removed || this.current.metadata?.deletionTimestamp) return this.terminate();
    this.busy = true;
    try {
      this.syncPod((err) => this.finish(err));
    } catch (e) {
      // A bug must not wedge the pod: record it and retry after the worker back-off.
      this.lastError = e instanceof Error ? e.message : String(e);
      this.finish(e instanceof Error ? e : new Error(this.lastError));
    }
  }

  private finish(err?: Error): void {
    this.busy = false;
    if (this.dead) return;
    const now = this.host.clock.now();
    if (this.phase === 'syncing') {
      this.requeueAt(err ? now + WORKER_BACKOFF_MS : now + Math.floor(RESYNC_INTERVAL_MS * (1 + 0.5 * this.host.jitter())));
    }
    if (this.pending) {
      this.pending = false;
      this.kick();
    }
  }

  private setStatus(podIsTerminal: boolean): PodStatus {
    const pod = this.current;
    const h = this.host;
    const old = h.status.getPodStatus(this.uid) ?? pod.status ?? {};
    const s = generateAPIPodStatus({
      pod, state: this.state, reasons: this.reasons, oldStatus: old, hostIPs: h.hostIPs(), podIsTerminal,
      probes: {
        started: (p, inst) => h.probes.isStarted(this.uid, specOf(p, inst.name)!, inst),
        ready: (p, inst) => h.probes.isReady(this.uid, specOf(p, inst.name)!, inst),
      },
    });
    if (this.pastActiveDeadline(pod)) {
      h.podEvent(pod, 'Normal', DEADLINE_EXCEEDED, DEADLINE_MESSAGE);
      s.phase = 'Failed';
      s.reason = DEADLINE_EXCEEDED;
      s.message = DEADLINE_MESSAGE;
    }
    h.status.setPodStatus(pod, s, this.phase !== 'terminated', h.apiRef(pod));
    return s;
  }

  /** active_deadline.go pastActiveDeadline: running longer than spec.activeDeadlineSeconds since startTime. */
  private pastActiveDeadline(pod: Pod): boolean {
    const deadline = pod.spec?.activeDeadlineSeconds;
    if (deadline === undefined) return false;
    const start = this.host.status.getPodStatus(this.uid)?.startTime ?? pod.status?.startTime;
    if (!start) return false;
    const end = Date.parse(start) + deadline * 1000;
    if (this.host.clock.now() >= end) return true;
    this.requeueAt(end);
    return false;
  }

  // Models kubelet.go SyncPod + kuberuntime_manager.go SyncPod.
  private syncPod(done: (err?: Error) => void): void {
    const h = this.host;
    const pod = this.current;
    const status = this.setStatus(false);
    if ((status.phase === 'Succeeded' || status.phase === 'Failed') && !isStaticPod(pod)) {
      this.busy = false;
      return this.terminate();
    }
    h.probes.addPod(pod);
    const vr = this.volumes.setUp(pod, h.clock.now());
    for (const f of vr.failures) {
      if (f.event) h.podEvent(pod, 'Warning', events.FAILED_MOUNT_VOLUME, `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`);
    }
    if (!vr.ready) {
      if (vr.nextRetry !== undefined) this.requeueAt(vr.nextRetry);
      return done(new Error('volumes not ready'));
    }
    // ReprocessPod: configMap, secret, downwardAPI and projected volumes are rewritten on every sync.
    this.volumes.refresh(pod);
    const actions = computePodActions(pod, this.state, {
      livenessFailed: (inst) => h.probes.result('liveness', inst.containerID) === 'failure',
      startupFailed: (inst) => h.probes.result('startup', inst.containerID) === 'failure',
      started: (c, inst) => h.probes.isStarted(this.uid, c, inst),
    });
    const afterKillPod = () => {
      if (this.dead) return;
      if (actions.createSandbox) this.createSandbox();
      else if (actions.killPod) return done();
      this.killContainers(actions, () => this.startAll(actions, done));
    };
    if (actions.killPod && (this.state.anyRunning() || this.state.sandbox?.ready)) this.killPod(undefined, afterKillPod);
    else afterKillPod();
  }

  private createSandbox(): void {
    const pod = this.current;
    const prev = this.state.sandbox;
    if (prev) this.state.purge((pod.spec?.initContainers ?? []).map((c) => c.name));
    const ip = pod.spec?.hostNetwork ? (this.host.hostIPs()[0] ?? '') : this.host.ipam.allocate(this.uid);
    this.state.sandbox = { ip, createdAt: this.host.clock.now(), attempt: prev ? prev.attempt + 1 : 0, ready: true };
    if (prev) this.host.podEvent(pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
    this.relist();
  }

  private killContainers(actions: PodActions, next: () => void): void {
    let left = actions.containersToKill.length;
    if (!left) return next();
    for (const k of actions.containersToKill) {
      killContainer(this.host, this, k.inst, k.container, k.message, undefined, () => {
        if (--left === 0) next();
      }, k.reason);
    }
  }

  private startAll(actions: PodActions, done: (err?: Error) => void): void {
    const pod = this.current;
    const inits = pod.spec?.initContainers ?? [];
    const seq = (items: Container[], stopOnError: boolean, cb: (err?: StartError) => void) => {
      let first: StartError | undefined;
      const step = (i: number) => {
        if (this.dead) return;
        if (i >= items.length) return cb(first);
        startContainer(this.host, this, items[i], (err) => {
          if (err) {
            first = first ?? err;
            if (stopOnError) return cb(err);
          }
          step(i + 1);
        });
      };
      step(0);
    };
    const initList = actions.nextInitContainerToStart ? [actions.nextInitContainerToStart]
      : actions.initContainersToStart.map((i) => inits[i]);
    // Ephemeral containers go first, so a debugger starts even when an init container cannot.
    const ephemeral = actions.ephemeralContainersToStart.map((i) => pod.spec!.ephemeralContainers![i] as Container);
    // A debugger that failed to start (ErrImagePull …) fails the sync too, so it is retried with back-off.
    seq(ephemeral, false, (errE) => seq(initList, true, (err) => {
      if (err) return done(err);
      seq(actions.containersToStart.map((i) => pod.spec!.containers[i]), false, (err2) => done(err2 ?? errE));
    }));
  }

  /** killPodWithSyncResult: regular containers (and init containers) first, sidecars after, then the sandbox. */
  private killPod(gracePeriodOverride: number | undefined, done: () => void): void {
    const running = this.state.running();
    const pod = this.current;
    const sidecar = (i: ContainerInstance) => i.kind === 'init' && !!specOf(pod, i.name) && isRestartableInitContainer(specOf(pod, i.name)!);
    const first = hasRestartableInitContainer(pod) ? running.filter((i) => !sidecar(i)) : running;
    const later = hasRestartableInitContainer(pod) ? running.filter(sidecar).reverse() : [];
    const killList = (list: ContainerInstance[], cb: () => void) => {
      let left = list.length;
      if (!left) return cb();
      for (const inst of list) {
        const spec = specOf(pod, inst.name) ?? { name: inst.name };
        killContainer(this.host, this, inst, spec, '', gracePeriodOverride, () => {
          if (--left === 0) cb();
        });
      }
    };
    killList(first, () => killList(later, () => {
      if (this.state.sandbox?.ready) {
        this.state.sandbox.ready = false;
        if (!pod.spec?.hostNetwork) this.host.ipam.release(this.uid);
      }
      done();
    }));
  }

  // Models kubelet.go SyncTerminatingPod then SyncTerminatedPod.
  private terminate(): void {
    if (this.phase !== 'syncing' || this.busy) {
      if (this.busy) this.pending = true;
      return;
    }
    this.phase = 'terminating';
    this.busy = true;
    this.setStatus(false);
    const pod = this.current;
    const override = this.removed ? undefined : pod.metadata?.deletionGracePeriodSeconds;
    this.killPod(override, () => {
      if (this.dead) return;
      this.phase = 'terminated';
      this.host.probes.removePod(this.uid);
      this.setStatus(true);
      this.volumes.tearDown();
      this.busy = false;
      this.finalize();
    });
  }

  /** The status manager's final DELETE once a deleted pod has stopped (canBeDeleted). */
  private finalize(): void {
    const pod = this.current;
    if (this.finalized || this.removed || !pod.metadata?.deletionTimestamp || isStaticPod(pod)) return;
    this.finalized = true;
    this.host.status.deletePod(pod);
  }
}

/** The spec of a container of the pod, by name. */
function specOf(pod: Pod, name: string): Container | undefined {
  return (pod.spec?.containers ?? []).find((c) => c.name === name) ?? (pod.spec?.initContainers ?? []).find((c) => c.name === name)
    ?? ((pod.spec?.ephemeralContainers ?? []) as Container[]).find((c) => c.name === name);
}

// Probe workers: one per container and probe type, ticking every periodSeconds from the moment the
// kubelet admitted the pod. Models pkg/kubelet/prober/prober_manager.go and worker.go (v1.32):
// initial results (readiness Failure, liveness Success, startup Unknown), initialDelaySeconds, the
// startup gate, success/failure thresholds, "on hold" after a liveness/startup failure until the
// container is replaced, and an immediate readiness run when the status is generated without one.
import type { Container, Pod, Probe } from '../../api/types';
import type { Clock } from '../../clock';
import { events, isRestartableInitContainer, type ContainerInstance } from '../container';
import { runProbe, type ProbeResult, type ProbeTarget } from './prober';

/** The three probe types. */
export type ProbeType = 'liveness' | 'readiness' | 'startup';

const INITIAL: Record<ProbeType, ProbeResult> = { liveness: 'success', readiness: 'failure', startup: 'unknown' };
const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** What the probe manager needs from the kubelet. */
export interface ProbeHost {
  clock: Clock;
  /** The current instance of a container and how to reach it, or undefined when it has none. */
  target(podUid: string, containerName: string): (ProbeTarget & { inst: ContainerInstance }) | undefined;
  /** Records an event on a container of the pod. */
  event(pod: Pod, containerName: string, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** A result changed (liveness/startup failure: the pod needs a sync; readiness/startup: a new status). */
  changed(podUid: string, type: ProbeType, containerName: string, result: ProbeResult): void;
}

class Worker {
  private containerID = '';
  private lastResult?: ProbeResult;
  private resultRun = 0;
  private onHold = false;
  private stopped = false;
  private inFlight = false;
  private cancel?: () => void;
  private manualPending = false;

  constructor(private readonly m: ProbeManager, private readonly pod: Pod, readonly c: Container,
    readonly type: ProbeType, private readonly spec: Probe) {}

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  trigger(): void {
    if (this.stopped || this.manualPending) return;
    this.manualPending = true;
    this.m.host.clock.after(0, () => {
      this.manualPending = false;
      this.doProbe();
    });
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.cancel = this.m.host.clock.after(ms, () => {
      this.doProbe();
      this.schedule((this.spec.periodSeconds ?? 10) * 1000);
    });
  }

  private doProbe(): void {
    if (this.stopped || this.inFlight) return;
    const uid = this.pod.metadata!.uid!;
    const t = this.m.host.target(uid, this.c.name);
    if (!t) return;
    if (t.inst.containerID !== this.containerID) {
      if (this.containerID) this.m.removeResult(this.type, this.containerID);
      this.containerID = t.inst.containerID;
      this.m.setResult(this.type, uid, this.c.name, this.containerID, INITIAL[this.type]);
      this.onHold = false;
    }
    if (this.onHold) return;
    if (t.inst.state !== 'running') {
      this.m.setResult(this.type, uid, this.c.name, this.containerID, 'failure');
      if (t.pod.spec?.restartPolicy === 'Never' && !isRestartableInitContainer(this.c)) this.stop();
      return;
    }
    if (t.pod.metadata?.deletionTimestamp && (this.type === 'liveness' || this.type === 'startup')) {
      this.m.setResult(this.type, uid, this.c.name, this.containerID, 'success');
      this.stop();
      return;
    }
    const now = this.m.host.clock.now();
    if (Math.floor((now - t.inst.startedAt) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return;
    const started = this.m.isStarted(uid, this.c, t.inst);
    if (started && this.type === 'startup') return;
    if (!started && this.type !== 'startup') return;
    const id = this.containerID;
    this.inFlight = true;
    runProbe(this.m.host.clock, this.spec, t, (result, output) => {
      this.inFlight = false;
      if (this.stopped || id !== this.containerID || result === 'unknown') return;
      if (result === 'failure') this.m.host.event(t.pod, this.c.name, 'Warning', events.CONTAINER_UNHEALTHY, `${TITLE[this.type]} probe failed: ${output}`);
      if (this.lastResult === result) this.resultRun++;
      else {
        this.lastResult = result;
        this.resultRun = 1;
      }
      if ((result === 'failure' && this.resultRun < (this.spec.failureThreshold ?? 3))
        || (result === 'success' && this.resultRun < (this.spec.successThreshold ?? 1))) return;
      this.m.setResult(this.type, uid, this.c.name, id, result);
      if ((this.type === 'liveness' || this.type === 'startup') && result === 'failure') {
        this.onHold = true;
        this.resultRun = 0;
      }
    });
  }
}

/** The probe manager of one kubelet. */
export class ProbeManager {
  private readonly workers = new Map<string, Worker[]>();
  private readonly results: Record<ProbeType, Map<string, ProbeResult>> = {
    liveness: new Map(), readiness: new Map(), startup: new Map(),
  };

  constructor(readonly host: ProbeHost) {}

  /** AddPod: starts workers for every probe of the pod's containers and sidecars. */
  addPod(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    if (this.workers.has(uid)) return;
    const list: Worker[] = [];
    const containers = [...(pod.spec?.initContainers ?? []).filter(isRestartableInitContainer), ...(pod.spec?.containers ?? [])];
    for (const c of containers) {
      if (c.startupProbe) list.push(new Worker(this, pod, c, 'startup', c.startupProbe));
      if (c.readinessProbe) list.push(new Worker(this, pod, c, 'readiness', c.readinessProbe));
      if (c.livenessProbe) list.push(new Worker(this, pod, c, 'liveness', c.livenessProbe));
    }
    this.workers.set(uid, list);
    for (const w of list) w.start();
  }

  /** RemovePod: stops the pod's workers. */
  removePod(uid: string): void {
    for (const w of this.workers.get(uid) ?? []) w.stop();
    this.workers.delete(uid);
  }

  /** Stops everything (the kubelet stops). */
  stopAll(): void {
    for (const uid of [...this.workers.keys()]) this.removePod(uid);
    for (const m of Object.values(this.results)) m.clear();
  }

  /** The recorded result of a probe for a container instance. */
  result(type: ProbeType, containerID: string): ProbeResult | undefined {
    return this.results[type].get(containerID);
  }

  /** isContainerStarted: running and its startup probe (if any) succeeded. */
  isStarted(podUid: string, c: Container, inst: ContainerInstance): boolean {
    if (inst.state !== 'running') return false;
    const r = this.results.startup.get(inst.containerID);
    if (r !== undefined) return r === 'success';
    return !this.hasWorker(podUid, c.name, 'startup');
  }

  /** Readiness of a started instance; with no result yet, asks for an immediate probe (UpdatePodStatus). */
  isReady(podUid: string, c: Container, inst: ContainerInstance): boolean {
    if (inst.state !== 'running') return false;
    if (this.results.readiness.get(inst.containerID) === 'success') return true;
    const w = this.worker(podUid, c.name, 'readiness');
    if (!w) return true;
    w.trigger();
    return false;
  }

  /** Used by workers: stores a result and tells the kubelet when it changed. */
  setResult(type: ProbeType, podUid: string, name: string, containerID: string, r: ProbeResult): void {
    const prev = this.results[type].get(containerID);
    this.results[type].set(containerID, r);
    if (prev !== r) this.host.changed(podUid, type, name, r);
  }

  /** Used by workers: forgets the result of a replaced instance. */
  removeResult(type: ProbeType, containerID: string): void {
    this.results[type].delete(containerID);
  }

  private hasWorker(uid: string, name: string, type: ProbeType): boolean {
    return !!this.worker(uid, name, type);
  }

  private worker(uid: string, name: string, type: ProbeType): Worker | undefined {
    return this.workers.get(uid)?.find((w) => w.type === type && w.c.name === name);
  }
}

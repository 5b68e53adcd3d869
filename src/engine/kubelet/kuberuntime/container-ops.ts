// Starting and stopping one container. Models pkg/kubelet/kuberuntime/kuberuntime_container.go
// (startContainer: back-off check, image, config, create, start, postStart; killContainer:
// Killing event, preStop within the grace period, SIGTERM, SIGKILL after the grace period with a
// minimum of 2s) and kuberuntime_manager.go doBackOff (the CrashLoopBackOff message).
import type { Container, Pod } from '../../api/types';
import type { Clock, Rng } from '../../clock';
import type { ContainerConfig, ContainerEvents, ContainerRuntime, ExitStatus } from '../../runtime/cri';
import { events, applyDefaultImageTag, type ContainerInstance, type PodRuntimeState } from '../container';
import type { ImageManager } from '../images';
import { makeEnvironmentVariables, expandCommandAndArgs, ContainerConfigError, type EnvSources } from '../envvars';
import { runHandler } from '../lifecycle';
import { etcHostsFor, podHostname, resolvConfFor } from '../network';
import { ContainerLog } from '../logs';
import type { StartFailure } from '../status';
import type { PodVolumes } from '../volumemanager';
import { formatPod, goDuration, type Backoff } from '../util';
import { quantityMilli, quantityValue } from '../../api/quantity';

/** minimumGracePeriodInSeconds: every container gets at least this long after SIGTERM. */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/** Node-wide services the container operations use. */
export interface RuntimeServices {
  clock: Clock;
  runtime: ContainerRuntime;
  images: ImageManager;
  crashBackOff: Backoff;
  env: EnvSources;
  /** Random sub-millisecond digits of log timestamps. */
  logRng: Rng;
  nodeName: string;
  hostIPs(): string[];
  /** Where the kubelet's own connections come from (the pod network's gateway). */
  gatewayIP(): string;
  containerEvent(pod: Pod, containerName: string, type: 'Normal' | 'Warning', reason: string, message: string): void;
  podEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** One pod as the container operations see it. */
export interface PodContext {
  pod(): Pod;
  state: PodRuntimeState;
  reasons: Map<string, StartFailure>;
  volumes: PodVolumes;
  podIPs(): string[];
  /** Ask for a sync at time t (a back-off expires). */
  requeueAt(t: number): void;
  /** A container changed state: PLEG will notice at its next relist. */
  relist(): void;
  /** True while the kubelet that started this work still runs. */
  alive(): boolean;
}

/** An error that ends a start attempt (the waiting reason is already in the reason cache). */
export class StartError extends Error {}

const containerKind = (pod: Pod, name: string): 'init' | 'regular' =>
  (pod.spec?.initContainers ?? []).some((c) => c.name === name) ? 'init' : 'regular';

/** getStableKey: the back-off key of a container of a pod. */
export function backOffKey(pod: Pod, c: Container): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}_${pod.metadata?.uid}_${c.name}`;
}

/** doBackOff: is the container's restart in back-off? Records BackOff and the CrashLoopBackOff reason if so. */
function doBackOff(s: RuntimeServices, ctx: PodContext, c: Container): boolean {
  const pod = ctx.pod();
  const last = ctx.state.latest(c.name);
  if (!last || last.state !== 'exited') return false;
  const ts = last.finishedAt ?? s.clock.now();
  const key = backOffKey(pod, c);
  if (s.crashBackOff.isInBackOffSince(key, ts)) {
    s.containerEvent(pod, c.name, 'Warning', events.BACK_OFF_START_CONTAINER,
      `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`);
    const msg = `back-off ${goDuration(s.crashBackOff.get(key))} restarting failed container=${c.name} pod=${formatPod(pod)}`;
    ctx.reasons.set(c.name, { reason: events.ERR_CRASH_LOOP_BACK_OFF, message: msg });
    const at = s.crashBackOff.expiry(key, ts);
    if (at !== undefined) ctx.requeueAt(at);
    return true;
  }
  s.crashBackOff.next(key, ts);
  return false;
}

function limits(c: Container): { memoryLimitBytes?: number; cpuLimitMilli?: number } {
  const l = (c.resources?.limits ?? {}) as Record<string, string>;
  return { memoryLimitBytes: l.memory !== undefined ? quantityValue(l.memory) : undefined,
    cpuLimitMilli: l.cpu !== undefined ? quantityMilli(l.cpu) : undefined };
}

/**
 * startContainer: back-off, image, config, create and start, then the postStart hook. Calls `done`
 * once, with a StartError when the container did not start (its waiting reason is recorded).
 */
export function startContainer(s: RuntimeServices, ctx: PodContext, c: Container, done: (err?: StartError) => void): void {
  const pod = ctx.pod();
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => s.containerEvent(ctx.pod(), c.name, type, reason, message);
  if (doBackOff(s, ctx, c)) return done(new StartError(events.ERR_CRASH_LOOP_BACK_OFF));
  s.images.ensureImageExists(pod, c, event, (r) => {
    if (!ctx.alive()) return;
    if (!r.ok) {
      event('Warning', events.FAILED_TO_CREATE_CONTAINER, `Error: ${r.reason}`);
      ctx.reasons.set(c.name, { reason: r.reason, message: r.message });
      return done(new StartError(r.reason));
    }
    const cur = ctx.pod();
    let env: [string, string][];
    try {
      // The warning callback reads the pod from ctx (the same object, synchronously): capturing `cur`
      // would keep this version of the pod alive as long as the container's log callbacks.
      env = makeEnvironmentVariables(cur, c, ctx.podIPs(), s.hostIPs(), s.env,
        (reason, message) => s.podEvent(ctx.pod(), 'Warning', reason, message));
    } catch (e) {
      if (!(e instanceof ContainerConfigError)) throw e;
      event('Warning', events.FAILED_TO_CREATE_CONTAINER, `Error: ${e.message}`);
      ctx.reasons.set(c.name, { reason: events.ERR_CREATE_CONTAINER_CONFIG, message: e.message });
      return done(new StartError(events.ERR_CREATE_CONTAINER_CONFIG));
    }
    const { command, args } = expandCommandAndArgs(c, env);
    const prev = ctx.state.latest(c.name);
    const config: ContainerConfig = {
      podUid: cur.metadata!.uid!, podName: cur.metadata!.name!, podNamespace: cur.metadata!.namespace!, containerName: c.name,
      image: r.image, command, args, env, workingDir: c.workingDir, mounts: ctx.volumes.mountsFor(c, cur), ...limits(c),
      tty: !!c.tty, stdin: !!c.stdin, stdinOnce: !!c.stdinOnce, podIP: ctx.podIPs()[0] ?? '',
      ...((c as { targetContainerName?: string }).targetContainerName
        ? { targetContainerName: (c as { targetContainerName?: string }).targetContainerName } : {}),
      ...(cur.spec?.shareProcessNamespace ? { shareProcessNamespace: true } : {}),
      // A hostNetwork pod shares the node's UTS namespace (the sandbox gets no hostname of its own).
      hostname: cur.spec?.hostNetwork ? cur.spec.nodeName ?? podHostname(cur) : podHostname(cur),
      resolvConf: resolvConfFor(cur), etcHosts: etcHostsFor(cur, ctx.podIPs()),
    };
    const log = new ContainerLog();
    // The runtime may report an exit from inside start(), before the instance is recorded.
    const box: { inst?: ContainerInstance; earlyExit?: ExitStatus } = {};
    let handle: ReturnType<ContainerRuntime['start']>;
    try {
      handle = s.runtime.start(config, containerEvents(s, ctx, log, box));
    } catch (e) {
      // CreateContainer failed in the runtime.
      const msg = e instanceof Error ? e.message : String(e);
      event('Warning', events.FAILED_TO_CREATE_CONTAINER, `Error: ${msg}`);
      ctx.reasons.set(c.name, { reason: events.ERR_CREATE_CONTAINER, message: msg });
      return done(new StartError(events.ERR_CREATE_CONTAINER));
    }
    const now = s.clock.now();
    const earlyExit = box.earlyExit;
    const inst: ContainerInstance = box.inst = { name: c.name, kind: containerKind(cur, c.name), id: handle.id, containerID: handle.id.includes('://') ? handle.id : `docker://${handle.id}`,
      // cri-dockerd reports the image's first tag (RepoTags[0]); an image known by digest only shows the spec's image.
      handle, image: r.image.repoTags?.[0] ?? applyDefaultImageTag(c.image ?? ''), imageID: r.image.imageID, specImage: c.image ?? '',
      restartCount: prev ? prev.restartCount + 1 : 0, state: 'running', startedAt: now, log };
    ctx.state.add(inst);
    event('Normal', events.CREATED_CONTAINER, `Created container: ${c.name}`);
    if (earlyExit && (earlyExit.reason === 'ContainerCannotRun' || earlyExit.reason === 'StartError')) {
      const msg = earlyExit.startError ?? earlyExit.message ?? earlyExit.reason;
      event('Warning', events.FAILED_TO_START_CONTAINER, `Error: ${msg}`);
      ctx.reasons.set(c.name, { reason: events.ERR_RUN_CONTAINER, message: msg });
      onExit(s, ctx, inst, earlyExit);
      return done(new StartError(events.ERR_RUN_CONTAINER));
    }
    event('Normal', events.STARTED_CONTAINER, `Started container ${c.name}`);
    ctx.reasons.delete(c.name);
    if (earlyExit) onExit(s, ctx, inst, earlyExit);
    ctx.relist();
    const postStart = c.lifecycle?.postStart;
    if (!postStart || inst.state !== 'running') return done();
    const started = inst;
    runHandler(s.clock, postStart, { pod: cur, container: c, handle, podIP: ctx.podIPs()[0] ?? '', remoteAddr: s.gatewayIP() }, (err) => {
      if (!ctx.alive()) return;
      if (!err) return done();
      event('Warning', events.FAILED_POST_START_HOOK, 'PostStartHook failed');
      killContainer(s, ctx, started, c, 'FailedPostStartHook', undefined, () => {
        ctx.reasons.set(c.name, { reason: events.ERR_POST_START_HOOK, message: err });
        done(new StartError(events.ERR_POST_START_HOOK));
      });
    });
  });
}

/**
 * The runtime's callbacks for one container. Built apart from startContainer so that they hold only
 * what they use: they live as long as the container, and a closure there would keep startContainer's
 * whole scope (the pod version, the caller's `done` and what it holds) alive with them.
 */
function containerEvents(s: RuntimeServices, ctx: PodContext, log: ContainerLog,
  box: { inst?: ContainerInstance; earlyExit?: ExitStatus }): ContainerEvents {
  return {
    log: (line, stream) => log.append({ t: s.clock.now(), subMs: s.logRng.int(1_000_000), stream, text: line }),
    exit: (st) => {
      if (box.inst) onExit(s, ctx, box.inst, st);
      else box.earlyExit = st;
    },
  };
}

/** Records a container's exit (the runtime's event) and lets PLEG notice it. */
export function onExit(s: RuntimeServices, ctx: PodContext, inst: ContainerInstance, st: ExitStatus): void {
  if (inst.state === 'exited') return;
  inst.state = 'exited';
  inst.finishedAt = s.clock.now();
  inst.exitCode = st.exitCode;
  inst.reason = st.reason;
  if (st.message) inst.message = st.message;
  inst.log.close();
  waiters.get(inst)?.forEach((w) => w());
  waiters.delete(inst);
  if (ctx.alive()) ctx.relist();
}

const waiters = new WeakMap<ContainerInstance, (() => void)[]>();

function whenExited(inst: ContainerInstance, fn: () => void): void {
  if (inst.state === 'exited') return fn();
  const list = waiters.get(inst) ?? [];
  list.push(fn);
  waiters.set(inst, list);
}

/** setTerminationGracePeriod: the deletion's grace period, else the probe's or the pod's. */
export function terminationGracePeriod(pod: Pod, c: Container, reason: '' | 'LivenessProbe' | 'StartupProbe'): number {
  if (pod.metadata?.deletionGracePeriodSeconds !== undefined) return pod.metadata.deletionGracePeriodSeconds;
  const probe = reason === 'LivenessProbe' ? c.livenessProbe : reason === 'StartupProbe' ? c.startupProbe : undefined;
  if (probe?.terminationGracePeriodSeconds !== undefined) return probe.terminationGracePeriodSeconds;
  return pod.spec?.terminationGracePeriodSeconds ?? MINIMUM_GRACE_PERIOD_SECONDS;
}

/**
 * killContainer: Killing event, preStop (within the grace period), SIGTERM, SIGKILL once the rest of
 * the grace period (at least 2s) is over. `done` runs once the container has exited.
 */
export function killContainer(s: RuntimeServices, ctx: PodContext, inst: ContainerInstance, c: Container, message: string,
  gracePeriodOverride: number | undefined, done: () => void, reason: '' | 'LivenessProbe' | 'StartupProbe' = ''): void {
  if (inst.state === 'exited') return done();
  const pod = ctx.pod();
  if (inst.stopping) return whenExited(inst, done);
  let grace = terminationGracePeriod(pod, c, reason);
  s.containerEvent(pod, c.name, 'Normal', events.KILLING_CONTAINER, message || `Stopping container ${c.name}`);
  if (gracePeriodOverride !== undefined) grace = gracePeriodOverride;
  inst.stopping = true;
  const stop = (remaining: number) => {
    const g = Math.max(remaining, MINIMUM_GRACE_PERIOD_SECONDS);
    if (inst.state === 'exited') return done();
    inst.handle.signal('SIGTERM');
    const cancel = s.clock.after(g * 1000, () => {
      if (inst.state !== 'exited') inst.handle.signal('SIGKILL');
    });
    whenExited(inst, () => {
      cancel();
      done();
    });
  };
  const preStop = c.lifecycle?.preStop;
  if (!preStop || grace <= 0) return stop(grace);
  const start = s.clock.now();
  let finished = false;
  const after = () => {
    if (finished) return;
    finished = true;
    stop(grace - Math.floor((s.clock.now() - start) / 1000));
  };
  const cancelHook = runHandler(s.clock, preStop, { pod, container: c, handle: inst.handle, podIP: ctx.podIPs()[0] ?? '', remoteAddr: s.gatewayIP() },
    (err) => {
      if (err) s.containerEvent(ctx.pod(), c.name, 'Warning', events.FAILED_PRE_STOP_HOOK, 'PreStopHook failed');
      after();
    });
  // The hook may not outlive the grace period (executePreStopHook's select on time.After).
  s.clock.after(grace * 1000, () => {
    if (finished) return;
    cancelHook();
    after();
  });
}

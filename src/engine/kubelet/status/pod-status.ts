// The API status of a pod, computed from the runtime state. Models pkg/kubelet/kubelet_pods.go
// (generateAPIPodStatus, convertToAPIContainerStatuses, getPhase) and the probe manager's
// UpdatePodStatus (pkg/kubelet/prober/prober_manager.go), v1.32.
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../../api/types';
import { clone } from '../../api/meta';
import { rfc3339 } from '../../clock';
import { events, isRestartableInitContainer, isStaticPod, shouldContainerBeRestarted, applyDefaultImageTag,
  type ContainerInstance, type PodRuntimeState } from '../container';
import { getPodQOS } from './qos';
import { generatePodInitializedCondition, generatePodReadyCondition, generateContainersReadyCondition,
  generatePodReadyToStartContainersCondition } from './generate';

/** Why a container could not be started in the last sync (the kubelet's reasonCache). */
export interface StartFailure {
  reason: string;
  message: string;
}

/** What the probe manager knows of a running instance. */
export interface ProbeView {
  /** Startup probe passed (or there is none). */
  started(pod: Pod, inst: ContainerInstance): boolean;
  /** Readiness probe passed (or there is none). */
  ready(pod: Pod, inst: ContainerInstance): boolean;
}

/** Everything generateAPIPodStatus reads. */
export interface StatusInputs {
  pod: Pod;
  state: PodRuntimeState;
  reasons: ReadonlyMap<string, StartFailure>;
  /** The status the kubelet last set (status manager cache), or the API's. */
  oldStatus: PodStatus;
  probes: ProbeView;
  /** The node's InternalIPs. */
  hostIPs: readonly string[];
  /** The pod will run no more containers (finished, or deleted and stopped). */
  podIsTerminal: boolean;
}

/** FallbackToLogsOnError reads at most this many lines and bytes (kubecontainer.MaxContainerTermination…). */
const MAX_TERMINATION_LOG_LINES = 80;
const MAX_TERMINATION_LOG_BYTES = 2048;

/** The volumeMounts a container status reports (RecursiveReadOnlyMounts, on by default in v1.32). */
function volumeMountStatuses(c: Container): ContainerStatus['volumeMounts'] {
  if (!c.volumeMounts?.length) return undefined;
  return c.volumeMounts.map((m) => {
    const v: NonNullable<ContainerStatus['volumeMounts']>[number] = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      v.readOnly = true;
      v.recursiveReadOnly = m.recursiveReadOnly === 'Enabled' ? 'Enabled' : 'Disabled';
    }
    return v;
  });
}

function terminatedMessage(c: Container, inst: ContainerInstance): string | undefined {
  if (inst.message) return inst.message;
  if (c.terminationMessagePolicy !== 'FallbackToLogsOnError' || inst.exitCode === 0 || inst.reason === 'ContainerCannotRun') return undefined;
  let text = inst.log.read({ tailLines: MAX_TERMINATION_LOG_LINES });
  if (text.length > MAX_TERMINATION_LOG_BYTES) text = text.slice(text.length - MAX_TERMINATION_LOG_BYTES);
  return text || undefined;
}

/** State of one instance (convertContainerStatus). */
function stateOf(c: Container, inst: ContainerInstance): ContainerState {
  if (inst.state === 'running') return { running: { startedAt: rfc3339(inst.startedAt) } };
  const t: NonNullable<ContainerState['terminated']> = { exitCode: inst.exitCode ?? 0, reason: inst.reason };
  const msg = terminatedMessage(c, inst);
  if (msg) t.message = msg;
  t.startedAt = rfc3339(inst.startedAt);
  t.finishedAt = rfc3339(inst.finishedAt ?? inst.startedAt);
  t.containerID = inst.containerID;
  return { terminated: t };
}

/** convertToAPIContainerStatuses for one list (init or regular containers). */
function convertStatuses(inp: StatusInputs, containers: readonly Container[], olds: readonly ContainerStatus[] | undefined,
  isInit: boolean, ephemeral = false): ContainerStatus[] {
  const { pod, state, reasons } = inp;
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const defaultReason = hasInit ? events.POD_INITIALIZING : events.CONTAINER_CREATING;
  const out = new Map<string, ContainerStatus>();
  for (const c of containers) {
    let s: ContainerStatus = { name: c.name, state: { waiting: { reason: defaultReason } }, lastState: {}, ready: false,
      restartCount: 0, image: c.image ?? '', imageID: '' };
    const old = olds?.find((o) => o.name === c.name);
    if (old) {
      if (old.state?.terminated) s = clone(old);
      else {
        s.restartCount = old.restartCount;
        s.lastState = clone(old.lastState ?? {});
      }
    }
    const history = state.history(c.name);
    if (history.length) {
      const cur = history[0];
      s = { name: c.name, state: stateOf(c, cur), lastState: {}, ready: false, restartCount: cur.restartCount,
        image: cur.image, imageID: cur.imageID, containerID: cur.containerID };
      if (history[1]) s.lastState = stateOf(c, history[1]);
    }
    // A container that will be started again by the next sync is Waiting, with the reason it is not yet running.
    const skip = isInit && history[0]?.state === 'exited' && history[0].exitCode === 0;
    const failure = reasons.get(c.name);
    if (!skip && failure && shouldContainerBeRestarted(c, pod, state, isInit)) {
      if (s.state?.terminated) s.lastState = s.state;
      s.state = { waiting: { reason: failure.reason, ...(failure.message ? { message: failure.message } : {}) } };
    }
    const vm = volumeMountStatuses(c);
    if (vm) s.volumeMounts = vm;
    out.set(c.name, s);
  }
  // The prober manager never looks at ephemeral containers: they stay ready: false, without started.
  if (!ephemeral) applyProbes(inp, containers, out, isInit);
  const list = containers.map((c) => out.get(c.name)!);
  // Regular and ephemeral container statuses are sorted by name (kubetypes.SortedContainerStatuses); init
  // ones keep spec order.
  return isInit && !ephemeral ? list : list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** prober manager UpdatePodStatus: started and ready of every status. */
function applyProbes(inp: StatusInputs, containers: readonly Container[], out: Map<string, ContainerStatus>, isInit: boolean): void {
  for (const c of containers) {
    const s = out.get(c.name)!;
    const inst = inp.state.latest(c.name);
    const running = !!s.state?.running && !!inst && inst.state === 'running';
    const started = running && inp.probes.started(inp.pod, inst!);
    s.started = started;
    if (isInit && !isRestartableInitContainer(c)) {
      if (s.state?.terminated && s.state.terminated.exitCode === 0) s.ready = true;
      continue;
    }
    if (!started) continue;
    s.ready = inp.probes.ready(inp.pod, inst!);
  }
}

/** getPhase: Pending, Running, Succeeded or Failed from the container statuses. */
export function getPhase(pod: Pod, info: readonly ContainerStatus[], podIsTerminal: boolean): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const spec = pod.spec!;
  const get = (n: string) => info.find((s) => s.name === n);
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;
  for (const c of spec.initContainers ?? []) {
    if (isRestartableInitContainer(c)) continue;
    const s = get(c.name);
    if (!s) { pendingRegularInit++; continue; }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) { if (s.state.terminated.exitCode !== 0) failedInitialization++; }
    else if (s.state?.waiting) {
      if (s.lastState?.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInitialization++; }
      else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = get(c.name);
    if (!s) { unknown++; continue; }
    if (s.state?.running) {
      if (!s.started) pendingRestartableInit++;
      running++;
    } else if (s.state?.terminated) {
      // Terminated sidecars are ignored.
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) { pendingRestartableInit++; waiting++; }
    } else { pendingRestartableInit++; unknown++; }
  }
  for (const c of spec.containers ?? []) {
    const s = get(c.name);
    if (!s) { unknown++; continue; }
    if (s.state?.running) running++;
    else if (s.state?.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
    else if (s.state?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    else unknown++;
  }
  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';
  const anyRegularStarted = (spec.containers ?? []).some((c) => { const s = get(c.name); return !!(s?.state?.running || s?.state?.terminated); });
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !anyRegularStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always' || spec.restartPolicy === undefined) return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** generateAPIPodStatus: the status the kubelet wants the API to show (times are set by the status manager). */
export function generateAPIPodStatus(inp: StatusInputs): PodStatus {
  const { pod, state, oldStatus } = inp;
  const s: PodStatus = {};
  const initStatuses = (pod.spec?.initContainers ?? []).length
    ? convertStatuses(inp, pod.spec!.initContainers!, oldStatus.initContainerStatuses, true) : undefined;
  const statuses = convertStatuses(inp, pod.spec?.containers ?? [], oldStatus.containerStatuses, false);
  const all = [...statuses, ...(initStatuses ?? [])];
  let phase = getPhase(pod, all, inp.podIsTerminal);
  if (phase !== 'Failed' && phase !== 'Succeeded') {
    if (oldStatus.phase === 'Failed' || oldStatus.phase === 'Succeeded') phase = oldStatus.phase;
    else if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') phase = pod.status.phase;
  }
  s.phase = phase;
  const allForConditions = [...(initStatuses ?? []), ...statuses];
  const conditions: PodCondition[] = [];
  conditions.push(generatePodReadyToStartContainersCondition(!!state.sandbox?.ready));
  conditions.push(generatePodInitializedCondition(pod, allForConditions, phase));
  const existing = [...(pod.status?.conditions ?? [])];
  conditions.push(generatePodReadyCondition(pod, existing, allForConditions, phase));
  conditions.push(generateContainersReadyCondition(pod, allForConditions, phase));
  conditions.push({ type: 'PodScheduled', status: 'True' });
  s.conditions = conditions;
  if (phase === oldStatus.phase) {
    const reason = oldStatus.reason || pod.status?.reason;
    const message = oldStatus.message || pod.status?.message;
    if (message) s.message = message;
    if (reason) s.reason = reason;
  }
  if (inp.hostIPs.length) {
    s.hostIP = inp.hostIPs[0];
    s.hostIPs = inp.hostIPs.map((ip) => ({ ip }));
  }
  const podIP = pod.spec?.hostNetwork ? inp.hostIPs[0] : state.sandbox?.ip;
  if (podIP) {
    s.podIP = podIP;
    s.podIPs = [{ ip: podIP }];
  } else if (oldStatus.podIP) {
    s.podIP = oldStatus.podIP;
    s.podIPs = oldStatus.podIPs;
  }
  if (oldStatus.startTime) s.startTime = oldStatus.startTime;
  if (initStatuses) s.initContainerStatuses = initStatuses;
  s.containerStatuses = statuses;
  s.qosClass = pod.status?.qosClass ?? getPodQOS(pod);
  const eph = (pod.spec?.ephemeralContainers ?? []) as Container[];
  // Ephemeral containers are never restarted (converted like init containers), and have no probes.
  if (eph.length) s.ephemeralContainerStatuses = convertStatuses(inp, eph, oldStatus.ephemeralContainerStatuses, true, true);
  return s;
}

/** containerStatuses[].image for an instance: the spec image with its default tag ("nginx" → "nginx:latest"). */
export function statusImage(specImage: string): string {
  return applyDefaultImageTag(specImage);
}

// What a sync must do to a pod: create its sandbox, start the next init container, keep sidecars
// running, start or restart containers, kill those that failed their liveness or startup probe
// or whose definition changed. Models pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computePodActions and kuberuntime_container.go (findNextInitContainerToRun,
// computeInitContainerActions), v1.32.
import type { Container, Pod } from '../../api/types';
import { hasRestartableInitContainer, isRestartableInitContainer, shouldContainerBeRestarted, shouldRestartOnFailure,
  type ContainerInstance, type PodRuntimeState } from '../container';

/** A container to stop, with the Killing event's message. */
export interface ContainerToKill {
  inst: ContainerInstance;
  container: Container;
  message: string;
  reason: '' | 'LivenessProbe' | 'StartupProbe';
}

/** podActions. */
export interface PodActions {
  killPod: boolean;
  createSandbox: boolean;
  /** Without sidecars: the one init container to start next. */
  nextInitContainerToStart?: Container;
  /** With sidecars: indexes of init containers to start. */
  initContainersToStart: number[];
  /** Indexes of regular containers to start. */
  containersToStart: number[];
  /** Indexes of ephemeral containers (kubectl debug) never started yet. */
  ephemeralContainersToStart: number[];
  containersToKill: ContainerToKill[];
}

/** Probe results computePodActions reads. */
export interface ProbeResults {
  livenessFailed(inst: ContainerInstance): boolean;
  startupFailed(inst: ContainerInstance): boolean;
  /** The instance is started (startup probe passed, or none). */
  started(c: Container, inst: ContainerInstance): boolean;
}

const isInitContainerFailed = (s: ContainerInstance) => s.state === 'exited' && s.exitCode !== 0;

/** findNextInitContainerToRun: the failed init container to retry, the next to run, or done. */
export function findNextInitContainerToRun(pod: Pod, state: PodRuntimeState):
  { failed?: ContainerInstance; next?: Container; done: boolean } {
  const inits = pod.spec?.initContainers ?? [];
  if (!inits.length) return { done: true };
  for (const c of pod.spec?.containers ?? []) if (state.latest(c.name)?.state === 'running') return { done: true };
  for (let i = inits.length - 1; i >= 0; i--) {
    const s = state.latest(inits[i].name);
    if (s && isInitContainerFailed(s)) return { failed: s, next: inits[i], done: false };
  }
  for (let i = inits.length - 1; i >= 0; i--) {
    const s = state.latest(inits[i].name);
    if (!s) continue;
    if (s.state === 'running') return { done: false };
    if (i === inits.length - 1) return { done: true };
    return { next: inits[i + 1], done: false };
  }
  return { next: inits[0], done: false };
}

/** hasAnyRegularContainerCreated. */
function hasAnyRegularContainerCreated(pod: Pod, state: PodRuntimeState): boolean {
  return (pod.spec?.containers ?? []).some((c) => !!state.latest(c.name));
}

/** computeInitContainerActions (SidecarContainers): returns whether the pod is initialized. */
function computeInitContainerActions(pod: Pod, state: PodRuntimeState, probes: ProbeResults, changes: PodActions): boolean {
  const inits = pod.spec?.initContainers ?? [];
  if (!inits.length) return true;
  let podHasInitialized = (pod.spec?.containers ?? []).some((c) => state.latest(c.name)?.state === 'running');
  const isPreviouslyInitialized = podHasInitialized;
  const restartOnFailure = shouldRestartOnFailure(pod);
  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i];
    const s = state.latest(c.name);
    const restartable = isRestartableInitContainer(c);
    if (!s) {
      if (isPreviouslyInitialized && restartable) changes.initContainersToStart.push(i);
      continue;
    }
    if (isPreviouslyInitialized && !restartable) continue;
    if (s.state === 'running') {
      if (!restartable) break;
      if (c.startupProbe && !probes.started(c, s)) {
        if (probes.startupFailed(s)) {
          changes.containersToKill.push({ inst: s, container: c, message: `Init container ${c.name} failed startup probe`, reason: 'StartupProbe' });
          changes.initContainersToStart.push(i);
        }
        break;
      }
      if (i === inits.length - 1) podHasInitialized = true;
      else if (!isPreviouslyInitialized) changes.initContainersToStart.push(i + 1);
      if (s.specImage !== c.image) {
        changes.containersToKill.push({ inst: s, container: c, message: `Init container ${c.name} definition changed`, reason: '' });
        changes.initContainersToStart.push(i);
        break;
      }
      if (c.livenessProbe && probes.livenessFailed(s)) {
        changes.containersToKill.push({ inst: s, container: c, message: `Init container ${c.name} failed liveness probe`, reason: 'LivenessProbe' });
        changes.initContainersToStart.push(i);
      }
      break;
    }
    // exited
    if (restartable) {
      changes.initContainersToStart.push(i);
      break;
    }
    if (s.exitCode === 0) {
      if (i === inits.length - 1) podHasInitialized = true;
      else changes.initContainersToStart.push(i + 1);
      break;
    }
    if (!restartOnFailure) {
      changes.killPod = true;
      changes.initContainersToStart = [];
      return false;
    }
    changes.initContainersToStart.push(i);
    break;
  }
  // Keep sidecars that exited running, once the pod is initialized.
  if (podHasInitialized || isPreviouslyInitialized) {
    inits.forEach((c, i) => {
      if (!isRestartableInitContainer(c) || changes.initContainersToStart.includes(i)) return;
      const s = state.latest(c.name);
      if (s && s.state === 'exited') changes.initContainersToStart.push(i);
    });
  }
  changes.initContainersToStart.sort((a, b) => a - b);
  return podHasInitialized;
}

/** computePodActions. */
export function computePodActions(pod: Pod, state: PodRuntimeState, probes: ProbeResults): PodActions {
  const sb = state.sandbox;
  const createSandbox = !sb || !sb.ready;
  const attempt = sb ? sb.attempt + 1 : 0;
  const changes: PodActions = { killPod: createSandbox, createSandbox, initContainersToStart: [], containersToStart: [],
    ephemeralContainersToStart: [], containersToKill: [] };
  const containers = pod.spec?.containers ?? [];
  if (createSandbox) {
    if (!shouldRestartOnFailure(pod) && attempt !== 0 && state.all().length) {
      changes.createSandbox = false;
      return changes;
    }
    const toStart: number[] = [];
    containers.forEach((c, i) => {
      const s = state.latest(c.name);
      if (pod.spec?.restartPolicy === 'OnFailure' && s?.state === 'exited' && s.exitCode === 0) return;
      toStart.push(i);
    });
    if (!toStart.length) {
      const initialized = hasRestartableInitContainer(pod) ? hasAnyRegularContainerCreated(pod, state) : findNextInitContainerToRun(pod, state).done;
      if (initialized) {
        changes.createSandbox = false;
        return changes;
      }
    }
    const inits = pod.spec?.initContainers ?? [];
    if (inits.length) {
      if (!hasRestartableInitContainer(pod)) changes.nextInitContainerToStart = inits[0];
      else changes.initContainersToStart = [0];
      return changes;
    }
    changes.containersToStart = toStart;
    return changes;
  }

  // Ephemeral containers start once and are never restarted.
  (pod.spec?.ephemeralContainers ?? []).forEach((c, i) => {
    if (!state.latest(c.name)) changes.ephemeralContainersToStart.push(i);
  });

  if (!hasRestartableInitContainer(pod)) {
    const { failed, next, done } = findNextInitContainerToRun(pod, state);
    if (!done) {
      if (next) {
        if (failed && !shouldRestartOnFailure(pod)) changes.killPod = true;
        else changes.nextInitContainerToStart = next;
      }
      return changes;
    }
  } else {
    const initialized = computeInitContainerActions(pod, state, probes, changes);
    if (changes.killPod || !initialized) return changes;
  }

  let keepCount = 0;
  containers.forEach((c, idx) => {
    const s = state.latest(c.name);
    if (!s || s.state !== 'running') {
      if (shouldContainerBeRestarted(c, pod, state)) changes.containersToStart.push(idx);
      return;
    }
    if (s.stopping) {
      keepCount++;
      return;
    }
    let message: string;
    let reason: ContainerToKill['reason'] = '';
    let restart = shouldRestartOnFailure(pod);
    if (s.specImage !== c.image) {
      message = `Container ${c.name} definition changed`;
      restart = true;
    } else if (c.livenessProbe && probes.livenessFailed(s)) {
      message = `Container ${c.name} failed liveness probe`;
      reason = 'LivenessProbe';
    } else if (c.startupProbe && probes.startupFailed(s)) {
      message = `Container ${c.name} failed startup probe`;
      reason = 'StartupProbe';
    } else {
      keepCount++;
      return;
    }
    if (restart) {
      message = `${message}, will be restarted`;
      changes.containersToStart.push(idx);
    }
    changes.containersToKill.push({ inst: s, container: c, message, reason });
  });
  if (keepCount === 0 && changes.containersToStart.length === 0) {
    changes.killPod = true;
    changes.initContainersToStart = [];
  }
  return changes;
}

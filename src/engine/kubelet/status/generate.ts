// The pod conditions the kubelet owns. Models pkg/kubelet/status/generate.go (v1.32):
// PodReadyToStartContainers, Initialized, Ready, ContainersReady, with their reasons and messages.
import type { ContainerStatus, Pod, PodCondition } from '../../api/types';
import { isRestartableInitContainer } from '../container';
import { goStringList } from '../util';

/** UnknownContainerStatuses: every container status is unknown. */
export const UNKNOWN_CONTAINER_STATUSES = 'UnknownContainerStatuses';
/** PodCompleted: every container succeeded. */
export const POD_COMPLETED = 'PodCompleted';
/** PodFailed: the pod failed, so its containers are not ready. */
export const POD_FAILED = 'PodFailed';
/** ContainersNotReady: one or more containers are not ready. */
export const CONTAINERS_NOT_READY = 'ContainersNotReady';
/** ContainersNotInitialized: one or more init containers have not succeeded. */
export const CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized';
/** ReadinessGatesNotReady: a readiness gate's condition is not True. */
export const READINESS_GATES_NOT_READY = 'ReadinessGatesNotReady';

/** The condition types the kubelet owns (kubetypes.PodConditionsByKubelet + PodReadyToStartContainers). */
export const KUBELET_CONDITIONS: readonly string[] = ['PodScheduled', 'Ready', 'Initialized', 'ContainersReady',
  'PodReadyToStartContainers'];

type Cond = PodCondition;
const byName = (statuses: readonly ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

function cond(type: string, status: 'True' | 'False', reason?: string, message?: string): Cond {
  const c: Cond = { type, status };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** GenerateContainersReadyCondition: True when every container (and sidecar) is ready. */
export function generateContainersReadyCondition(pod: Pod, statuses: readonly ContainerStatus[] | undefined, phase: string): Cond {
  if (!statuses) return cond('ContainersReady', 'False', UNKNOWN_CONTAINER_STATUSES);
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = byName(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  for (const c of pod.spec?.containers ?? []) {
    const s = byName(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return cond('ContainersReady', 'False', POD_COMPLETED);
  if (phase === 'Failed') return cond('ContainersReady', 'False', POD_FAILED);
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goStringList(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${goStringList(unready)}`);
  if (msgs.length) return cond('ContainersReady', 'False', CONTAINERS_NOT_READY, msgs.join(', '));
  return cond('ContainersReady', 'True');
}

/** GeneratePodReadyCondition: ContainersReady, then every readiness gate's condition. */
export function generatePodReadyCondition(pod: Pod, conditions: readonly Cond[], statuses: readonly ContainerStatus[] | undefined,
  phase: string): Cond {
  const cr = generateContainersReadyCondition(pod, statuses, phase);
  if (cr.status !== 'True') return cond('Ready', cr.status as 'False', cr.reason, cr.message);
  const msgs: string[] = [];
  for (const rg of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === rg.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${rg.conditionType}" does not exist.`);
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${rg.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return cond('Ready', 'False', READINESS_GATES_NOT_READY, msgs.join(', '));
  return cond('Ready', 'True');
}

/** A regular init container is initialized once it succeeded (ready); a sidecar once it started. */
function isInitContainerInitialized(restartable: boolean, s: ContainerStatus): boolean {
  return restartable ? s.started === true : s.ready === true;
}

/** HasAnyRegularContainerStarted. */
export function hasAnyRegularContainerStarted(pod: Pod, statuses: readonly ContainerStatus[]): boolean {
  for (const c of pod.spec?.containers ?? []) {
    const s = byName(statuses, c.name);
    if (s && (s.state?.running || s.state?.terminated)) return true;
  }
  return false;
}

/** GeneratePodInitializedCondition: True when every init container has completed (or started, for sidecars). */
export function generatePodInitializedCondition(pod: Pod, statuses: readonly ContainerStatus[] | undefined, phase: string): Cond {
  const inits = pod.spec?.initContainers ?? [];
  if (!statuses && inits.length > 0) return cond('Initialized', 'False', UNKNOWN_CONTAINER_STATUSES);
  const all = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = byName(all, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    if (!isInitContainerInitialized(isRestartableInitContainer(c), s)) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return cond('Initialized', 'True', POD_COMPLETED);
  if (hasAnyRegularContainerStarted(pod, all)) return cond('Initialized', 'True');
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goStringList(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${goStringList(incomplete)}`);
  if (msgs.length) return cond('Initialized', 'False', CONTAINERS_NOT_INITIALIZED, msgs.join(', '));
  return cond('Initialized', 'True');
}

/** GeneratePodReadyToStartContainersCondition: True while the pod's sandbox (with its network) exists. */
export function generatePodReadyToStartContainersCondition(sandboxReady: boolean): Cond {
  return cond('PodReadyToStartContainers', sandboxReady ? 'True' : 'False');
}

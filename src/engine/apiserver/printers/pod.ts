// The Pod and PodTemplate printers: what `kubectl get pods` shows.
// Models pkg/printers/internalversion/printers.go printPod, printPodTemplate (v1.32).
import { humanDuration, timestampMillis } from '../../api';
import type { Container, ContainerStatus, Pod, PodCondition } from '../../api';
import type { PodTemplate } from 'kubernetes-types/core/v1';
import { age, formatLabels, layoutContainerCells, nameOf } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { TableHandler, TableRowCondition } from './handler';

// Rows of finished pods carry a Completed condition so clients can de-emphasise them.
const POD_SUCCESS_CONDITIONS: TableRowCondition[] = Object.freeze([Object.freeze(
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' })]) as TableRowCondition[];
const POD_FAILED_CONDITIONS: TableRowCondition[] = Object.freeze([Object.freeze(
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' })]) as TableRowCondition[];

// node.NodeUnreachablePodReason: the node lifecycle controller's reason for pods on a lost node.
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** podutil.IsRestartableInitContainer: a sidecar (init container with restartPolicy Always). */
function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

// The init container spec a status belongs to. Upstream indexes them in a map by name, so with
// duplicate names the last one wins: search from the end.
function initContainerNamed(list: readonly Container[], name: string): Container | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) return list[i];
  return undefined;
}

// metav1.Time.Before on the last-restart dates; undefined is the zero time, earlier than any other.
function later(a: number | undefined, b: number | undefined): number | undefined {
  return b !== undefined && (a === undefined || a < b) ? b : a;
}

function lastTerminated(c: ContainerStatus): number | undefined {
  const t = c.lastState?.terminated;
  return t ? timestampMillis(t.finishedAt) : undefined;
}

function hasPodReadyCondition(conditions: readonly PodCondition[]): boolean {
  for (const c of conditions) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

// isPodInitializedConditionTrue: the first Initialized condition decides.
function isPodInitializedConditionTrue(conditions: readonly PodCondition[]): boolean {
  for (const c of conditions) if (c.type === 'Initialized') return c.status === 'True';
  return false;
}

// printPod. READY counts running+ready containers plus started+ready sidecars; STATUS starts from
// the phase (or status.reason) and is overridden by init progress ("Init:1/2", "Init:ErrImagePull"),
// then by the last-listed container's waiting/terminated reason (CrashLoopBackOff, Completed, Error…),
// and finally by deletion (Terminating; Unknown for a pod on a lost node).
function podCells(pod: Pod, now: number): unknown[] {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initContainers = spec?.initContainers ?? [];
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  for (const c of conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  for (const c of initContainers) if (isRestartableInitContainer(c)) totalContainers++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const restartCount = c.restartCount ?? 0;
    restarts += restartCount;
    const finished = lastTerminated(c);
    lastRestart = later(lastRestart, finished);
    const restartable = isRestartableInitContainer(initContainerNamed(initContainers, c.name));
    if (restartable) {
      restartableInitRestarts += restartCount;
      lastRestartableInitRestart = later(lastRestartableInitRestart, finished);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(conditions)) {
    // Completed plain init containers' restarts no longer count once the pod is initialized.
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, lastTerminated(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last container completed but another still runs is not "Completed".
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(conditions) ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    reason = 'Terminating';
  }

  const restartsCell = restarts !== 0 && lastRestart !== undefined
    ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);

  const gates = spec?.readinessGates;
  let readinessGates = '<none>';
  if (gates && gates.length > 0) {
    let trueConditions = 0;
    for (const g of gates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      if (c?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }

  return [nameOf(pod), `${readyContainers}/${totalContainers}`, reason, restartsCell, age(pod, now),
    status.podIPs?.[0]?.ip || '<none>', spec?.nodeName || '<none>', status.nominatedNodeName || '<none>', readinessGates];
}

/** Pod: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES. */
export const podHandler: TableHandler<Pod> = {
  columns: [
    NAME,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE,
    col('IP', 'string', doc('apiv1.PodStatus.podIP'), { priority: 1 }),
    col('Node', 'string', doc('apiv1.PodSpec.nodeName'), { priority: 1 }),
    col('Nominated Node', 'string', doc('apiv1.PodStatus.nominatedNodeName'), { priority: 1 }),
    col('Readiness Gates', 'string', doc('apiv1.PodSpec.readinessGates'), { priority: 1 }),
  ],
  cells: podCells,
  conditions(pod) {
    const phase = pod.status?.phase;
    return phase === 'Succeeded' ? POD_SUCCESS_CONDITIONS : phase === 'Failed' ? POD_FAILED_CONDITIONS : undefined;
  },
};

/** PodTemplate: NAME CONTAINERS IMAGES POD LABELS (no age). */
export const podTemplateHandler: TableHandler<PodTemplate> = {
  columns: [
    NAME,
    col('Containers', 'string', 'Names of each container in the template.'),
    col('Images', 'string', 'Images referenced by each container in the template.'),
    col('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  cells(t) {
    const [names, images] = layoutContainerCells(t.template?.spec?.containers);
    return [nameOf(t), names, images, formatLabels(t.template?.metadata?.labels)];
  },
};

// A pod's status as `kubectl get pods` words it (STATUS column) and the colour family the UI
// draws it in. Models the essentials of pkg/printers/internalversion/printers.go printPod.
import type { KubeObject } from '../../worker';

/** Colour families of pod states. */
export type StatusTone = 'ok' | 'progress' | 'warn' | 'error' | 'done' | 'muted';

interface ContainerStatusLike {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number; signal?: number }; running?: unknown };
}

interface PodLike extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string; image?: string }[]; initContainers?: unknown[] };
  status?: {
    phase?: string; reason?: string; podIP?: string;
    conditions?: { type: string; status: string }[];
    containerStatuses?: ContainerStatusLike[];
    initContainerStatuses?: ContainerStatusLike[];
  };
}

/** STATUS, READY ("1/1") and RESTARTS of a pod. */
export function podStatus(obj: KubeObject): { status: string; ready: string; restarts: number; tone: StatusTone } {
  const pod = obj as PodLike;
  const cs = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? cs.length;
  let status = pod.status?.reason || pod.status?.phase || 'Pending';
  let restarts = 0;
  let readyCount = 0;
  const init = pod.status?.initContainerStatuses ?? [];
  const initTotal = pod.spec?.initContainers?.length ?? 0;
  let initializing = false;
  init.forEach((c, i) => {
    restarts += c.restartCount ?? 0;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) return;
    if (initializing) return;
    initializing = true;
    if (t) status = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') status = `Init:${c.state.waiting.reason}`;
    else status = `Init:${i}/${initTotal}`;
  });
  if (!initializing) {
    let hasRunning = false;
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      restarts += c.restartCount ?? 0;
      if (c.state?.waiting?.reason) status = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) status = c.state.terminated.reason;
      else if (c.state?.terminated) status = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) { hasRunning = true; readyCount++; }
    }
    if (status === 'Completed' && hasRunning) {
      const readyCond = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      status = readyCond ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) status = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { status, ready: `${readyCount}/${total}`, restarts, tone: toneOf(status, readyCount, total) };
}

function toneOf(status: string, ready: number, total: number): StatusTone {
  if (status === 'Running') return ready === total ? 'ok' : 'progress';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Terminating' || status === 'Unknown') return 'muted';
  if (/BackOff|Err|Error|Failed|Invalid|OOMKilled|ExitCode|Signal|Evicted/.test(status)) return 'error';
  if (status === 'Pending' || status === 'ContainerCreating' || status.startsWith('Init:') || status === 'PodInitializing') return 'progress';
  return 'warn';
}

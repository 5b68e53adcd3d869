// Node events and marking a dead node's pods not ready.
// Models pkg/controller/util/node/controller_utils.go (RecordNodeEvent, RecordNodeStatusChange,
// MarkPodsNotReady) and pkg/api/v1/pod/util.go UpdatePodCondition.
import type { KubeObject, Node, Pod, PodCondition } from '../../api';
import { isNotFound } from '../../api';
import { R, type Client, type EventRecorder } from '../../client';
import { rfc3339 } from '../../clock';

/** The reference a node event is about: apiVersion v1, kind Node, the node's name and UID, no namespace. */
function nodeRef(name: string, uid: string | undefined): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } };
}

/** RecordNodeEvent: "Node <name> event: <event>". */
export function recordNodeEvent(recorder: EventRecorder, name: string, uid: string | undefined, type: 'Normal' | 'Warning',
  reason: string, event: string): void {
  recorder.event(nodeRef(name, uid), type, reason, `Node ${name} event: ${event}`);
}

/** RecordNodeStatusChange: "Node <name> status is now: <status>". */
export function recordNodeStatusChange(recorder: EventRecorder, node: Node, status: string): void {
  recorder.event(nodeRef(node.metadata!.name!, node.metadata?.uid), 'Normal', status, `Node ${node.metadata!.name} status is now: ${status}`);
}

/**
 * UpdatePodCondition: sets the condition, keeping lastTransitionTime when the status did not
 * change. Returns whether anything changed.
 */
export function updatePodCondition(conditions: PodCondition[], cond: PodCondition, now: number): boolean {
  const c: PodCondition = { ...cond, lastTransitionTime: rfc3339(now) };
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i < 0) {
    conditions.push(c);
    return true;
  }
  const old = conditions[i];
  if (c.status === old.status) c.lastTransitionTime = old.lastTransitionTime;
  const same = c.status === old.status && (c.reason ?? '') === (old.reason ?? '') && (c.message ?? '') === (old.message ?? '')
    && (c.lastProbeTime ?? null) === (old.lastProbeTime ?? null) && c.lastTransitionTime === old.lastTransitionTime;
  conditions[i] = c;
  return !same;
}

/**
 * MarkPodsNotReady: the Ready condition of every pod on the node turns False (written through
 * /status), with a "NodeNotReady: Node is not ready" Warning on each pod changed.
 */
export function markPodsNotReady(client: Client, recorder: EventRecorder, pods: readonly Pod[], nodeName: string, now: number): Error | undefined {
  let err: Error | undefined;
  for (const p of pods) {
    if (p.spec?.nodeName !== nodeName) continue;
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready) continue;
    const pod: Pod = structuredClone(p);
    const conds = pod.status!.conditions!;
    if (!updatePodCondition(conds, { ...ready, status: 'False' }, now)) continue;
    try {
      client.updateStatus(R.pods, pod);
    } catch (e) {
      if (isNotFound(e)) continue;
      err ??= e as Error;
    }
    // Recorded after the write so the pod is known to exist.
    recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  return err;
}

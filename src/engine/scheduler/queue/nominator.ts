// Models the nominator of pkg/scheduler/internal/queue/scheduling_queue.go: pods that preemption
// nominated to a node, so that other pods' filters leave room for them.
import type { Pod } from '../../api';
import type { NominatingInfo, PodInfo, PodNominator } from '../framework';

/** nominatedNodeName of a pod's status. */
export function nominatedNodeNameOf(pod: Pod): string {
  return pod.status?.nominatedNodeName ?? '';
}

/** The nominator. */
export class Nominator implements PodNominator {
  private readonly byNode = new Map<string, PodInfo[]>();
  private readonly podToNode = new Map<string, string>();

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    return this.byNode.get(nodeName) ?? NONE;
  }

  /** Whether any pod is nominated anywhere (cheap check for the hot path). */
  isEmpty(): boolean {
    return this.podToNode.size === 0;
  }

  /** AddNominatedPod: to the override's node, else to the pod's status.nominatedNodeName. */
  add(pi: PodInfo, ni?: NominatingInfo): void {
    this.delete(pi.pod);
    let node = nominatedNodeNameOf(pi.pod);
    if (ni?.mode === 'Override') node = ni.nominatedNodeName;
    // A pod already bound or nominated nowhere is not tracked.
    if (!node || pi.pod.spec?.nodeName) return;
    this.podToNode.set(pi.uid, node);
    const list = this.byNode.get(node) ?? [];
    if (!list.some((p) => p.uid === pi.uid)) list.push(pi);
    this.byNode.set(node, list);
  }

  delete(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const node = this.podToNode.get(uid);
    if (node === undefined) return;
    this.podToNode.delete(uid);
    const list = (this.byNode.get(node) ?? []).filter((p) => p.uid !== uid);
    if (list.length) this.byNode.set(node, list);
    else this.byNode.delete(node);
  }

  /** updateNominatedPod: keeps an in-memory nomination when an update carries none yet. */
  update(oldPod: Pod, newInfo: PodInfo): void {
    let ni: NominatingInfo | undefined;
    if (!nominatedNodeNameOf(oldPod) && !nominatedNodeNameOf(newInfo.pod)) {
      const n = this.podToNode.get(oldPod.metadata?.uid ?? '');
      if (n !== undefined) ni = { mode: 'Override', nominatedNodeName: n };
    }
    this.delete(oldPod);
    this.add(newInfo, ni);
  }
}

const NONE: readonly PodInfo[] = Object.freeze([]);

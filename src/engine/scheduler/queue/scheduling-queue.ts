// The scheduling queue. Models pkg/scheduler/internal/queue/scheduling_queue.go (v1.32 PriorityQueue):
//   activeQ            pods to try now, by priority then the time they were queued;
//   backoffQ           pods that failed, waiting 1 s, 2 s, 4 s … up to 10 s (doubling per attempt);
//   unschedulablePods  pods a plugin rejected, waiting for a cluster event that plugin registered
//                      (node added, pod deleted, PVC bound …), flushed after 5 minutes regardless.
// Gated pods (scheduling gates) wait in unschedulablePods until an update removes their gates.
//
// Timers replace upstream's polling loops but keep their grid: backoffQ is flushed on whole seconds
// and unschedulablePods every 30 s, counted from the queue's start, exactly when upstream's
// wait.Until ticks would see the pod due.
import type { Pod, KubeObject } from '../../api';
import type { Clock, Cancel } from '../../clock';
import { type ClusterEvent, type ClusterEventWithHint, type Framework, type NominatingInfo, PodInfo, type QueuedPodInfo } from '../framework';
import { KeyedHeap } from './heap';
import { UnschedulablePods } from './unschedulable-pods';
import { Nominator } from './nominator';

/** DefaultPodInitialBackoffDuration. */
export const POD_INITIAL_BACKOFF_MS = 1_000;
/** DefaultPodMaxBackoffDuration. */
export const POD_MAX_BACKOFF_MS = 10_000;
/** DefaultPodMaxInUnschedulablePodsDuration. */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
const BACKOFF_FLUSH_PERIOD_MS = 1_000;
const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

/** Where a pod went. */
export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods';

/** Options of the queue. */
export interface SchedulingQueueOptions {
  clock: Clock;
  framework: Framework;
  /** Called when activeQ gains a pod (the scheduler then runs a cycle). */
  onActive: () => void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxInUnschedulableMs?: number;
}

const keyOf = (q: QueuedPodInfo) => q.podInfo.key;
const podKey = (pod: Pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;

/** Replaces a queued pod's object (and its cached priority). */
export function setPod(q: QueuedPodInfo, pod: Pod): void {
  q.podInfo = new PodInfo(pod);
  q.priority = pod.spec?.priority ?? 0;
}

/** isPodUpdated: a change other than status, resourceVersion, generation, managedFields or finalizers. */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _mf, finalizers: _f, ...meta } = p.metadata ?? {};
    return JSON.stringify({ ...p, metadata: meta, status: undefined });
  };
  return strip(oldPod) !== strip(newPod);
}

/** The priority queue. */
export class SchedulingQueue {
  readonly nominator = new Nominator();
  private readonly activeQ: KeyedHeap<QueuedPodInfo>;
  private readonly backoffQ: KeyedHeap<QueuedPodInfo>;
  private readonly unschedulable = new UnschedulablePods();
  private readonly hints: Map<string, ClusterEventWithHint[]>;
  private readonly interested = new Map<string, ReadonlySet<string>>();
  private readonly start: number;
  private seq = 0;
  private backoffTimer?: { due: number; cancel: Cancel };
  private leftoverTimer?: { due: number; cancel: Cancel };
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxInUnschedulableMs: number;

  constructor(private readonly opts: SchedulingQueueOptions) {
    const fwk = opts.framework;
    const less = fwk.queueSortPlugin
      ? (a: QueuedPodInfo, b: QueuedPodInfo) => fwk.queueSortPlugin!.less(a, b)
      : (a: QueuedPodInfo, b: QueuedPodInfo) => a.seq < b.seq;
    this.activeQ = new KeyedHeap(keyOf, less);
    this.backoffQ = new KeyedHeap(keyOf, (a, b) => this.backoffTime(a) < this.backoffTime(b) || (this.backoffTime(a) === this.backoffTime(b) && a.seq < b.seq));
    this.hints = fwk.eventsToRegister();
    this.start = opts.clock.now();
    this.initialBackoffMs = opts.initialBackoffMs ?? POD_INITIAL_BACKOFF_MS;
    this.maxBackoffMs = opts.maxBackoffMs ?? POD_MAX_BACKOFF_MS;
    this.maxInUnschedulableMs = opts.maxInUnschedulableMs ?? POD_MAX_IN_UNSCHEDULABLE_PODS_MS;
  }

  private newQueuedPodInfo(pod: Pod): QueuedPodInfo {
    return { podInfo: new PodInfo(pod), priority: pod.spec?.priority ?? 0, timestamp: this.opts.clock.now(), attempts: 0, unschedulablePlugins: new Set(),
      pendingPlugins: new Set(), gated: false, seq: this.seq++ };
  }

  /** Sizes, for the UI and tests (PendingPods). */
  counts(): Record<QueueName, number> {
    return { activeQ: this.activeQ.length, backoffQ: this.backoffQ.length, unschedulablePods: this.unschedulable.size };
  }

  /** Which queue holds the pod, if any. */
  where(pod: Pod): QueueName | undefined {
    const k = podKey(pod);
    if (this.activeQ.has(k)) return 'activeQ';
    if (this.backoffQ.has(k)) return 'backoffQ';
    if (this.unschedulable.has(k)) return 'unschedulablePods';
    return undefined;
  }

  /** The queued record of a pod (tests, explain). */
  get(pod: Pod): QueuedPodInfo | undefined {
    const k = podKey(pod);
    return this.activeQ.get(k) ?? this.backoffQ.get(k) ?? this.unschedulable.get(k);
  }

  /** addToActiveQ: runs PreEnqueue; a gated pod goes to unschedulablePods instead. */
  private addToActiveQ(q: QueuedPodInfo): boolean {
    const s = this.opts.framework.runPreEnqueuePlugins(q.podInfo.pod);
    q.gated = s !== undefined;
    if (q.gated) {
      q.unschedulablePlugins = new Set([s!.plugin]);
      this.addUnschedulable(q);
      return false;
    }
    if (q.initialAttemptTimestamp === undefined) q.initialAttemptTimestamp = this.opts.clock.now();
    this.activeQ.addOrUpdate(q);
    this.opts.onActive();
    return true;
  }

  private addUnschedulable(q: QueuedPodInfo): void {
    this.unschedulable.set(q);
    if (!q.gated) this.armLeftoverTimer(q.timestamp);
  }

  /** Add: a new pending pod. */
  add(pod: Pod): void {
    const q = this.newQueuedPodInfo(pod);
    const k = q.podInfo.key;
    this.unschedulable.delete(k);
    this.backoffQ.delete(k);
    this.addToActiveQ(q);
    this.nominator.add(q.podInfo);
  }

  /** Pop: the next pod to schedule (attempts counted), or undefined. */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop();
    if (q) q.attempts++;
    return q;
  }

  /** Update: refreshes a queued pod; a real change moves it out of unschedulablePods. */
  update(oldPod: Pod, newPod: Pod): void {
    const k = podKey(newPod);
    const inQ = this.activeQ.get(k) ?? this.backoffQ.get(k);
    if (inQ) {
      setPod(inQ, newPod);
      this.nominator.update(oldPod, inQ.podInfo);
      if (this.activeQ.has(k)) this.activeQ.addOrUpdate(inQ);
      else this.backoffQ.addOrUpdate(inQ);
      return;
    }
    const us = this.unschedulable.get(k);
    if (us) {
      setPod(us, newPod);
      this.nominator.update(oldPod, us.podInfo);
      if (isPodUpdated(oldPod, newPod)) {
        this.unschedulable.delete(k);
        if (this.isPodBackingOff(us)) this.addToBackoffQ(us);
        else this.addToActiveQ(us);
      }
      return;
    }
    // Not queued (being scheduled, or missed its add): queue it afresh.
    const q = this.newQueuedPodInfo(newPod);
    if (this.addToActiveQ(q)) this.nominator.add(q.podInfo);
  }

  /** Delete: the pod is gone (or bound). */
  delete(pod: Pod): void {
    const k = podKey(pod);
    this.nominator.delete(pod);
    this.activeQ.delete(k);
    this.backoffQ.delete(k);
    this.unschedulable.delete(k);
  }

  /** AddNominatedPod (after a failed cycle). */
  addNominatedPod(pi: PodInfo, ni?: NominatingInfo): void {
    this.nominator.add(pi, ni);
  }

  /**
   * AddUnschedulableIfNotPresent: after a failed attempt. Rejected by plugins: unschedulablePods (until
   * an event they registered); failed otherwise (an error, no nodes): backoffQ.
   */
  addUnschedulableIfNotPresent(q: QueuedPodInfo): QueueName | undefined {
    const k = q.podInfo.key;
    if (this.unschedulable.has(k) || this.activeQ.has(k) || this.backoffQ.has(k)) return undefined;
    q.timestamp = this.opts.clock.now();
    this.nominator.add(q.podInfo);
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) {
      if (this.isPodBackingOff(q)) {
        this.addToBackoffQ(q);
        return 'backoffQ';
      }
      this.addToActiveQ(q);
      return 'activeQ';
    }
    this.addUnschedulable(q);
    return 'unschedulablePods';
  }

  // ---- back-off ----

  /** calculateBackoffDuration: 1 s doubled per attempt after the first, capped at 10 s. */
  backoffDuration(q: QueuedPodInfo): number {
    if (q.attempts === 0) return 0;
    let d = this.initialBackoffMs;
    for (let i = 1; i < q.attempts; i++) {
      if (d > this.maxBackoffMs - d) return this.maxBackoffMs;
      d += d;
    }
    return d;
  }

  backoffTime(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q);
  }

  isPodBackingOff(q: QueuedPodInfo): boolean {
    if (q.gated) return false;
    return this.backoffTime(q) > this.opts.clock.now();
  }

  private addToBackoffQ(q: QueuedPodInfo): void {
    this.backoffQ.addOrUpdate(q);
    this.armBackoffTimer();
  }

  /** The first tick of a period-`p` loop started at `start` at or after `t` (strictly after when `strict`). */
  private nextTick(t: number, p: number, strict: boolean): number {
    const k = (t - this.start) / p;
    let n = Math.ceil(k);
    if (strict && n === k) n++;
    return this.start + Math.max(0, n) * p;
  }

  private armBackoffTimer(): void {
    const top = this.backoffQ.peek();
    if (!top) return;
    const due = this.nextTick(this.backoffTime(top), BACKOFF_FLUSH_PERIOD_MS, false);
    if (this.backoffTimer && this.backoffTimer.due <= due) return;
    this.backoffTimer?.cancel();
    this.backoffTimer = { due, cancel: this.opts.clock.after(due - this.opts.clock.now(), () => this.flushBackoffQCompleted()) };
  }

  /** flushBackoffQCompleted: pods whose back-off ended go to activeQ. */
  private flushBackoffQCompleted(): void {
    this.backoffTimer = undefined;
    for (;;) {
      const top = this.backoffQ.peek();
      if (!top || this.isPodBackingOff(top)) break;
      this.backoffQ.pop();
      this.addToActiveQ(top);
    }
    this.armBackoffTimer();
  }

  /** Arms the flush for the pod queued at `timestamp` (or, without one, for the earliest waiting pod). */
  private armLeftoverTimer(timestamp?: number): void {
    let earliest = timestamp ?? Infinity;
    if (timestamp === undefined) for (const q of this.unschedulable.values()) if (!q.gated && q.timestamp < earliest) earliest = q.timestamp;
    if (earliest === Infinity) return;
    const due = this.nextTick(earliest + this.maxInUnschedulableMs, UNSCHEDULABLE_FLUSH_PERIOD_MS, true);
    if (this.leftoverTimer && this.leftoverTimer.due <= due) return;
    this.leftoverTimer?.cancel();
    this.leftoverTimer = { due, cancel: this.opts.clock.after(due - this.opts.clock.now(), () => this.flushUnschedulablePodsLeftover()) };
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for more than 5 minutes are retried. */
  private flushUnschedulablePodsLeftover(): void {
    this.leftoverTimer = undefined;
    const now = this.opts.clock.now();
    const move = [...this.unschedulable.values()].filter((q) => !q.gated && now - q.timestamp > this.maxInUnschedulableMs);
    this.movePods(move, { resource: '*', actionType: 0, label: 'UnschedulableTimeout' }, undefined, undefined);
    this.armLeftoverTimer();
  }

  // ---- events ----

  /**
   * isPodWorthRequeuing (coarse QueueingHints): a pod moves when one of the plugins that rejected it
   * registered an event matching this one and its hint (if any) does not say skip. Wildcards move all.
   */
  private worthRequeuing(q: QueuedPodInfo, event: ClusterEvent, oldObj?: KubeObject, newObj?: KubeObject): boolean {
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) return true;
    if (event.resource === '*') return true;
    for (const plugin of [...q.unschedulablePlugins, ...q.pendingPlugins]) {
      for (const reg of this.hints.get(plugin) ?? []) {
        if (reg.event.resource !== event.resource || (reg.event.actionType & event.actionType) === 0) continue;
        if (!reg.hint || reg.hint(q.podInfo.pod, oldObj, newObj)) return true;
      }
    }
    return false;
  }

  private movePods(list: readonly QueuedPodInfo[], event: ClusterEvent, oldObj?: KubeObject, newObj?: KubeObject): void {
    for (const q of list) {
      if (!this.worthRequeuing(q, event, oldObj, newObj)) continue;
      this.unschedulable.delete(q.podInfo.key);
      if (this.isPodBackingOff(q)) this.addToBackoffQ(q);
      else this.addToActiveQ(q);
    }
  }

  /** MoveAllToActiveOrBackoffQueue. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, oldObj?: KubeObject, newObj?: KubeObject, preCheck?: (pod: Pod) => boolean): void {
    if (this.unschedulable.size === 0) return;
    const base = event.resource === '*' ? [...this.unschedulable.values()] : this.unschedulable.candidates(this.interestedPlugins(event));
    const list = preCheck ? base.filter((q) => preCheck(q.podInfo.pod)) : base;
    this.movePods(list, event, oldObj, newObj);
  }

  /** The plugins that registered an event matching this one (cached per resource and action bits). */
  private interestedPlugins(event: ClusterEvent): ReadonlySet<string> {
    const k = `${event.resource}/${event.actionType}`;
    let s = this.interested.get(k);
    if (!s) {
      const found = new Set<string>();
      for (const [plugin, regs] of this.hints) {
        if (regs.some((r) => r.event.resource === event.resource && (r.event.actionType & event.actionType) !== 0)) found.add(plugin);
      }
      this.interested.set(k, (s = found));
    }
    return s;
  }

  /** AssignedPodAdded/Updated: pods whose required affinity terms the (new) assigned pod matches may now fit. */
  assignedPodAddedOrUpdated(event: ClusterEvent, pod: Pod, oldPod?: Pod): void {
    if (this.unschedulable.size === 0) return;
    this.moveAllToActiveOrBackoffQueue(event, oldPod, pod);
  }

  /** Activate: force pods into activeQ (a plugin's PodsToActivate). */
  activate(pods: readonly Pod[]): void {
    for (const p of pods) {
      const k = podKey(p);
      const q = this.unschedulable.get(k) ?? this.backoffQ.get(k);
      if (!q) continue;
      this.unschedulable.delete(k);
      this.backoffQ.delete(k);
      this.addToActiveQ(q);
    }
  }

  /** Whether activeQ has pods. */
  hasActive(): boolean {
    return this.activeQ.length > 0;
  }

  /** Stops the timers. */
  close(): void {
    this.backoffTimer?.cancel();
    this.leftoverTimer?.cancel();
  }
}

// Events as events.k8s.io/v1 clients record them. Models k8s.io/client-go/tools/events
// (event_recorder.go makeEvent, event_broadcaster.go recordToSink/finishSeries/
// refreshExistingEventSeries), as the kube-scheduler uses it since v1.19.
//
// kubesim serves Events through core/v1 only, so the event is written as the API server stores an
// events.k8s.io/v1 Event: eventTime (microseconds), action, reportingComponent/reportingInstance,
// related; no source, count, firstTimestamp or lastTimestamp (the API fills null / {}). A repeat of
// the same (type, action, reason, reporter, regarding, related) — note excluded, so a new message
// does not make a new event while the regarding object is unchanged — becomes a series: the second
// occurrence patches series {count: 2, lastObservedTime}; later ones only count in memory until the
// series is flushed (6 minutes after its last occurrence, or the 30-minute refresh).
import type { KubeObject, ObjectReference } from '../../api/types';
import { isAlreadyExists, isNotFound } from '../../api/errors';
import type { Clock, Cancel } from '../../clock';
import { rfc3339Micro } from '../../clock';
import type { Client } from '../client';
import { R } from '../resources';
import { referenceTo } from './recorder';

/** event_broadcaster.go finishTime: a series quiet this long is written and forgotten. */
export const SERIES_FINISH_MS = 6 * 60_000;
/** event_broadcaster.go refreshTime: every live series is written this often. */
export const SERIES_REFRESH_MS = 30 * 60_000;

/** Who records. */
export interface EventsRecorderOptions {
  /** reportingController, e.g. "default-scheduler". */
  reportingController: string;
  /** reportingInstance: "<controller>-<hostname>", e.g. "default-scheduler-minikube". */
  reportingInstance: string;
}

/** What a series needs: the event's name, and what it was built from (to recreate it if it is gone). */
interface Cached {
  name: string;
  namespace: string;
  eventTime: number;
  ref: ObjectReference;
  rel: ObjectReference | undefined;
  type: string;
  reason: string;
  action: string;
  note: string;
  series?: { count: number; lastObservedTime: number };
}

/** The events.k8s.io-style recorder (EventRecorder.Eventf(regarding, related, type, reason, action, note)). */
export class EventsRecorder {
  private readonly cache = new Map<string, Cached>();
  private seq = 0;
  private readonly start: number;
  private finishTimer?: Cancel;
  private refreshTimer?: Cancel;

  constructor(private readonly client: Client, private readonly clock: Clock, readonly opts: EventsRecorderOptions) {
    this.start = clock.now();
  }

  /** Eventf. `regarding` and `related` must carry apiVersion and kind. */
  eventf(regarding: KubeObject, related: KubeObject | undefined, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void {
    const ref = referenceTo(regarding);
    const rel = related ? referenceTo(related) : undefined;
    // getKey: type, action, reason, reporting controller and instance, regarding, related. One
    // recorder has one reporter: its two fields are left out of the key (thousands of keys held).
    const key = JSON.stringify([type, action, reason, refKey(ref), rel ? refKey(rel) : null]);
    const now = this.clock.now();
    const prior = this.cache.get(key);
    if (prior) {
      if (prior.series) {
        prior.series.count++;
        prior.series.lastObservedTime = now;
        return;
      }
      prior.series = { count: 2, lastObservedTime: now };
      this.record(prior);
      return;
    }
    const namespace = ref.namespace || 'default';
    // "<object>.<hex UnixNano>": the sub-millisecond digits count this recorder's events.
    let nanos = BigInt(now) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    // Another recorder may have named an event about the same object alike in the same simulated
    // millisecond (upstream's real nanoseconds practically never collide): take the next name.
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = `${ref.name}.${nanos.toString(16)}`;
      const event = this.build(ref, rel, type, reason, action, note, name, namespace, now);
      const res = this.create(event);
      if (res === 'exists') {
        nanos += 1n;
        continue;
      }
      if (res === 'ok') {
        this.cache.set(key, { name, namespace, eventTime: now, ref, rel, type, reason, action, note });
        this.armTimers();
      }
      return;
    }
  }

  private build(ref: ObjectReference, rel: ObjectReference | undefined, type: string, reason: string, action: string, note: string,
    name: string, namespace: string, eventTime: number): KubeObject {
    const ev: Record<string, unknown> = {
      apiVersion: 'v1', kind: 'Event', metadata: { name, namespace },
      involvedObject: ref, reason, message: note, type,
      eventTime: rfc3339Micro(eventTime), action,
      reportingComponent: this.opts.reportingController, reportingInstance: this.opts.reportingInstance,
    };
    if (rel) ev.related = rel;
    return ev as KubeObject;
  }

  private create(ev: KubeObject): 'ok' | 'exists' | 'refused' {
    try {
      this.client.create(R.events, ev);
      return 'ok';
    } catch (e) {
      // recordEvent: a refused event (invalid, namespace terminating) is dropped.
      return isAlreadyExists(e) ? 'exists' : 'refused';
    }
  }

  /** recordEvent for a series: patch series; recreate the event when it is gone. */
  private record(c: Cached): void {
    const series = { count: c.series!.count, lastObservedTime: rfc3339Micro(c.series!.lastObservedTime) };
    try {
      this.client.patch(R.events, c.namespace, c.name, 'application/strategic-merge-patch+json', { series });
    } catch (e) {
      if (!isNotFound(e)) return;
      const event = this.build(c.ref, c.rel, c.type, c.reason, c.action, c.note, c.name, c.namespace, c.eventTime);
      this.create({ ...event, series } as KubeObject);
    }
  }

  private nextTick(period: number): number {
    const now = this.clock.now();
    const k = Math.floor((now - this.start) / period) + 1;
    return this.start + k * period - now;
  }

  private armTimers(): void {
    if (!this.finishTimer) this.finishTimer = this.clock.after(this.nextTick(SERIES_FINISH_MS), () => this.finishSeries());
    if (!this.refreshTimer) this.refreshTimer = this.clock.after(this.nextTick(SERIES_REFRESH_MS), () => this.refreshSeries());
  }

  /** finishSeries: writes the final count of series quiet for 6 minutes and forgets them; forgets old singletons. */
  private finishSeries(): void {
    this.finishTimer = undefined;
    const cutoff = this.clock.now() - SERIES_FINISH_MS;
    for (const [k, c] of this.cache) {
      if (c.series) {
        if (c.series.lastObservedTime < cutoff) {
          this.record(c);
          this.cache.delete(k);
        }
      } else if (c.eventTime < cutoff) this.cache.delete(k);
    }
    if (this.cache.size) this.armTimers();
  }

  /** refreshExistingEventSeries: writes every live series' count. */
  private refreshSeries(): void {
    this.refreshTimer = undefined;
    for (const c of this.cache.values()) if (c.series) this.record(c);
    if (this.cache.size) this.armTimers();
  }

  /** Stops the timers. */
  stop(): void {
    this.finishTimer?.();
    this.refreshTimer?.();
  }
}

function refKey(r: ObjectReference): string {
  return [r.kind, r.namespace, r.name, r.uid, r.apiVersion, r.resourceVersion, r.fieldPath].join('\u0000');
}

// Events as components record them. Models k8s.io/client-go/tools/record/event.go (makeEvent,
// recordToSink) and events_cache.go (EventCorrelator: EventLogger dedupe, EventAggregator,
// spam filter). An identical event bumps count and lastTimestamp of the existing one; more than 10
// similar ones (same object and reason, other messages) within 10 minutes are combined.
import type { KubeObject, Event, ObjectReference } from '../../api/types';
import { isAlreadyExists, isNotFound } from '../../api/errors';
import { apiVersionOf, resourceForKind } from '../../api/kinds';
import type { Clock } from '../../clock';
import { rfc3339 } from '../../clock';
import type { Client } from '../client';
import { R } from '../resources';

/** Who reports: source.component / reportingComponent and the host (node) it runs on. */
export interface EventSource {
  component: string;
  host?: string;
}

const MAX_LRU = 4096;
const AGGREGATE_MAX = 10; // defaultAggregateMaxEvents
const AGGREGATE_WINDOW_MS = 600_000; // defaultAggregateIntervalInSeconds
const SPAM_BURST = 25; // defaultSpamBurst
const SPAM_REFILL_MS = 300_000; // defaultSpamQPS = 1/300

/** An object reference for an event's involvedObject (reference.GetReference). */
export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const m = obj.metadata ?? {};
  let apiVersion = obj.apiVersion;
  let kind = obj.kind;
  if (!apiVersion || !kind) {
    // Objects from lists carry no TypeMeta; nothing to infer from here but what the caller passes.
    apiVersion = apiVersion ?? 'v1';
    kind = kind ?? '';
  }
  const ref: ObjectReference = { kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion, resourceVersion: m.resourceVersion };
  if (fieldPath) ref.fieldPath = fieldPath;
  if (!ref.namespace) delete ref.namespace;
  return ref;
}

/**
 * A bounded cache that forgets the least recently used key (github.com/golang/groupcache/lru as the
 * correlator uses it: Get and Add both make a key the most recent).
 */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  add(k: string, v: V): void {
    this.m.delete(k);
    this.m.set(k, v);
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value!);
  }
  remove(k: string): void {
    this.m.delete(k);
  }
}

interface Seen {
  name: string;
  namespace: string;
  count: number;
  first: string;
}

/** Records events for one component. */
export class EventRecorder {
  private seq = 0;
  // The correlator's three caches, each an LRU of maxLruCacheEntries keys (events_cache.go). Their
  // keys leave out source.component and source.host: one recorder has one source.
  private readonly seen = new Lru<Seen>(MAX_LRU);
  // localKeys: the distinct messages seen; one (a string) until a second arrives, as nearly every
  // object gets one message per reason, and a Set per pod and reason costs more than the event.
  private readonly similar = new Lru<{ times: number[]; localKeys: string | Set<string> }>(MAX_LRU);
  private readonly spam = new Lru<{ tokens: number; at: number }>(MAX_LRU);

  constructor(private readonly client: Client, private readonly clock: Clock, readonly source: EventSource) {}

  /** Records an event about `obj` (which must carry apiVersion/kind, or pass `kind`). */
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string,
    opts: { fieldPath?: string; kind?: string; apiVersion?: string } = {}): void {
    const withType = opts.kind ? { ...obj, kind: opts.kind, apiVersion: opts.apiVersion ?? obj.apiVersion ?? kindApiVersion(opts.kind) } : obj;
    const ref = referenceTo(withType, opts.fieldPath);
    const now = this.clock.now();
    if (!this.allow(ref, now)) return;
    const { message: msg, key } = this.aggregate(ref, type, reason, message, now);
    const ts = rfc3339(now);
    const prior = this.seen.get(key);
    if (prior) {
      prior.count++;
      try {
        this.client.patch(R.events, prior.namespace, prior.name, 'application/strategic-merge-patch+json',
          { count: prior.count, lastTimestamp: ts, message: msg });
        return;
      } catch (e) {
        if (!isNotFound(e)) return;
        this.seen.remove(key);
      }
    }
    const namespace = ref.namespace || 'default';
    let nanos = BigInt(now) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    let name = `${ref.name}.${nanos.toString(16)}`;
    const ev: Event = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref, reason, message: msg,
      source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
      firstTimestamp: ts, lastTimestamp: ts, count: 1, type,
      eventTime: null as unknown as string,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
    // Two recorders (a kubelet and a controller) may name an event about the same object in the
    // same millisecond alike; upstream's UnixNano names practically never collide, so take the next.
    for (let attempt = 0; ; attempt++) {
      try {
        this.client.create(R.events, ev);
        this.seen.add(key, { name, namespace, count: 1, first: ts });
        return;
      } catch (e) {
        if (!isAlreadyExists(e) || attempt >= 8) return; // recordToSink never fails its caller: a refused event is dropped
        nanos += 1n;
        name = `${ref.name}.${nanos.toString(16)}`;
        ev.metadata = { name, namespace };
      }
    }
  }

  /** EventAggregator: after 10 similar events in 10 minutes, messages are combined under one key. */
  private aggregate(ref: ObjectReference, type: string, reason: string, message: string, now: number): { message: string; key: string } {
    const objKey = [ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion].join('\u0000');
    const aggKey = [objKey, type, reason].join('\u0000');
    const localKey = message;
    let s = this.similar.get(aggKey);
    if (!s) this.similar.add(aggKey, (s = { times: [now], localKeys: localKey }));
    else {
      if (now - s.times[0] >= AGGREGATE_WINDOW_MS) s.times = s.times.filter((t) => now - t < AGGREGATE_WINDOW_MS);
      // Grown by copy: push onto a one-element array reserves room for 17 (one record per object and reason).
      s.times = [...s.times, now];
    }
    if (typeof s.localKeys === 'string') {
      if (s.localKeys !== localKey) s.localKeys = new Set([s.localKeys, localKey]);
    } else s.localKeys.add(localKey);
    const distinct = typeof s.localKeys === 'string' ? 1 : s.localKeys.size;
    if (distinct >= AGGREGATE_MAX && s.times.length >= AGGREGATE_MAX) {
      return { message: `(combined from similar events): ${message}`, key: `${aggKey}\u0000combined` };
    }
    return { message, key: `${aggKey}\u0000${message}` };
  }

  /** The spam filter: a token bucket per source and object (burst 25, one token per 5 minutes). */
  private allow(ref: ObjectReference, now: number): boolean {
    const k = [ref.kind, ref.namespace, ref.name, ref.uid].join('\u0000');
    let b = this.spam.get(k);
    if (!b) this.spam.add(k, (b = { tokens: SPAM_BURST, at: now }));
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function kindApiVersion(kind: string): string {
  for (const [group, version] of [['', 'v1'], ['apps', 'v1'], ['batch', 'v1'], ['networking.k8s.io', 'v1'], ['storage.k8s.io', 'v1'],
    ['discovery.k8s.io', 'v1'], ['autoscaling', 'v2'], ['coordination.k8s.io', 'v1'], ['policy', 'v1']]) {
    const r = resourceForKind(group, version, kind);
    if (r) return apiVersionOf(r);
  }
  return 'v1';
}



// Which events the timeline shows: by namespace, by the involved object's kind, and by a text that
// must appear in the object's name (or "kind/name"). Newest first; ties by name for a stable order.
import { eventTime, type EventLike } from './explain-event';

/** The timeline's filter. */
export interface EventFilter {
  /** '' for every namespace. */
  namespace: string;
  /** '' for every kind. */
  kind: string;
  /** Text in the involved object's "kind/name" (case-insensitive); '' for all. */
  object: string;
  warningsOnly: boolean;
}

/** No filtering. */
export const NO_FILTER: EventFilter = { namespace: '', kind: '', object: '', warningsOnly: false };

/** Whether an event passes the filter. */
export function matches(e: EventLike, f: EventFilter): boolean {
  const o = e.involvedObject ?? {};
  if (f.namespace && (o.namespace ?? e.metadata?.namespace ?? '') !== f.namespace) return false;
  if (f.kind && o.kind !== f.kind) return false;
  if (f.warningsOnly && e.type !== 'Warning') return false;
  if (f.object) {
    const q = f.object.toLowerCase();
    if (!`${o.kind ?? ''}/${o.name ?? ''}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** Parsed times by event object (mirrored objects are immutable: a changed event is a new object). */
const times = new WeakMap<EventLike, number>();

function timeOf(e: EventLike): number {
  let t = times.get(e);
  if (t === undefined) times.set(e, (t = eventTime(e)));
  return t;
}

/** The events to show, newest first, at most `limit`. */
export function filterEvents(events: Iterable<EventLike>, f: EventFilter, limit: number): EventLike[] {
  // Times parsed once per event, not per comparison (thousands of events re-sort on every batch).
  const out: { e: EventLike; t: number; n: string }[] = [];
  for (const e of events) if (matches(e, f)) out.push({ e, t: timeOf(e), n: e.metadata?.name ?? '' });
  out.sort((a, b) => b.t - a.t || (b.n < a.n ? -1 : b.n > a.n ? 1 : 0));
  return out.slice(0, limit).map((x) => x.e);
}

/** The namespaces and kinds the events mention, sorted (the filter's choices). */
export function facets(events: Iterable<EventLike>): { namespaces: string[]; kinds: string[] } {
  const ns = new Set<string>();
  const kinds = new Set<string>();
  for (const e of events) {
    const n = e.involvedObject?.namespace ?? e.metadata?.namespace;
    if (n) ns.add(n);
    if (e.involvedObject?.kind) kinds.add(e.involvedObject.kind);
  }
  return { namespaces: [...ns].sort(), kinds: [...kinds].sort() };
}

// The event timeline: the cluster's events on the simulated time axis and as a list, newest first,
// each saying which component acted and why; filters by namespace, kind and object; a click selects
// the object the event is about.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCluster, useObjects, useSimNow, ui } from '../../store';
import { MIRRORED_RESOURCES } from '../../../worker';
import { clockText } from '../time';
import { explainEvent, eventTime, type EventContext, type EventLike } from './explain-event';
import { facets, filterEvents, NO_FILTER, type EventFilter } from './filter';
import { TimeAxis } from './TimeAxis';
import './timeline.css';

const MAX_ROWS = 150;

/** How often the list follows a busy event stream (ms): a rollout of a thousand pods brings events every frame. */
const LIST_EVERY_MS = 250;

/**
 * `value`, changing at most every `ms` (the latest one wins; a quiet stream shows at once). The
 * list, its sort and the axis then cost a few updates a second instead of one per frame, which the
 * diagram (60 fps) needs more.
 */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const show = () => {
      last.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return undefined;
    }
    const t = setTimeout(show, wait);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}

/** What the explanations read from the mirror: a workload's spec.replicas. */
const CONTEXT: EventContext = {
  replicas: (ns, kind, name) => {
    const r = MIRRORED_RESOURCES.find((m) => m.kind === kind);
    const o = r ? useCluster.getState().objects[r.resource]?.get(`${ns}/${name}`) as { spec?: { replicas?: number } } | undefined : undefined;
    return o?.spec?.replicas;
  },
};

function selectInvolved(e: EventLike): void {
  const r = MIRRORED_RESOURCES.find((m) => m.kind === e.involvedObject?.kind);
  if (!r || !e.involvedObject?.name) return;
  ui.select({ resource: r.resource, key: r.namespaced ? `${e.involvedObject.namespace}/${e.involvedObject.name}` : e.involvedObject.name });
}

/** The timeline pane. */
export function Timeline() {
  const events = useThrottled(useObjects('events'), LIST_EVERY_MS);
  const bootedAt = useCluster((s) => s.bootedAt);
  const now = useSimNow(1000);
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const [focus, setFocus] = useState<string | undefined>();
  const body = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = body.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  const all = useMemo(() => [...events.values()] as EventLike[], [events]);
  const rows = useMemo(() => filterEvents(all, filter, MAX_ROWS), [all, filter]);
  const choices = useMemo(() => facets(all), [all]);
  // Explained once per list change, not on every clock tick; the owner's replicas are read as they are now.
  const explained = useMemo(() => rows.map((e) => ({ e, x: explainEvent(e, CONTEXT) })), [rows]);
  // Rows built once per list change: a clock tick re-renders the pane, not its 150 rows.
  const list = useMemo(() => explained.map(({ e, x }) => {
    const key = e.metadata?.uid ?? e.metadata?.name;
    return (
      <button key={key} role="listitem" className={`event-row ${e.type === 'Warning' ? 'is-warning' : ''}`} onClick={() => selectInvolved(e)}
        onMouseEnter={() => setFocus(e.metadata?.uid)} onMouseLeave={() => setFocus(undefined)}
        title={`${e.reason}: ${e.message ?? ''}${(e.count ?? 1) > 1 ? ` (×${e.count})` : ''}`}>
        <span className="event-time">{clockText(eventTime(e))}</span>
        <span className="event-object">{e.involvedObject?.kind?.toLowerCase()}/{e.involvedObject?.name}</span>
        <span className="event-text"><strong className="event-actor">{x.actor}:</strong> {x.text}</span>
        <span className="event-reason">{e.reason}{(e.count ?? 1) > 1 ? ` ×${e.count}` : ''}</span>
      </button>
    );
  }), [explained]);
  const from = Math.min(bootedAt ?? now, ...rows.slice(-1).map(eventTime).filter((t) => t > 0));
  const set = (patch: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const pick = useCallback((e: EventLike) => selectInvolved(e), []);
  return (
    <section className="pane timeline-pane" aria-label="Events">
      <div className="pane-header timeline-header">
        <h2>Events</h2>
        <span className="pane-subtitle">{rows.length === all.length ? all.length : `${rows.length} of ${all.length}`}</span>
        <div className="pane-actions timeline-filters">
          <select aria-label="Namespace" value={filter.namespace} onChange={(e) => set({ namespace: e.target.value })}>
            <option value="">All namespaces</option>
            {choices.namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          <select aria-label="Kind" value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">All kinds</option>
            {choices.kinds.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <input type="search" aria-label="Object" placeholder="Object…" value={filter.object} onChange={(e) => set({ object: e.target.value })} />
          <label className="check"><input type="checkbox" checked={filter.warningsOnly} onChange={(e) => set({ warningsOnly: e.target.checked })} />
            <span>Warnings</span></label>
        </div>
      </div>
      <div className="pane-body timeline-body" ref={body}>
        <TimeAxis events={rows} from={from} to={now} width={width} onPick={pick} focus={focus} />
        <div className="event-list" role="list">
          {rows.length === 0 && <p className="empty-state">{all.length ? 'No event matches the filter.' : 'No events yet.'}</p>}
          {list}
        </div>
      </div>
    </section>
  );
}

// Placeholder for the event timeline: the cluster's events, newest first, as `kubectl get events`
// reports them. A click selects the object the event is about.
import { useMemo } from 'react';
import { useObjects, ui } from '../../store';
import { MIRRORED_RESOURCES, type KubeObject } from '../../../worker';
import { clockText } from '../time';

interface EventLike extends KubeObject {
  type?: string; reason?: string; message?: string; count?: number;
  lastTimestamp?: string; eventTime?: string; firstTimestamp?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  source?: { component?: string };
  reportingComponent?: string;
}

const MAX_ROWS = 200;

function when(e: EventLike): number {
  return Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '') || 0;
}

/** The placeholder timeline. */
export function EventList() {
  const events = useObjects('events');
  const rows = useMemo(() => [...events.values()].map((e) => e as EventLike)
    .sort((a, b) => when(b) - when(a) || (b.metadata?.name ?? '').localeCompare(a.metadata?.name ?? '')).slice(0, MAX_ROWS), [events]);
  const select = (e: EventLike) => {
    const r = MIRRORED_RESOURCES.find((m) => m.kind === e.involvedObject?.kind);
    if (!r || !e.involvedObject?.name) return;
    ui.select({ resource: r.resource, key: r.namespaced ? `${e.involvedObject.namespace}/${e.involvedObject.name}` : e.involvedObject.name });
  };
  return (
    <section className="pane timeline-pane" aria-label="Events">
      <div className="pane-header">
        <h2>Events</h2>
        <span className="pane-subtitle">{events.size}</span>
      </div>
      <div className="pane-body event-list" role="list">
        {rows.length === 0 && <p className="empty-state">No events yet.</p>}
        {rows.map((e) => (
          <button key={e.metadata?.uid ?? e.metadata?.name} role="listitem" className={`event-row ${e.type === 'Warning' ? 'is-warning' : ''}`} onClick={() => select(e)}
            title={`${e.source?.component ?? e.reportingComponent ?? ''}: ${e.message ?? ''}`}>
            <span className="event-time">{clockText(when(e))}</span>
            <span className="event-reason">{e.reason}</span>
            <span className="event-object">{e.involvedObject?.kind?.toLowerCase()}/{e.involvedObject?.name}</span>
            <span className="event-message">{e.message}{(e.count ?? 1) > 1 ? ` (×${e.count})` : ''}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

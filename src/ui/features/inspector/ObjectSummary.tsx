// Placeholder for the inspector: the selected object's essentials from the mirror (kind, name,
// labels, status, containers, conditions) and its events. YAML, describe and logs come with the
// inspector proper (issue 8).
import { useMemo } from 'react';
import { useCluster, useObjects, useUi, ui, useSimNow } from '../../store';
import { ageOf, podStatus } from '../../lib';
import { MIRRORED_RESOURCES, type KubeObject } from '../../../worker';

type Any = Record<string, any>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

function PodDetails({ pod }: { pod: Any }) {
  const st = podStatus(pod as KubeObject);
  return (
    <>
      <Field label="Status"><span className={`status-text tone-${st.tone}`}>{st.status}</span> · {st.ready} ready · {st.restarts} restarts</Field>
      <Field label="Node">{pod.spec?.nodeName ?? <span className="muted">not scheduled</span>}</Field>
      <Field label="Pod IP">{pod.status?.podIP ?? <span className="muted">none</span>}</Field>
      <Field label="Containers">
        <ul className="plain-list">
          {(pod.spec?.containers ?? []).map((c: Any) => <li key={c.name}><strong>{c.name}</strong> <span className="muted">{c.image}</span></li>)}
        </ul>
      </Field>
    </>
  );
}

function Conditions({ obj }: { obj: Any }) {
  const conds: Any[] = obj.status?.conditions ?? [];
  if (!conds.length) return null;
  return (
    <Field label="Conditions">
      <div className="conditions">
        {conds.map((c) => (
          <span key={c.type} className={`condition-chip ${c.status === 'True' ? 'is-true' : ''}`}
            title={`${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`}>{c.type}</span>
        ))}
      </div>
    </Field>
  );
}

/** The placeholder inspector. */
export function ObjectSummary() {
  const selection = useUi((s) => s.selection);
  const objects = useObjects(selection?.resource ?? '');
  const events = useObjects('events');
  const now = useSimNow(5000);
  const booted = useCluster((s) => s.booted);
  const obj = selection ? (objects.get(selection.key) as Any | undefined) : undefined;
  const kind = MIRRORED_RESOURCES.find((r) => r.resource === selection?.resource)?.kind;
  const related = useMemo(() => (obj ? [...events.values()].filter((e: Any) => e.involvedObject?.uid === obj.metadata?.uid
    || (e.involvedObject?.kind === kind && e.involvedObject?.name === obj.metadata?.name && (e.involvedObject?.namespace ?? '') === (obj.metadata?.namespace ?? '')))
    .sort((a: Any, b: Any) => Date.parse(b.lastTimestamp ?? '') - Date.parse(a.lastTimestamp ?? '')).slice(0, 20) : []), [events, obj, kind]);
  return (
    <section className="pane inspector-pane" aria-label="Inspector">
      <div className="pane-header">
        <h2>Inspector</h2>
        {obj && <button className="link-button" onClick={() => ui.select(undefined)}>Clear</button>}
      </div>
      <div className="pane-body">
        {!obj ? (
          <div className="empty-state">
            <p>{selection ? 'This object no longer exists.' : 'Select a node, a pod or an event to inspect it.'}</p>
            {!selection && booted && <p className="muted">Objects you create from the terminal appear in the cluster view.</p>}
          </div>
        ) : (
          <>
            <div className="inspector-title">
              <span className="kind-badge">{kind}</span>
              <h3>{obj.metadata?.name}</h3>
            </div>
            <dl className="fields">
              {obj.metadata?.namespace && <Field label="Namespace">{obj.metadata.namespace}</Field>}
              <Field label="Age">{ageOf(obj.metadata?.creationTimestamp, now)}</Field>
              {selection?.resource === 'pods' && <PodDetails pod={obj} />}
              <Conditions obj={obj} />
              <Field label="Labels">
                {Object.keys(obj.metadata?.labels ?? {}).length
                  ? <div className="labels">{Object.entries(obj.metadata.labels as Record<string, string>).map(([k, v]) => <span key={k} className="label-chip">{k}={v}</span>)}</div>
                  : <span className="muted">none</span>}
              </Field>
            </dl>
            <h4 className="section-title">Events</h4>
            {related.length === 0 ? <p className="muted">No events.</p> : (
              <ul className="plain-list event-mini">
                {related.map((e: Any) => <li key={e.metadata?.uid}><span className={e.type === 'Warning' ? 'tone-text-warn' : ''}>{e.reason}</span> <span className="muted">{e.message}</span></li>)}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

// The selected object's essentials from the mirror: namespace, age, status, containers,
// conditions, labels, and its latest events.
import { useMemo } from 'react';
import { useObjects, useSimNow } from '../../store';
import { ageOf, podStatus } from '../../lib';
import type { KubeObject } from '../../../worker';

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

function Replicas({ obj }: { obj: Any }) {
  if (obj.spec?.replicas === undefined) return null;
  const s = obj.status ?? {};
  return <Field label="Replicas">{s.readyReplicas ?? 0} ready of {obj.spec.replicas} desired{s.updatedReplicas !== undefined ? ` · ${s.updatedReplicas} up to date` : ''}</Field>;
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

/** The events about an object, newest first. */
export function useObjectEvents(obj: Any | undefined, kind: string | undefined): Any[] {
  const events = useObjects('events');
  return useMemo(() => (obj ? [...events.values()].filter((e: Any) => e.involvedObject?.uid === obj.metadata?.uid
    || (e.involvedObject?.kind === kind && e.involvedObject?.name === obj.metadata?.name && (e.involvedObject?.namespace ?? '') === (obj.metadata?.namespace ?? '')))
    .sort((a: Any, b: Any) => Date.parse(b.lastTimestamp ?? b.eventTime ?? '') - Date.parse(a.lastTimestamp ?? a.eventTime ?? '')) : []), [events, obj, kind]);
}

/** The overview tab. */
export function Overview({ obj, resource, kind }: { obj: Any; resource: string; kind: string | undefined }) {
  const now = useSimNow(5000);
  const related = useObjectEvents(obj, kind).slice(0, 8);
  return (
    <>
      <dl className="fields">
        {obj.metadata?.namespace && <Field label="Namespace">{obj.metadata.namespace}</Field>}
        <Field label="Age">{ageOf(obj.metadata?.creationTimestamp, now)}</Field>
        {resource === 'pods' && <PodDetails pod={obj} />}
        <Replicas obj={obj} />
        <Conditions obj={obj} />
        <Field label="Labels">
          {Object.keys(obj.metadata?.labels ?? {}).length
            ? <div className="labels">{Object.entries(obj.metadata.labels as Record<string, string>).map(([k, v]) => <span key={k} className="label-chip">{k}={v}</span>)}</div>
            : <span className="muted">none</span>}
        </Field>
      </dl>
      <h4 className="section-title">Recent events</h4>
      {related.length === 0 ? <p className="muted">No events.</p> : (
        <ul className="plain-list event-mini">
          {related.map((e: Any) => <li key={e.metadata?.uid}><span className={e.type === 'Warning' ? 'tone-text-warn' : ''}>{e.reason}</span> <span className="muted">{e.message}</span></li>)}
        </ul>
      )}
    </>
  );
}

// The inspector: the selected object (the diagram and the timeline select) as an overview, as YAML
// (`kubectl get -o yaml`, read-only; "Edit" opens it in the editor), as `kubectl describe` prints
// it, its events (`kubectl events --for`), and for pods the following log and an "Exec" button.
import { useEffect, useState } from 'react';
import { useCluster, useObjects, useUi, ui } from '../../store';
import { MIRRORED_RESOURCES } from '../../../worker';
import { EditorIcon } from '../editor';
import { Overview, useObjectEvents } from './Overview';
import { LogView } from './LogView';
import { useCommandOutput } from './use-command';
import { editObject, execInto, kubectlTarget } from './actions';
import './inspector.css';

type Any = Record<string, any>;
type Tab = 'overview' | 'yaml' | 'describe' | 'events' | 'logs';

const TAB_LABELS: Record<Tab, string> = { overview: 'Overview', yaml: 'YAML', describe: 'Describe', events: 'Events', logs: 'Logs' };

/** A command's output as the terminal would show it. */
function CommandText({ line, rev, label }: { line: string; rev: string | undefined; label: string }) {
  const out = useCommandOutput(line, rev);
  return (
    <div className="command-view">
      <code className="command-line muted">$ {line}{out.running ? ' …' : ''}</code>
      <pre className={`command-text ${out.code ? 'tone-text-error' : ''}`} aria-label={label}>
        {out.code === undefined && !out.text ? <span className="muted">Loading…</span> : out.text}
      </pre>
    </div>
  );
}

/** The inspector's content (the side pane draws the header). */
export function InspectorBody() {
  const selection = useUi((s) => s.selection);
  const objects = useObjects(selection?.resource ?? '');
  const booted = useCluster((s) => s.booted);
  const obj = selection ? (objects.get(selection.key) as Any | undefined) : undefined;
  const resource = selection?.resource ?? '';
  const kind = MIRRORED_RESOURCES.find((r) => r.resource === resource)?.kind;
  const isPod = resource === 'pods';
  const [tab, setTab] = useState<Tab>('overview');
  const [error, setError] = useState<string | undefined>();
  const events = useObjectEvents(obj, kind);
  const tabs: Tab[] = isPod ? ['overview', 'logs', 'describe', 'yaml', 'events'] : ['overview', 'describe', 'yaml', 'events'];
  useEffect(() => {
    if (!tabs.includes(tab)) setTab('overview');
    setError(undefined);
  }, [selection?.resource, selection?.key]);
  const rev = obj?.metadata?.resourceVersion as string | undefined;
  const target = obj ? kubectlTarget(resource, obj) : '';
  const running = isPod && (obj?.status?.containerStatuses ?? []).some((c: Any) => c.state?.running);
  return (
    <>
      {!obj ? (
        <div className="pane-body">
          <div className="empty-state">
            <p>{selection ? 'This object no longer exists.' : 'Select a node, a pod or an event to inspect it.'}</p>
            {!selection && booted && <p className="muted">Objects you create from the terminal appear in the cluster view.</p>}
          </div>
        </div>
      ) : (
        <>
          <div className="inspector-head">
            <div className="inspector-title">
              <span className="kind-badge">{kind}</span>
              <h3 title={obj.metadata?.name}>{obj.metadata?.name}</h3>
            </div>
            <div className="inspector-actions">
              <button className="button button-small" onClick={() => { setError(undefined); editObject(resource, kind ?? resource, obj).catch((e: Error) => setError(e.message)); }}
                title="Open this object in the editor as a manifest you can change and apply">
                <EditorIcon.Pencil /><span>Edit</span>
              </button>
              {isPod && (
                <button className="button button-small" disabled={!running} onClick={() => execInto(obj)}
                  title={running ? `A shell in ${obj.metadata?.name} (kubectl exec -it … -- sh) in a new terminal tab` : 'The pod has no running container'}>
                  <EditorIcon.Shell /><span>Exec</span>
                </button>
              )}
            </div>
            {error && <div className="field-error" role="alert">{error}</div>}
          </div>
          <div role="tablist" aria-label="Views of the object" className="inspector-tabs">
            {tabs.map((t) => (
              <button key={t} role="tab" aria-selected={t === tab} className={`inspector-tab ${t === tab ? 'is-active' : ''}`} onClick={() => setTab(t)}>
                {TAB_LABELS[t]}{t === 'events' && events.length ? <span className="tab-count">{events.length}</span> : null}
              </button>
            ))}
          </div>
          <div className={`pane-body inspector-body tab-${tab}`} role="tabpanel" aria-label={TAB_LABELS[tab]}>
            {tab === 'overview' && <Overview obj={obj} resource={resource} kind={kind} />}
            {tab === 'yaml' && <CommandText line={`kubectl get ${target} -o yaml`} rev={rev} label="YAML" />}
            {tab === 'describe' && <CommandText line={`kubectl describe ${target}`} rev={`${rev}/${events.length}`} label="Describe" />}
            {tab === 'events' && (
              <CommandText line={`kubectl events --for ${kind?.toLowerCase()}/${obj.metadata?.name}${obj.metadata?.namespace ? ` -n ${obj.metadata.namespace}` : ''}`}
                rev={`${events.length}/${events[0]?.metadata?.resourceVersion ?? ''}`} label="Events" />
            )}
            {tab === 'logs' && isPod && <LogView pod={obj} />}
          </div>
        </>
      )}
    </>
  );
}

/** The inspector as a pane of its own. */
export function InspectorPane() {
  const selected = useUi((s) => s.selection !== undefined);
  return (
    <section className="pane inspector-pane" aria-label="Inspector">
      <div className="pane-header">
        <h2>Inspector</h2>
        {selected && <button className="link-button" onClick={() => ui.select(undefined)}>Clear</button>}
      </div>
      <InspectorBody />
    </section>
  );
}

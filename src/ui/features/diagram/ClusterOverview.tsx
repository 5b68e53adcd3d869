// Placeholder for the cluster diagram (d3, issue 8): nodes as cards holding their pods, pods not yet
// scheduled in their own lane. Reads the mirror only; a click selects the object.
import { useMemo, useState } from 'react';
import { useObjects, useUi, ui, objectKey, useSimNow } from '../../store';
import { podStatus, ageOf } from '../../lib';
import type { KubeObject } from '../../../worker';

interface NodeLike extends KubeObject {
  status?: { conditions?: { type: string; status: string }[]; capacity?: Record<string, string>; addresses?: { type: string; address: string }[] };
  spec?: { unschedulable?: boolean };
}

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

function PodChip({ pod }: { pod: KubeObject }) {
  const selected = useUi((s) => s.selection?.resource === 'pods' && s.selection.key === objectKey(pod));
  const st = podStatus(pod);
  return (
    <button className={`pod-chip tone-${st.tone} ${selected ? 'is-selected' : ''}`} title={`${pod.metadata?.namespace}/${pod.metadata?.name}: ${st.status}`}
      onClick={() => ui.select({ resource: 'pods', key: objectKey(pod) })}>
      <span className="dot" aria-hidden="true" />
      <span className="pod-name">{pod.metadata?.name}</span>
      <span className="pod-status">{st.status}</span>
    </button>
  );
}

function NodeCard({ node, pods, now }: { node: NodeLike; pods: KubeObject[]; now: number }) {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const roles = Object.keys(node.metadata?.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.split('/')[1]);
  const selected = useUi((s) => s.selection?.resource === 'nodes' && s.selection.key === objectKey(node));
  return (
    <article className={`node-card ${selected ? 'is-selected' : ''} ${ready ? '' : 'is-down'}`} aria-label={`Node ${node.metadata?.name}`}>
      <button className="node-head" onClick={() => ui.select({ resource: 'nodes', key: objectKey(node) })}>
        <span className={`dot ${ready ? 'tone-ok' : 'tone-error'}`} aria-hidden="true" />
        <span className="node-name">{node.metadata?.name}</span>
        {roles.map((r) => <span key={r} className="badge">{r}</span>)}
        {node.spec?.unschedulable && <span className="badge badge-warn">cordoned</span>}
        <span className="node-meta">{ready ? 'Ready' : 'NotReady'} · {node.status?.capacity?.cpu ?? '?'} CPU · {ageOf(node.metadata?.creationTimestamp, now)}</span>
      </button>
      <div className="pod-grid">
        {pods.length === 0 ? <p className="empty-note">No pods</p> : pods.map((p) => <PodChip key={objectKey(p)} pod={p} />)}
      </div>
    </article>
  );
}

/** The placeholder diagram: nodes and their pods. */
export function ClusterOverview() {
  const nodes = useObjects('nodes');
  const pods = useObjects('pods');
  const [system, setSystem] = useState(false);
  const now = useSimNow(5000);
  const { byNode, pending, hidden } = useMemo(() => {
    const byNode = new Map<string, KubeObject[]>();
    const pending: KubeObject[] = [];
    let hidden = 0;
    const sorted = [...pods.values()].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));
    for (const p of sorted) {
      if (!system && SYSTEM.has(p.metadata?.namespace ?? '')) { hidden++; continue; }
      const node = (p as { spec?: { nodeName?: string } }).spec?.nodeName;
      if (!node) pending.push(p);
      else byNode.set(node, [...(byNode.get(node) ?? []), p]);
    }
    return { byNode, pending, hidden };
  }, [pods, system]);
  const nodeList = [...nodes.values()].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));
  return (
    <section className="pane diagram-pane" aria-label="Cluster">
      <div className="pane-header">
        <h2>Cluster</h2>
        <span className="pane-subtitle">{nodes.size} {nodes.size === 1 ? 'node' : 'nodes'} · {pods.size} pods</span>
        <div className="pane-actions">
          <label className="check">
            <input type="checkbox" checked={system} onChange={(e) => setSystem(e.target.checked)} />
            <span>System pods{!system && hidden ? ` (${hidden})` : ''}</span>
          </label>
        </div>
      </div>
      <div className="pane-body diagram-body">
        {pending.length > 0 && (
          <article className="node-card pending-lane" aria-label="Pods not scheduled">
            <div className="node-head static"><span className="dot tone-progress" aria-hidden="true" /><span className="node-name">Not scheduled</span>
              <span className="node-meta">waiting for a node</span></div>
            <div className="pod-grid">{pending.map((p) => <PodChip key={objectKey(p)} pod={p} />)}</div>
          </article>
        )}
        {nodeList.map((n) => <NodeCard key={objectKey(n)} node={n as NodeLike} pods={byNode.get(n.metadata?.name ?? '') ?? []} now={now} />)}
        {nodeList.length === 0 && <p className="empty-state">Starting the cluster…</p>}
      </div>
    </section>
  );
}

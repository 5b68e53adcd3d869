// The card over the diagram for the selected node (instructor actions) or pod ("why here?").
import { getConnection, ui, useCluster, useUi } from '../../store';
import { SchedulingPanel } from '../scheduling';
import { podStatus } from '../../lib';
import { nodeCommand, runInTerminal } from './terminal-commands';
import type { NodeItem } from './model';

function NodeActions({ node }: { node: NodeItem }) {
  const conn = getConnection();
  const run = (action: 'cordon' | 'uncordon' | 'drain') => runInTerminal(nodeCommand(action, node.name));
  return (
    <>
      <p className="detail-text">
        {node.stopped ? 'The kubelet is stopped: the node sends no heartbeats. ' : ''}
        {node.ready === 'True' ? 'Ready' : node.ready === 'Unknown' ? 'NotReady: the node stopped reporting' : 'NotReady'}
        {node.cordoned ? ' · cordoned (new pods are not scheduled here)' : ''}
      </p>
      <div className="detail-actions" role="group" aria-label={`Actions on node ${node.name}`}>
        {node.stopped
          ? <button className="button button-primary" onClick={() => conn.nodePower(node.name, 'start')}>Start node</button>
          : <button className="button button-danger" onClick={() => conn.nodePower(node.name, 'stop')}
            title="The node's kubelet dies: after the grace period the node turns NotReady and its pods are evicted">Stop node</button>}
        {node.cordoned
          ? <button className="button" onClick={() => run('uncordon')}>Uncordon</button>
          : <button className="button" onClick={() => run('cordon')}>Cordon</button>}
        <button className="button" onClick={() => run('drain')} title={nodeCommand('drain', node.name)}>Drain</button>
      </div>
    </>
  );
}

/** The detail card of the diagram's selection (nothing for other kinds). */
export function DetailCard({ nodes }: { nodes: readonly NodeItem[] }) {
  const selection = useUi((s) => s.selection);
  const pod = useCluster((s) => (selection?.resource === 'pods' ? s.objects.pods?.get(selection.key) : undefined));
  if (!selection) return null;
  const node = selection.resource === 'nodes' ? nodes.find((n) => n.name === selection.key) : undefined;
  if (!node && !pod) return null;
  const title = node ? `Node ${node.name}` : `Pod ${pod!.metadata?.name}`;
  const sub = pod ? `${podStatus(pod).status}${(pod as { spec?: { nodeName?: string } }).spec?.nodeName ? ` on ${(pod as { spec?: { nodeName?: string } }).spec!.nodeName}` : ''}` : '';
  return (
    <aside className="detail-card" aria-label={title}>
      <header className="detail-head">
        <h3 title={title}>{title}</h3>
        {sub && <span className="muted detail-sub">{sub}</span>}
        <button className="icon-button" aria-label="Close" onClick={() => ui.select(undefined)}>×</button>
      </header>
      {node ? <NodeActions node={node} /> : <><h4 className="detail-section">Why is this pod here?</h4><SchedulingPanel pod={selection.key} /></>}
    </aside>
  );
}

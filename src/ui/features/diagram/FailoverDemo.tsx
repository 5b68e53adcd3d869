// The one-click failover demo: reboots into the preset cluster and applies the manifest in the
// terminal once the new cluster's shell is up.
import { useState } from 'react';
import { getConnection, useCluster } from '../../store';
import { FAILOVER_FILE, FAILOVER_MANIFEST, FAILOVER_NODES, FAILOVER_SPEED, FAILOVER_TIMINGS, failoverBanner } from './failover-demo';
import { runInTerminal } from './terminal-commands';
import { SYSTEM_NAMESPACES } from './model';

/** Starts the failover demo. */
export function startFailoverDemo(): void {
  const conn = getConnection();
  conn.reboot({ nodes: FAILOVER_NODES, speed: FAILOVER_SPEED, timings: FAILOVER_TIMINGS,
    files: [{ path: FAILOVER_FILE, content: FAILOVER_MANIFEST }], notice: failoverBanner() });
  // The terminal reopens its shell when the new cluster reports booted; typeahead waits for its prompt.
  const unsubscribe = useCluster.subscribe((s, prev) => {
    if (!s.booted || prev.booted) return;
    unsubscribe();
    setTimeout(() => runInTerminal('kubectl apply -f failover-demo.yaml'), 0);
  });
}

/** The pane's button: one click on an empty cluster; it asks first when the learner's pods would be lost. */
export function FailoverDemoButton() {
  const [armed, setArmed] = useState(false);
  const booted = useCluster((s) => s.booted);
  const hasWork = useCluster((s) => [...(s.objects.pods?.values() ?? [])].some((p) => !SYSTEM_NAMESPACES.has(p.metadata?.namespace ?? '')));
  if (armed) {
    return (
      <span className="demo-confirm" role="group" aria-label="Start the failover demo">
        <span className="muted">Replace the cluster?</span>
        <button className="button button-primary" onClick={() => { setArmed(false); startFailoverDemo(); }}>Start demo</button>
        <button className="button" onClick={() => setArmed(false)}>Cancel</button>
      </span>
    );
  }
  return (
    <button className="chip-toggle" disabled={!booted} onClick={() => (hasWork ? setArmed(true) : startFailoverDemo())}
      title="A fresh 3-node cluster, a Deployment of 6 behind a Service, node failure detected in 10 s and pods evicted 30 s later">
      Failover demo
    </button>
  );
}

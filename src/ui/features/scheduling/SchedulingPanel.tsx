// The scheduler's verdicts for the selected pod, asked of the worker whenever the pod changes.
import { useEffect, useState } from 'react';
import { getConnection, useCluster } from '../../store';
import type { SchedulingAttempt } from '../../../worker';
import { clockText } from '../time';
import { headline, summary, verdictRows } from './explain-format';
import './scheduling.css';

/** "Why is this pod here / not scheduled?" for a pod ("namespace/name"). */
export function SchedulingPanel({ pod }: { pod: string }) {
  const version = useCluster((s) => s.objects.pods?.get(pod)?.metadata?.resourceVersion);
  const [state, setState] = useState<{ pod: string; attempt: SchedulingAttempt | undefined } | undefined>();
  useEffect(() => {
    let live = true;
    getConnection().explain(pod).then((attempt) => { if (live) setState({ pod, attempt }); }, () => undefined);
    return () => { live = false; };
  }, [pod, version]);
  if (!state || state.pod !== pod) return <p className="sched-note">Asking the scheduler…</p>;
  const a = state.attempt;
  if (!a) {
    return (
      <p className="sched-note">The scheduler has no record of this pod: static pods and pods created with <code>spec.nodeName</code> never
        pass through it, and its memory of old attempts is bounded.</p>
    );
  }
  const rows = verdictRows(a);
  return (
    <div className="sched-panel" aria-label="Scheduling decision">
      <p className={`sched-headline ${a.result === 'Scheduled' ? 'is-ok' : 'is-bad'}`}>
        {headline(a)} <span className="muted">· attempt {a.attempt} at {clockText(a.time)}</span>
      </p>
      {a.message && <p className="sched-message">{a.message}</p>}
      <p className="sched-summary">{summary(a)}</p>
      {a.preFilter && <p className="sched-message">{a.preFilter.plugin}: {a.preFilter.reasons.join('; ')}</p>}
      {rows.length > 0 ? (
        <table className="sched-table">
          <thead><tr><th>Node</th><th>Filters</th><th className="num">Score</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.node} className={r.selected ? 'is-chosen' : r.passed ? '' : 'is-rejected'}>
                <td className="sched-node">{r.node}</td>
                <td>
                  <span className={r.passed ? 'tone-text-ok' : 'tone-text-error'}>{r.passed ? '✓ ' : '✗ '}</span>{r.verdict}
                  {r.scores.length > 0 && (
                    <details className="sched-scores"><summary>score plugins</summary><ul>{r.scores.map((s) => <li key={s}>{s}</li>)}</ul></details>
                  )}
                </td>
                <td className="num">{r.total ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="sched-note">Per-node detail is no longer kept for this attempt (the scheduler keeps it for the latest pods only).</p>}
    </div>
  );
}

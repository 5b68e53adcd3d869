// A pod's log, following: `kubectl logs -f` run by a terminal-less stream, so the text (and an
// error such as "container is waiting to start") is kubectl's own. A container that starts or
// restarts is followed again; several containers get a picker.
import { useEffect, useRef, useState } from 'react';
import { getConnection } from '../../store';

type Any = Record<string, any>;

/** Lines kept on screen (the oldest go first). */
const MAX_CHARS = 512 * 1024;

/** The command the log pane runs. */
export function logsCommand(pod: string, namespace: string, container: string, containers: number): string {
  return `kubectl logs -f ${pod}${namespace !== 'default' ? ` -n ${namespace}` : ''}${containers > 1 ? ` -c ${container}` : ''}`;
}

/** The log pane of a pod. */
export function LogView({ pod }: { pod: Any }) {
  const containers: string[] = (pod.spec?.containers ?? []).map((c: Any) => c.name);
  const [container, setContainer] = useState(containers[0]);
  const [text, setText] = useState('');
  const [state, setState] = useState<'following' | 'ended' | 'error'>('following');
  const pre = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name;
  const status = (pod.status?.containerStatuses ?? []).find((c: Any) => c.name === container);
  // A new container instance (a restart, or it just started) is a new log to follow.
  const instance = `${status?.containerID ?? ''}/${status?.state?.running ? 'running' : 'not'}`;

  useEffect(() => {
    if (!containers.includes(container)) setContainer(containers[0]);
  }, [containers.join(','), container]);

  useEffect(() => {
    let buf = '';
    setText('');
    setState('following');
    let flush: number | undefined;
    const s = getConnection().client.stream({ kind: 'command', line: logsCommand(name, ns, container, containers.length) }, (d) => {
      buf += d;
      if (buf.length > MAX_CHARS) buf = buf.slice(buf.length - MAX_CHARS / 2);
      // One render per frame however fast the log runs.
      flush ??= requestAnimationFrame(() => { flush = undefined; setText(buf); });
    });
    s.done.then((code) => setState(code === 0 ? 'ended' : code === 130 ? 'following' : 'error'), () => setState('ended'));
    return () => {
      s.cancel();
      if (flush !== undefined) cancelAnimationFrame(flush);
    };
  }, [ns, name, container, instance]);

  useEffect(() => {
    const el = pre.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [text]);

  return (
    <div className="log-view">
      <div className="log-toolbar">
        {containers.length > 1 && (
          <select className="select-small" aria-label="Container" value={container} onChange={(e) => setContainer(e.target.value)}>
            {containers.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        )}
        <code className="log-command muted">{logsCommand(name, ns, container, containers.length)}</code>
        <span className={`log-state ${state === 'following' ? 'is-live' : ''}`}>{state === 'following' ? 'following' : state === 'ended' ? 'ended' : 'error'}</span>
      </div>
      <pre ref={pre} className="log-text" aria-label={`Logs of ${name}`} aria-live="off"
        onScroll={(e) => { const el = e.currentTarget; stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24; }}>
        {text || <span className="muted">{state === 'following' ? 'No output yet.' : ''}</span>}
      </pre>
    </div>
  );
}

// The "browser": opens a URL from the learner's machine — localhost after `kubectl port-forward`, a
// NodePort (`minikube service --url`), an Ingress host — and shows the page the simulated server
// returned, rendered in a sandboxed frame (no scripts, no same-origin) or as its source.
import { useMemo } from 'react';
import { useObjects } from '../../store';
import { EditorIcon } from '../editor';
import { browserError, isHtml, reasonPhrase } from './browser-errors';
import { browser, useBrowser } from './browser-store';
import { suggestions } from './suggestions';

type Any = Record<string, any>;

function Welcome() {
  const nodes = useObjects('nodes');
  const services = useObjects('services');
  const ingresses = useObjects('ingresses');
  const list = useMemo(() => suggestions(nodes.values(), services.values(), ingresses.values()), [nodes, services, ingresses]);
  return (
    <div className="browser-welcome">
      <p>Open what your cluster serves, as a browser on your machine would:</p>
      <ul className="plain-list browser-hints">
        <li><code>localhost:8080</code> <span className="muted">after <code>kubectl port-forward pod/web 8080:80</code></span></li>
        <li><span className="muted">a NodePort, as</span> <code>minikube service web --url</code> <span className="muted">prints it</span></li>
        <li><span className="muted">an Ingress host (add it to</span> <code>/etc/hosts</code><span className="muted">)</span></li>
      </ul>
      {list.length > 0 && (
        <>
          <h4 className="section-title">In this cluster</h4>
          <ul className="plain-list">
            {list.map((s) => (
              <li key={s.url}><button className="link-button browser-suggestion" onClick={() => void browser.open(s.url)}>{s.url}</button> <span className="muted">{s.label}</span></li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** For a name nobody resolves that an Ingress routes: how the learner's machine learns it. */
function IngressHint({ host }: { host: string }) {
  const nodes = useObjects('nodes');
  const ingresses = useObjects('ingresses');
  const routed = [...ingresses.values()].some((i) => ((i as Any).spec?.rules ?? []).some((r: Any) => r.host === host));
  const ip: string | undefined = ([...nodes.values()][0] as Any | undefined)?.status?.addresses?.find((a: Any) => a.type === 'InternalIP')?.address;
  if (!routed || !ip) return null;
  return <p className="browser-hint">An Ingress routes <code>{host}</code>, but this machine cannot resolve the name. Add the line
    <code className="hint-line">{ip} {host}</code> to <code>/etc/hosts</code> (the ingress controller listens on the node's address).</p>;
}

function Page() {
  const { result, url, source } = useBrowser();
  if (!result || !url) return <Welcome />;
  if (!result.ok) {
    const e = browserError(result.error, result.host);
    return (
      <div className="browser-error" role="alert">
        <h3>{e.title}</h3>
        <p>{e.detail}</p>
        <code>{e.code}</code>
        {result.error === 'resolve' && <IngressHint host={result.host} />}
      </div>
    );
  }
  const html = isHtml(result.headers, result.body);
  return (
    <div className="browser-page">
      <div className="browser-status">
        <span className={result.status < 400 ? 'tone-text-ok' : 'tone-text-warn'}>HTTP {result.status} {reasonPhrase(result.status)}</span>
        <span className="muted">{Object.entries(result.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'no content type'}</span>
        <span className="muted">{new TextEncoder().encode(result.body).length} bytes</span>
        {html && <button className="link-button" onClick={() => browser.toggleSource()}>{source ? 'View page' : 'View source'}</button>}
      </div>
      {html && !source
        // sandbox="" forbids scripts, forms, popups and same-origin: the page can only be looked at.
        ? <iframe className="browser-frame" title={`Page at ${url}`} sandbox="" srcDoc={result.body} referrerPolicy="no-referrer" />
        : <pre className="browser-source" aria-label={`Source of ${url}`}>{result.body}</pre>}
    </div>
  );
}

/** The browser's body (the side pane draws the header). */
export function BrowserPane() {
  const { typed, loading } = useBrowser();
  return (
    <div className="browser-pane">
      <form className="address-bar" onSubmit={(e) => { e.preventDefault(); void browser.open(typed); }}>
        <button type="button" className="icon-button" aria-label="Reload" title="Reload" onClick={() => void browser.reload()}><EditorIcon.Refresh /></button>
        <input value={typed} onChange={(e) => browser.type(e.target.value)} placeholder="localhost:8080" aria-label="Address"
          spellCheck={false} autoCapitalize="off" autoCorrect="off" />
        <button type="submit" className="button button-small" disabled={loading}>{loading ? 'Opening…' : 'Go'}</button>
      </form>
      <div className="browser-body">
        <Page />
      </div>
    </div>
  );
}

// The top bar: what this is and which cluster, the time controls, and view switches.
import { useCluster, useUi, ui } from '../store';
import { Icon } from '../components';
import { TimeControls } from '../features/time';

function ClusterBadge() {
  const booted = useCluster((s) => s.booted);
  const version = useCluster((s) => s.kubernetesVersion);
  const nodes = useCluster((s) => s.nodeCount);
  const seed = useCluster((s) => s.seed);
  const conn = useCluster((s) => s.connection.state);
  const state = booted ? 'running' : conn === 'failed' ? 'failed' : 'starting';
  return (
    <div className="cluster-badge" title={seed !== undefined ? `Add ?seed=${seed} to the address to get this cluster again` : undefined}>
      <span className={`dot ${state === 'running' ? 'tone-ok' : state === 'failed' ? 'tone-error' : 'tone-progress'}`} aria-hidden="true" />
      <span className="cluster-name">minikube</span>
      <span className="muted">{booted ? `${version} · ${nodes} ${nodes === 1 ? 'node' : 'nodes'}` : state === 'failed' ? 'stopped' : 'starting…'}</span>
      {seed !== undefined && <span className="muted seed">seed {seed}</span>}
    </div>
  );
}

/** The app's header. */
export function Header() {
  const theme = useUi((s) => s.theme);
  const showEditor = useUi((s) => s.showEditor);
  const showInspector = useUi((s) => s.showInspector);
  return (
    <header className="app-header">
      <div className="brand">
        <Icon.Kube />
        <span className="brand-name">kubesim</span>
      </div>
      <ClusterBadge />
      <div className="header-center"><TimeControls /></div>
      <nav className="header-actions" aria-label="View">
        {/* Toggles: a constant name saying what they show (aria-pressed carries the state, as the APG's toggle
            button asks); the tooltip says what a click does now. */}
        <button className={`chip-toggle ${showEditor ? 'is-on' : ''}`} aria-pressed={showEditor} aria-label="Show the files pane"
          onClick={() => ui.togglePane('showEditor')} title={showEditor ? 'Hide the files pane' : 'Show the files pane'}>
          <Icon.Files /><span>Files</span>
        </button>
        <button className={`chip-toggle ${showInspector ? 'is-on' : ''}`} aria-pressed={showInspector} aria-label="Show the inspector pane"
          onClick={() => ui.togglePane('showInspector')}
          title={showInspector ? 'Hide the inspector pane (inspector and browser)' : 'Show the inspector pane (inspector and browser)'}>
          <Icon.Inspector /><span>Inspector</span>
        </button>
        <button className="icon-button" onClick={() => ui.toggleTheme()} aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}>
          {theme === 'dark' ? <Icon.Sun /> : <Icon.Moon />}
        </button>
      </nav>
    </header>
  );
}

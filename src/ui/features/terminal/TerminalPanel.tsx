// The terminal area: tabs (each its own shell over the same files and cluster), a new-tab button,
// and the screen-reader switch.
import { useUi, ui } from '../../store';
import { Icon } from '../../components';
import { TerminalView } from './TerminalView';

/** The terminal pane with its tabs. */
export function TerminalPanel() {
  const tabs = useUi((s) => s.tabs);
  const active = useUi((s) => s.activeTab);
  const screenReader = useUi((s) => s.screenReader);
  return (
    <section className="pane terminal-pane" aria-label="Terminal">
      <div className="pane-header terminal-tabs">
        <div role="tablist" aria-label="Terminal tabs" className="tablist">
          {tabs.map((t) => (
            <div key={t.id} className={`tab ${t.id === active ? 'is-active' : ''}`}>
              <button role="tab" id={`tab-${t.id}`} aria-selected={t.id === active} aria-controls={`terminal-${t.id}`}
                className="tab-label" onClick={() => ui.activateTab(t.id)}>
                <Icon.Terminal />
                <span>{t.title}</span>
              </button>
              {tabs.length > 1 && (
                <button className="icon-button tab-close" aria-label={`Close ${t.title}`} title={`Close ${t.title}`}
                  onClick={() => ui.closeTab(t.id)}><Icon.Close /></button>
              )}
            </div>
          ))}
          <button className="icon-button" aria-label="New terminal" title="New terminal" onClick={() => ui.newTab()}>
            <Icon.Plus />
          </button>
        </div>
        <div className="pane-actions">
          <button className={`chip-toggle ${screenReader ? 'is-on' : ''}`} aria-pressed={screenReader}
            title="Screen reader mode: announce terminal output" onClick={() => ui.setScreenReader(!screenReader)}>
            <Icon.Accessibility />
            <span>Screen reader</span>
          </button>
        </div>
      </div>
      <div className="terminal-body">
        {tabs.map((t, i) => <TerminalView key={t.id} tab={t.id} active={t.id === active} welcome={i === 0 && t.id === 't1'} />)}
      </div>
    </section>
  );
}

// The right-hand pane: the inspector or the browser, one at a time, switched by tabs in its header.
import { useUi, ui } from '../../store';
import { InspectorBody } from '../inspector';
import { BrowserPane } from './BrowserPane';
import { browser, useBrowser } from './browser-store';
import './browser.css';

/** The side pane. */
export function SidePane() {
  const view = useBrowser((s) => s.view);
  const selected = useUi((s) => s.selection !== undefined);
  return (
    <section className="pane side-pane" aria-label={view === 'inspector' ? 'Inspector' : 'Browser'}>
      <div className="pane-header side-tabs">
        <div role="tablist" aria-label="Side pane" className="side-tablist">
          <button role="tab" aria-selected={view === 'inspector'} className={`side-tab ${view === 'inspector' ? 'is-active' : ''}`} onClick={() => browser.show('inspector')}>Inspector</button>
          <button role="tab" aria-selected={view === 'browser'} className={`side-tab ${view === 'browser' ? 'is-active' : ''}`} onClick={() => browser.show('browser')}>Browser</button>
        </div>
        {view === 'inspector' && selected && <button className="link-button" onClick={() => ui.select(undefined)}>Clear</button>}
      </div>
      {view === 'inspector' ? <InspectorBody /> : <BrowserPane />}
    </section>
  );
}

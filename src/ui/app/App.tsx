// The app shell: header, then the workspace — files | cluster over events | inspector — above the
// terminal. Every split is resizable; the files pane and the inspector can be hidden.
import { useEffect } from 'react';
import { useUi, ui } from '../store';
import { SplitPane } from '../components';
import { EditorPane } from '../features/editor';
import { DiagramPane } from '../features/diagram';
import { SidePane } from '../features/browser';
import { TimelinePane } from '../features/timeline';
import { TerminalPanel } from '../features/terminal';
import { Header } from './Header';
import { ConnectionBanner } from './ConnectionBanner';

/** The application. */
export function App() {
  const theme = useUi((s) => s.theme);
  const sizes = useUi((s) => s.sizes);
  const showEditor = useUi((s) => s.showEditor);
  const showInspector = useUi((s) => s.showInspector);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
  }, [theme]);
  return (
    <div className="app">
      <Header />
      <ConnectionBanner />
      <main className="workspace">
        <SplitPane direction="column" fixed="end" size={sizes.terminal} min={120} minRest={180}
          onResize={(px) => ui.resize('terminal', px)} label="Resize the terminal">
          <SplitPane direction="row" fixed="start" size={sizes.editor} min={200} minRest={420} collapsed={!showEditor}
            onResize={(px) => ui.resize('editor', px)} label="Resize the files pane">
            <EditorPane />
            <SplitPane direction="row" fixed="end" size={sizes.inspector} min={220} minRest={300} collapsed={!showInspector}
              onResize={(px) => ui.resize('inspector', px)} label="Resize the inspector">
              <SplitPane direction="column" fixed="end" size={sizes.timeline} min={64} minRest={120}
                onResize={(px) => ui.resize('timeline', px)} label="Resize the events">
                <DiagramPane />
                <TimelinePane />
              </SplitPane>
              <SidePane />
            </SplitPane>
          </SplitPane>
          <TerminalPanel />
        </SplitPane>
      </main>
    </div>
  );
}

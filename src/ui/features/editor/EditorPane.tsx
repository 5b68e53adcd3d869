// The files pane: the learner's files above the open file's editor. Monaco loads with the first file
// opened (a dynamic import), so the first paint and the terminal never wait for it.
import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useUi, ui } from '../../store';
import { FileList } from './FileList';
import { relPath } from './files';
import { listenForEditSessions } from './edit-session';
import './editor.css';

const CodeEditor = lazy(() => import('./CodeEditor'));

/** Keeps the page alive when the editor's chunk cannot load (offline after an update, say). */
class EditorBoundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error) {
      return <div className="empty-state"><p>The editor could not load ({this.state.error}).</p>
        <p className="muted">Your files are safe; the terminal still works.</p></div>;
    }
    return this.props.children;
  }
}

/** The files pane. */
export function EditorPane() {
  const open = useUi((s) => s.openFile);
  useEffect(listenForEditSessions, []);
  // An open file wants room: widen the pane to a comfortable editor width (the learner may shrink it).
  useEffect(() => {
    if (!open) return;
    const want = Math.round(Math.min(560, window.innerWidth * 0.4));
    if (useUi.getState().sizes.editor < want) ui.resize('editor', want);
  }, [open]);
  return (
    <section className="pane editor-pane" aria-label="Files">
      <div className="pane-header">
        <h2>Files</h2>
        <span className="pane-subtitle">~/{open ? ` · ${relPath(open)}` : ''}</span>
        {open && <button className="link-button" onClick={() => ui.openFile(undefined)} title="Close the editor">Close</button>}
      </div>
      <div className={`editor-layout ${open ? 'has-file' : ''}`}>
        <FileList />
        {open && (
          <EditorBoundary>
            <Suspense fallback={<div className="editor-loading muted">Loading the editor…</div>}>
              <CodeEditor path={open} />
            </Suspense>
          </EditorBoundary>
        )}
      </div>
    </section>
  );
}

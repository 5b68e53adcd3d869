// The open file in Monaco (this module and Monaco load together, on demand): saved to the learner's
// files as you type, validated and completed from the Kubernetes schema, and applied with the
// terminal's own `kubectl apply -f <file>`, whose errors become markers on the offending lines.
import { useEffect, useRef, useState } from 'react';
import type * as monacoNs from 'monaco-editor';
import { getConnection, useCluster, useUi } from '../../store';
import { hooks } from '../terminal';
import { applyMarkers } from './apply-errors';
import { createEditor, markersOf, modelFor, setApplyMarkers, setSchema, setTheme } from './monaco-setup';
import { relPath, writeFile } from './files';
import { EditorIcon } from './icons';
import { finishEdit, useEditSession } from './edit-session';

/** How long typing pauses before the file is saved. */
const SAVE_DELAY_MS = 400;

/** What the last Apply printed. */
interface ApplyRun {
  command: string;
  output: string;
  code: number | undefined;
}

let schemaAsked = false;

function loadSchema(): void {
  if (schemaAsked) return;
  schemaAsked = true;
  getConnection().client.editorSchema().then(setSchema, () => { schemaAsked = false; });
}

/** Quotes a path for the shell when it needs it. */
function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The editor of one file. */
export default function CodeEditor({ path }: { path: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monacoNs.editor.IStandaloneCodeEditor | undefined>(undefined);
  const written = useRef<string | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [run, setRun] = useState<ApplyRun | undefined>();
  const [applying, setApplying] = useState(false);
  const theme = useUi((s) => s.theme);
  const content = useCluster((s) => s.files.get(path));
  const booted = useCluster((s) => s.booted);
  const editing = useEditSession((s) => s.session?.path === path);

  // The editor, once.
  useEffect(() => {
    loadSchema();
    const editor = createEditor(host.current!, useUi.getState().theme);
    editorRef.current = editor;
    return () => {
      editor.dispose();
      editorRef.current = undefined;
    };
  }, []);

  useEffect(() => setTheme(theme), [theme]);

  const save = async (): Promise<void> => {
    clearTimeout(saveTimer.current);
    // kubectl edit's file is gone once its session ends (cancelled with unsaved edits): leave it gone.
    if (path.startsWith('/tmp/kubectl-edit-') && useEditSession.getState().session?.path !== path) return;
    const model = editorRef.current?.getModel();
    if (!model) return;
    const text = model.getValue();
    if (text === written.current) return;
    written.current = text;
    setSaving(true);
    try {
      await writeFile(path, text);
    } finally {
      setSaving(false);
    }
  };

  // The file's model; typing saves after a pause and clears the last Apply's markers.
  useEffect(() => {
    const editor = editorRef.current!;
    const initial = useCluster.getState().files.get(path) ?? '';
    const model = modelFor(path, initial);
    if (model.getValue() !== initial) model.setValue(initial);
    written.current = initial;
    editor.setModel(model);
    setRun(undefined);
    const sub = model.onDidChangeContent(() => {
      setApplyMarkers(model, []);
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    });
    return () => {
      sub.dispose();
      void save();
    };
  }, [path]);

  // Someone else wrote the file (the terminal, kubectl, a restart): show their text.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || content === undefined || content === written.current || content === model.getValue()) return;
    written.current = content;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
  }, [content]);

  const apply = async () => {
    const model = editorRef.current?.getModel();
    if (!model || applying) return;
    await save();
    const command = `kubectl apply -f ${shellWord(relPath(path))}`;
    setApplying(true);
    setRun({ command, output: '', code: undefined });
    let output = '';
    try {
      const s = getConnection().client.stream({ kind: 'command', line: command }, (d) => {
        output += d;
        setRun({ command, output, code: undefined });
      });
      const code = await s.done;
      setRun({ command, output, code });
      const markers = code === 0 ? [] : applyMarkers(model.getValue(), output);
      setApplyMarkers(model, markers);
      if (markers.length) editorRef.current?.revealLineInCenterIfOutsideViewport(markers[0].line);
    } catch (e) {
      setRun({ command, output: `${output}${e instanceof Error ? e.message : String(e)}\n`, code: 1 });
    } finally {
      setApplying(false);
    }
  };

  // Ctrl/Cmd-S saves at once, Ctrl/Cmd-Enter applies.
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const editor = editorRef.current!;
    const keys = editor.onKeyDown((e) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && e.code === 'KeyS') { e.preventDefault(); void save(); }
      if (ctrl && e.code === 'Enter') {
        e.preventDefault();
        // In a kubectl edit session Ctrl+Enter saves and closes, as :wq would.
        if (useEditSession.getState().session?.path === path) void save().then(() => finishEdit(true));
        else void applyRef.current();
      }
    });
    // Browser tests and lessons read the editor through the page's hooks.
    hooks().editor = {
      path: () => path,
      value: () => editor.getModel()?.getValue(),
      markers: () => { const m = editor.getModel(); return m ? markersOf(m) : []; },
      /** Puts the cursor after the first occurrence of `text` (as a click there would). */
      cursorAfter: (text: string) => {
        const m = editor.getModel();
        const found = m?.findMatches(text, false, false, true, null, false)[0];
        if (!found) return false;
        editor.setPosition(found.range.getEndPosition());
        editor.focus();
        return true;
      },
      apply: () => applyRef.current(),
    };
    return () => keys.dispose();
  }, [path]);

  const tone = run?.code === undefined ? 'progress' : run.code === 0 ? 'ok' : 'error';
  return (
    <div className="code-editor">
      <div className="editor-toolbar">
        <span className="editor-file" title={path}>{relPath(path)}</span>
        <span className="muted editor-state" aria-live="polite">{saving ? 'Saving…' : 'Saved'}</span>
        {editing ? (
          <>
            <button className="button button-small edit-cancel" onClick={() => finishEdit(false)} title="Close without changes: kubectl edit makes none">Cancel</button>
            <button className="button button-primary" onClick={() => void save().then(() => finishEdit(true))} title="Save and close: kubectl edit applies the changes">
              <EditorIcon.Apply /><span>Save &amp; close</span>
            </button>
          </>
        ) : (
          <button className="button button-primary" onClick={() => void apply()} disabled={applying || !booted}
            title={`kubectl apply -f ${relPath(path)} (Ctrl+Enter)`}>
            <EditorIcon.Apply /><span>{applying ? 'Applying…' : 'Apply'}</span>
          </button>
        )}
      </div>
      {editing && <div className="edit-banner" role="status"><code>kubectl edit</code> is waiting for this file in the terminal: change it, then save and close.</div>}
      <div className="monaco-host" ref={host} />
      {run && (
        <div className={`apply-output tone-${tone}`} role="status" aria-label="kubectl apply output">
          <div className="apply-output-head">
            <code>$ {run.command}</code>
            <button className="icon-button" aria-label="Close the output" onClick={() => setRun(undefined)}>×</button>
          </div>
          <pre>{run.output || (run.code === undefined ? 'Applying…' : '')}</pre>
        </div>
      )}
    </div>
  );
}

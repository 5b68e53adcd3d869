// The learner's files (the same as the terminal's ~): open, new, rename, delete, and the course's
// example manifests. Files written in the terminal (cat <<EOF > pod.yaml) appear here at once.
import { useEffect, useRef, useState } from 'react';
import { useCluster, useUi, ui } from '../../store';
import { Icon } from '../../components';
import { EXAMPLE_NAMES, absPath, badName, deleteFile, freshName, loadExample, relPath, renameFile, writeFile } from './files';
import { EditorIcon } from './icons';

/** An inline name field (new file, rename): Enter commits, Escape cancels. */
function NameField({ initial, label, onDone, validate }: { initial: string; label: string; onDone(name: string | undefined): Promise<void> | void;
  validate(name: string): string | undefined }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current!;
    el.focus();
    const dot = initial.lastIndexOf('.');
    el.setSelectionRange(0, dot > 0 ? dot : initial.length);
  }, [initial]);
  const commit = async () => {
    const why = validate(value);
    if (why) return setError(why);
    try {
      await onDone(value.trim());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="name-field">
      <input ref={ref} value={value} aria-label={label} aria-invalid={!!error} spellCheck={false}
        onChange={(e) => { setValue(e.target.value); setError(undefined); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') void onDone(undefined);
        }}
        onBlur={() => { if (!error) void onDone(undefined); }} />
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

function FileRow({ path, selected, files }: { path: string; selected: boolean; files: ReadonlyMap<string, string> }) {
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const t = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(t);
  }, [confirming]);
  if (renaming) {
    return (
      <li>
        <NameField initial={relPath(path)} label={`New name for ${relPath(path)}`} validate={(n) => badName(n, files.keys(), path)}
          onDone={async (name) => {
            if (name && absPath(name) !== path) {
              await renameFile(path, absPath(name));
              if (useUi.getState().openFile === path) ui.openFile(absPath(name));
            }
            setRenaming(false);
          }} />
      </li>
    );
  }
  return (
    <li className={`file-row ${selected ? 'is-selected' : ''}`}>
      <button className="file-item" aria-current={selected ? 'true' : undefined} onClick={() => ui.openFile(path)} title={path}>
        <Icon.Files /><span className="file-name">{relPath(path)}</span>
      </button>
      <span className="file-actions">
        <button className="icon-button" aria-label={`Rename ${relPath(path)}`} title="Rename" onClick={() => setRenaming(true)}><EditorIcon.Pencil /></button>
        {confirming ? (
          <button className="danger-chip" aria-label={`Really delete ${relPath(path)}`} onClick={() => {
            void deleteFile(path);
            if (useUi.getState().openFile === path) ui.openFile(undefined);
          }}>Delete</button>
        ) : (
          <button className="icon-button" aria-label={`Delete ${relPath(path)}`} title="Delete" onClick={() => setConfirming(true)}><EditorIcon.Trash /></button>
        )}
      </span>
    </li>
  );
}

/** The file list with its actions. */
export function FileList() {
  const files = useCluster((s) => s.files);
  const open = useUi((s) => s.openFile);
  const [creating, setCreating] = useState<string | undefined>();
  // Files the learner works on, not the machine's (/etc/hosts, /tmp).
  const paths = [...files.keys()].filter((p) => p.startsWith('/home/')).sort();
  const openExample = async (name: string) => {
    if (!name) return;
    const path = absPath(name);
    if (!files.has(path)) await writeFile(path, await loadExample(name));
    ui.openFile(path);
  };
  return (
    <div className="file-list-area">
      <div className="file-toolbar">
        <button className="button button-small" onClick={() => setCreating(freshName('untitled.yaml', files))}>
          <Icon.Plus /><span>New file</span>
        </button>
        <select className="select-small" aria-label="Open an example manifest" value="" onChange={(e) => void openExample(e.target.value)}>
          <option value="">Examples…</option>
          {EXAMPLE_NAMES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </div>
      <ul className="file-list" aria-label="Your files">
        {creating !== undefined && (
          <li>
            <NameField initial={creating} label="Name of the new file" validate={(n) => badName(n, files.keys())}
              onDone={async (name) => {
                if (name) {
                  await writeFile(absPath(name), '');
                  ui.openFile(absPath(name));
                }
                setCreating(undefined);
              }} />
          </li>
        )}
        {paths.length === 0 && creating === undefined && (
          <li className="empty-note">No files yet. Create one, open an example, or write one in the terminal
            (<code>cat &lt;&lt;EOF &gt; pod.yaml</code>).</li>
        )}
        {paths.map((p) => <FileRow key={p} path={p} selected={p === open} files={files} />)}
      </ul>
    </div>
  );
}

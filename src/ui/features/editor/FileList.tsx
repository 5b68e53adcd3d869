// Placeholder for the YAML editor (monaco, loaded lazily; issue 8): the learner's files, live from
// the worker, and the open file's text. Files written in the terminal (cat <<EOF > pod.yaml)
// appear here at once.
import { useCluster, useUi, ui } from '../../store';
import { HOME } from '../../../worker';
import { Icon } from '../../components';

const rel = (p: string) => (p.startsWith(`${HOME}/`) ? p.slice(HOME.length + 1) : p);

/** The placeholder editor. */
export function FileList() {
  const files = useCluster((s) => s.files);
  const open = useUi((s) => s.openFile);
  const paths = [...files.keys()].sort();
  const content = open ? files.get(open) : undefined;
  return (
    <section className="pane editor-pane" aria-label="Files">
      <div className="pane-header">
        <h2>Files</h2>
        <span className="pane-subtitle">~/</span>
      </div>
      <div className="pane-body editor-body">
        <ul className="file-list" aria-label="Your files">
          {paths.length === 0 && <li className="empty-note">No files yet. Create one in the terminal, e.g. <code>cat &lt;&lt;EOF &gt; pod.yaml</code>.</li>}
          {paths.map((p) => (
            <li key={p}>
              <button className={`file-item ${p === open ? 'is-selected' : ''}`} onClick={() => ui.openFile(p)}>
                <Icon.Files /><span>{rel(p)}</span>
              </button>
            </li>
          ))}
        </ul>
        {content !== undefined && (
          <pre className="file-view" aria-label={`Contents of ${rel(open!)}`}>{content.length > 200_000 ? `${content.slice(0, 200_000)}\n…` : content}</pre>
        )}
      </div>
    </section>
  );
}

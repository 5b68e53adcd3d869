// The editor's file operations: the learner's files live in the simulator (the terminal's `ls` and
// `kubectl apply -f` see them), so every change is a file operation sent to the worker.
import { getConnection } from '../../store';
import { HOME } from '../../../worker';

/** A path as the learner sees it from ~ ("web.yaml", "app/web.yaml"). */
export function relPath(path: string): string {
  return path.startsWith(`${HOME}/`) ? path.slice(HOME.length + 1) : path;
}

/** The absolute path of a name typed in the file list. */
export function absPath(name: string): string {
  const n = name.trim().replace(/^~\//, '');
  return n.startsWith('/') ? n : `${HOME}/${n}`;
}

/** Why a file name cannot be used, or undefined. */
export function badName(name: string, existing: Iterable<string>, except?: string): string | undefined {
  const n = name.trim();
  if (!n) return 'Give the file a name.';
  if (/[\s'"$`\\*?]/.test(n)) return 'Use letters, digits, dots, dashes, underscores and slashes.';
  if (n.endsWith('/')) return 'That is a directory name.';
  const abs = absPath(n);
  if (abs !== except && [...existing].includes(abs)) return `${relPath(abs)} already exists.`;
  return undefined;
}

/** Runs a file operation; rejects with the shell's wording of the error. */
async function op(o: Parameters<ReturnType<typeof getConnection>['client']['fs']>[0]): Promise<void> {
  const r = await getConnection().client.fs(o);
  if (!r.ok) throw new Error(r.error);
}

/** Writes a file. */
export const writeFile = (path: string, content: string) => op({ op: 'write', path, content });
/** Deletes a file. */
export const deleteFile = (path: string) => op({ op: 'delete', path });
/** Renames a file. */
export const renameFile = (from: string, to: string) => op({ op: 'rename', from, to });

/** A name for a new file that does not exist yet ("untitled.yaml", "untitled-2.yaml"). */
export function freshName(base: string, existing: ReadonlySet<string> | ReadonlyMap<string, string>): string {
  const [stem, ext] = base.includes('.') ? [base.slice(0, base.lastIndexOf('.')), base.slice(base.lastIndexOf('.'))] : [base, ''];
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${stem}${ext}` : `${stem}-${i}${ext}`;
    if (!existing.has(absPath(name))) return name;
  }
}

const examples = import.meta.glob<string>('./examples/*.yaml', { query: '?raw', import: 'default' });

/** The example manifests (from the course's seed), by file name. */
export const EXAMPLE_NAMES: readonly string[] = Object.keys(examples).map((k) => k.slice(k.lastIndexOf('/') + 1)).sort();

/** An example's text (loaded on demand: examples are not in the first page's JavaScript). */
export function loadExample(name: string): Promise<string> {
  const load = examples[`./examples/${name}`];
  return load ? load() : Promise.reject(new Error(`no example ${name}`));
}

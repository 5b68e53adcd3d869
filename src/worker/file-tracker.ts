// Notices what changed in the learner's files since the last look, so the page's file list follows
// what `cat <<EOF > pod.yaml`, the editor and kubectl write. Comparing strings is cheap here: an
// unchanged file is the same string object, which V8 compares by reference first.
import type { MemFS } from '../shell';
import type { FileEntry } from './protocol';

/** A diff of the filesystem against what the page was last told. */
export class FileTracker {
  private known = new Map<string, string>();

  constructor(private readonly fs: MemFS) {}

  /** Files changed and removed since the last call. */
  diff(): { changed: FileEntry[]; removed: string[] } {
    const changed: FileEntry[] = [];
    const now = new Map<string, string>();
    for (const path of this.fs.allFiles()) {
      const content = this.fs.read(path) ?? '';
      now.set(path, content);
      if (this.known.get(path) !== content) changed.push({ path, content });
    }
    const removed = [...this.known.keys()].filter((p) => !now.has(p));
    this.known = now;
    return { changed, removed };
  }
}

/** A view of a shared filesystem with its own working directory (one per terminal tab). */
export function withOwnCwd(fs: MemFS): MemFS {
  // MemFS keeps its files in shared maps and its working directory in `cwd`: an object whose
  // prototype is the filesystem shares the files and shadows `cwd` (each tab's `cd` is its own).
  const view = Object.create(fs) as MemFS;
  view.cwd = fs.cwd;
  return view;
}

// An in-memory directory tree: the storage behind every simulated volume (emptyDir, configMap,
// secret, downwardAPI, projected, hostPath, persistent volumes). Paths are relative to the volume's
// root; a leading "/" is ignored.
import type { VolumeFS } from '../../runtime/cri';

function norm(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** A volume's files in memory. Invariant: every file's and directory's parent directory exists. */
export class MemFS implements VolumeFS {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['']);

  read(path: string): string | undefined {
    return this.files.get(norm(path));
  }

  write(path: string, content: string): void {
    const p = norm(path);
    if (!p || this.dirs.has(p)) return;
    this.mkdir(parentOf(p));
    this.files.set(p, content);
  }

  list(path: string): string[] {
    const p = norm(path);
    if (!this.dirs.has(p)) return [];
    const prefix = p ? `${p}/` : '';
    const out = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (!k || !k.startsWith(prefix) || k === p) continue;
      const rest = k.slice(prefix.length);
      if (rest && !rest.includes('/')) out.add(rest);
    }
    return [...out].sort();
  }

  isDir(path: string): boolean {
    return this.dirs.has(norm(path));
  }

  mkdir(path: string): void {
    let p = norm(path);
    while (p && !this.dirs.has(p)) {
      if (this.files.has(p)) return;
      this.dirs.add(p);
      p = parentOf(p);
    }
  }

  remove(path: string): boolean {
    const p = norm(path);
    if (this.files.delete(p)) return true;
    if (!p || !this.dirs.has(p)) return false;
    const prefix = `${p}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) this.files.delete(k);
    for (const d of [...this.dirs]) if (d.startsWith(prefix)) this.dirs.delete(d);
    this.dirs.delete(p);
    return true;
  }

  /** Replaces the whole content with a set of files (the atomic writer's swap of ..data). */
  replaceAll(files: ReadonlyMap<string, string>): void {
    this.files.clear();
    this.dirs.clear();
    this.dirs.add('');
    for (const [k, v] of files) this.write(k, v);
  }

  /** Every file path, sorted (tests, debugging). */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

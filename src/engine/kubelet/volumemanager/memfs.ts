// An in-memory directory tree: the storage behind every simulated volume (emptyDir, configMap,
// secret, downwardAPI, projected, hostPath, persistent volumes). Paths are relative to the volume's
// root; a leading "/" is ignored. Symbolic links (relative, inside the volume: the atomic writer's
// `..data` and key links) are followed by every call but readlink and remove; modes are kept for
// the paths a volume plugin set them on.
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

/** Linux's MAXSYMLINKS: a loop of links resolves to nothing. */
const MAX_LINKS = 40;

/** A volume's files in memory. Invariant: every file's, directory's and link's parent directory exists. */
export class MemFS implements VolumeFS {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['']);
  private links?: Map<string, string>;
  private modes?: Map<string, number>;

  /** The path with every symbolic link on it followed (`final` false: the last component is left as is). */
  private resolve(path: string, final = true): string {
    const p = norm(path);
    if (!this.links?.size || !p) return p;
    const parts = p.split('/');
    let cur = '';
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const next = cur ? `${cur}/${parts[i]}` : parts[i];
      const target = this.links.get(next);
      if (target === undefined || (!final && i === parts.length - 1)) {
        cur = next;
        continue;
      }
      if (++hops > MAX_LINKS) return next;
      // A relative target is taken from the link's directory; the rest of the path follows it.
      const rest = parts.slice(i + 1);
      const joined = norm(`${cur}/${target}`);
      parts.splice(0, parts.length, ...joined.split('/').filter(Boolean), ...rest);
      i = -1;
      cur = '';
    }
    return cur;
  }

  read(path: string): string | undefined {
    return this.files.get(this.resolve(path));
  }

  write(path: string, content: string): void {
    const p = this.resolve(path);
    if (!p || this.dirs.has(p)) return;
    this.mkdir(parentOf(p));
    this.files.set(p, content);
  }

  list(path: string): string[] {
    const p = this.resolve(path);
    if (!this.dirs.has(p)) return [];
    const prefix = p ? `${p}/` : '';
    const out = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs, ...(this.links?.keys() ?? [])]) {
      if (!k || !k.startsWith(prefix) || k === p) continue;
      const rest = k.slice(prefix.length);
      if (rest && !rest.includes('/')) out.add(rest);
    }
    return [...out].sort();
  }

  isDir(path: string): boolean {
    return this.dirs.has(this.resolve(path));
  }

  mkdir(path: string): void {
    let p = this.resolve(path);
    while (p && !this.dirs.has(p)) {
      if (this.files.has(p)) return;
      this.dirs.add(p);
      p = parentOf(p);
    }
  }

  /** Removes a file, a link (not what it points to), or a directory and everything under it. */
  remove(path: string): boolean {
    const p = this.resolve(path, false);
    if (this.links?.delete(p)) return true;
    this.modes?.delete(p);
    if (this.files.delete(p)) return true;
    if (!p || !this.dirs.has(p)) return false;
    const prefix = `${p}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) this.files.delete(k);
    for (const d of [...this.dirs]) if (d.startsWith(prefix)) this.dirs.delete(d);
    for (const l of [...(this.links?.keys() ?? [])]) if (l.startsWith(prefix)) this.links!.delete(l);
    for (const m of [...(this.modes?.keys() ?? [])]) if (m.startsWith(prefix)) this.modes!.delete(m);
    this.dirs.delete(p);
    return true;
  }

  /** symlink(2): `path` points at `target` (relative to the link's directory). */
  symlink(path: string, target: string): void {
    const p = this.resolve(path, false);
    if (!p) return;
    this.mkdir(parentOf(p));
    (this.links ??= new Map()).set(p, target);
  }

  /** readlink(2): the target of a link, else undefined. */
  readlink(path: string): string | undefined {
    return this.links?.get(this.resolve(path, false));
  }

  /** chmod(2) on a file or directory ('' is the volume's root). */
  chmod(path: string, mode: number): void {
    (this.modes ??= new Map()).set(this.resolve(path), mode);
  }

  /** The mode a plugin set (following links), else undefined. */
  mode(path: string): number | undefined {
    return this.modes?.get(this.resolve(path));
  }

  /** Replaces the whole content with a set of files (no links; the root's mode is kept). */
  replaceAll(files: ReadonlyMap<string, string>): void {
    const root = this.modes?.get('');
    this.files.clear();
    this.dirs.clear();
    this.dirs.add('');
    this.links?.clear();
    this.modes?.clear();
    if (root !== undefined) this.chmod('', root);
    for (const [k, v] of files) this.write(k, v);
  }

  /** Every file path, sorted (tests, debugging). */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

// An in-memory VolumeFS: what an emptyDir, a hostPath or a provisioned PersistentVolume holds in
// the simulation. Paths are relative to the volume root ("" or "/" is the root; "a/b" and "/a/b"
// are the same file).
import type { VolumeFS } from '../cri';

/** Normalises a volume-relative path: no leading/trailing slash, no "." or empty segments. */
export function volumePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

/**
 * A volume in memory. Invariants: every file's and directory's parent directory exists; the root
 * ("") always exists. Writing a file creates its missing parent directories (as the kubelet's
 * volume plugins and a container's `mkdir -p` + write would).
 */
export class MemoryVolume implements VolumeFS {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['']);

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.write(p, c);
  }

  read(path: string): string | undefined {
    return this.files.get(volumePath(path));
  }

  write(path: string, content: string): void {
    const p = volumePath(path);
    if (p === '' || this.dirs.has(p)) throw new Error(`memory volume: ${path} is a directory`);
    this.mkdir(parentOf(p));
    this.files.set(p, content);
  }

  list(path: string): string[] {
    const p = volumePath(path);
    if (!this.dirs.has(p)) return [];
    const prefix = p === '' ? '' : `${p}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) names.add(k.slice(prefix.length));
    }
    return [...names].sort();
  }

  isDir(path: string): boolean {
    return this.dirs.has(volumePath(path));
  }

  mkdir(path: string): void {
    const p = volumePath(path);
    if (this.files.has(p)) throw new Error(`memory volume: ${path} is a file`);
    if (p !== '' && !this.dirs.has(p)) this.mkdir(parentOf(p));
    this.dirs.add(p);
  }

  remove(path: string): boolean {
    const p = volumePath(path);
    if (this.files.delete(p)) return true;
    if (p === '' || !this.dirs.has(p)) return false;
    const prefix = `${p}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) this.files.delete(k);
    for (const k of [...this.dirs]) if (k.startsWith(prefix)) this.dirs.delete(k);
    this.dirs.delete(p);
    return true;
  }

  /** Every file, sorted by path (tests and snapshots). */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

// The learner's files: an in-memory filesystem with directories and a working directory. In the
// browser it holds the editor's files; in the script harness it can fall back to files on disk.
import type { FileSystem } from '../kubectl/types';

/** Reads a file from somewhere else when it is not in memory (e.g. the script's directory). */
export type Fallback = { read(path: string): string | undefined; isDir(path: string): boolean; list(path: string): string[] };

/** Normalises a path against a working directory ("a/../b" → "/home/learner/b"). */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const x of parts) {
    if (x === '' || x === '.') continue;
    if (x === '..') out.pop();
    else out.push(x);
  }
  return `/${out.join('/')}`;
}

/** An in-memory filesystem. */
export class MemFS implements FileSystem {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);
  cwd: string;

  constructor(readonly home = '/home/learner', private readonly fallback?: Fallback) {
    this.cwd = home;
    this.mkdirp(home);
  }

  abs(p: string): string {
    return resolvePath(this.cwd, p.replace(/^~(?=\/|$)/, this.home));
  }

  read(p: string): string | undefined {
    const a = this.abs(p);
    return this.files.get(a) ?? this.fallback?.read(p);
  }

  isDir(p: string): boolean {
    return this.dirs.has(this.abs(p)) || (this.fallback?.isDir(p) ?? false);
  }

  exists(p: string): boolean {
    return this.read(p) !== undefined || this.isDir(p);
  }

  list(p: string): string[] {
    const a = this.abs(p);
    const prefix = a === '/' ? '/' : `${a}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.startsWith(prefix) && k !== a) names.add(k.slice(prefix.length).split('/')[0]);
    }
    for (const n of this.fallback?.list(p) ?? []) names.add(n);
    return [...names].sort();
  }

  write(p: string, content: string): void {
    const a = this.abs(p);
    this.mkdirp(a.slice(0, a.lastIndexOf('/')) || '/');
    this.files.set(a, content);
  }

  append(p: string, content: string): void {
    this.write(p, (this.read(p) ?? '') + content);
  }

  remove(p: string): boolean {
    return this.files.delete(this.abs(p));
  }

  mkdirp(p: string): void {
    const a = this.abs(p);
    let cur = '';
    for (const part of a.split('/').filter(Boolean)) {
      cur += `/${part}`;
      this.dirs.add(cur);
    }
  }

  /** Every file (absolute paths) — for the editor's file list. */
  allFiles(): string[] {
    return [...this.files.keys()].sort();
  }
}

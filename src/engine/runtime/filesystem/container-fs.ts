// A container's root filesystem: the image's read-only tree under a writable layer (overlayfs:
// upper files, whiteouts, opaque directories), with the kubelet's mounts on top. The writable layer
// dies with the container; mounts are the volume's own storage and outlive it.
import type { Mount, VolumeFS } from '../cri';
import { type ImageTree, dirname, normalizePath } from './image-tree';
import { volumePath } from './memory-volume';

/** An errno a filesystem call fails with. */
export type FsErrorCode = 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EBUSY';

/** strerror(3) texts (glibc and musl agree on these). */
export const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory', EROFS: 'Read-only file system', EISDIR: 'Is a directory', ENOTDIR: 'Not a directory',
  EEXIST: 'File exists', ENOTEMPTY: 'Directory not empty', EACCES: 'Permission denied', EBUSY: 'Resource busy',
};

/** A failed filesystem call. */
export class FsError {
  constructor(readonly code: FsErrorCode, readonly path: string) {}
  /** The strerror text ("Read-only file system"). */
  get text(): string {
    return STRERROR[this.code];
  }
}

/** What stat(2) tells the simulated programs. */
export interface FileStat {
  type: 'file' | 'dir' | 'link';
  size: number;
  mtime: number;
  /** Permission bits (0o644, 0o755 …). */
  mode: number;
  /** The program an executable runs ("nginx", "ash"); "script" for a `#!` script. */
  exec?: string;
  /** Symlink target (lstat of a link). */
  target?: string;
  /** Lives on a read-only mount. */
  readOnly?: boolean;
}

interface MountPoint { path: string; volume: VolumeFS; sub: string; readOnly: boolean }

/** Who holds a flock(2): a process of a container, while it lives. */
export interface LockOwner {
  /** "<containerId>/<pid>". */
  id: string;
  alive(): boolean;
}

/**
 * Exclusive flock(2) locks by the storage the file lives on: a volume's storage object is shared by
 * every container mounting it (emptyDir by the pod's containers; a hostPath or PV directory by every
 * pod on the node), so mongod in a second pod on the same claim finds the lock taken.
 */
const LOCKS = new WeakMap<object, Map<string, LockOwner>>();

interface UpperFile { content: string; mtime: number; mode: number }

/** Shared empty collections standing for a writable layer nothing was written to (never mutated). */
const EMPTY_MAP: ReadonlyMap<string, unknown> = new Map();
const EMPTY_SET: Set<string> = new Set();

import { byteLength as utf8Length } from '../util/http-message';

/** A container's filesystem view. All paths are absolute (callers resolve against their cwd). */
export class ContainerFS {
  private readonly mounts: MountPoint[];
  // The writable layer. Empty in most containers: the collections are created on first write
  // (ten thousand containers must stay cheap).
  private files: Map<string, UpperFile> = EMPTY_MAP as Map<string, UpperFile>;
  private dirs: Map<string, number> = EMPTY_MAP as Map<string, number>;
  private whiteouts: Set<string> = EMPTY_SET;
  private opaque: Set<string> = EMPTY_SET;
  /** Directories above a mount point (they exist, whatever the layers say). */
  private readonly mountParents: string[] = [];

  constructor(private readonly tree: ImageTree, mounts: Mount[], private readonly now: () => number) {
    this.mounts = mounts
      .map((m) => ({ path: tree.canonical(normalizePath(m.containerPath)), volume: m.volume, sub: volumePath(m.subPath ?? ''), readOnly: m.readOnly }))
      .sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) for (let d = dirname(m.path); ; d = dirname(d)) { if (!this.mountParents.includes(d)) this.mountParents.push(d); if (d === '/') break; }
    // Docker creates missing mount points (and their parents) in the writable layer.
    for (const m of this.mounts) {
      for (let d = dirname(m.path); d !== '/' && !this.exists(d); d = dirname(d)) this.upperDirs().set(d, now());
    }
  }

  private upperFiles(): Map<string, UpperFile> {
    if (this.files === EMPTY_MAP) this.files = new Map();
    return this.files;
  }

  private upperDirs(): Map<string, number> {
    if (this.dirs === EMPTY_MAP) this.dirs = new Map();
    return this.dirs;
  }

  private upperWhiteouts(): Set<string> {
    if (this.whiteouts === EMPTY_SET) this.whiteouts = new Set();
    return this.whiteouts;
  }

  private upperOpaque(): Set<string> {
    if (this.opaque === EMPTY_SET) this.opaque = new Set();
    return this.opaque;
  }

  private mountOf(p: string): { m: MountPoint; inner: string } | undefined {
    for (const m of this.mounts) {
      if (p === m.path) return { m, inner: m.sub };
      if (p.startsWith(`${m.path}/`)) return { m, inner: volumePath(`${m.sub}/${p.slice(m.path.length + 1)}`) };
    }
    return undefined;
  }

  private lowerVisible(p: string): boolean {
    if (this.whiteouts.size === 0 && this.opaque.size === 0) return true;
    for (let q = p; ; q = dirname(q)) {
      if (this.whiteouts.has(q)) return false;
      if (q !== p && this.opaque.has(q)) return false;
      if (q === '/') return true;
    }
  }

  private canon(p: string): string {
    return this.tree.canonical(normalizePath(p));
  }

  private exists(p: string): boolean {
    return this.stat(p) !== undefined;
  }

  /** stat(2): follows symlinks. */
  stat(path: string): FileStat | undefined {
    const p = this.canon(path);
    const mt = this.mountOf(p);
    if (mt) {
      const { m, inner } = mt;
      // Modes a volume plugin set (defaultMode, an emptyDir's 0777 root); else the usual defaults.
      const mode = m.volume.mode?.(inner);
      if (m.volume.isDir(inner)) return { type: 'dir', size: 4096, mtime: this.now(), mode: mode ?? 0o755, readOnly: m.readOnly };
      const c = m.volume.read(inner);
      if (c === undefined) return undefined;
      return { type: 'file', size: utf8Length(c), mtime: this.now(), mode: mode ?? 0o644, readOnly: m.readOnly,
        exec: c.startsWith('#!') ? 'script' : undefined };
    }
    const f = this.files.get(p);
    if (f) return { type: 'file', size: utf8Length(f.content), mtime: f.mtime, mode: f.mode, exec: f.mode & 0o111 && f.content.startsWith('#!') ? 'script' : undefined };
    const d = this.dirs.get(p);
    if (d !== undefined) return { type: 'dir', size: 4096, mtime: d, mode: 0o755 };
    if (this.mountParents.includes(p)) return { type: 'dir', size: 4096, mtime: this.now(), mode: 0o755 };
    if (!this.lowerVisible(p)) return undefined;
    const e = this.tree.get(p);
    if (!e) return undefined;
    if (e.type === 'dir') return { type: 'dir', size: 4096, mtime: this.tree.builtAt, mode: p === '/tmp' ? 0o1777 : 0o755 };
    if (e.type === 'file') return { type: 'file', size: e.exec ? 0 : utf8Length(e.content), mtime: this.tree.builtAt, mode: e.exec ? 0o755 : 0o644, exec: e.exec };
    return undefined;
  }

  /** lstat(2): a symlink itself (the image's directory links, and links inside volumes such as `..data`). */
  lstat(path: string): FileStat | undefined {
    // A trailing slash makes the kernel follow a final link ("ls -la /etc/config/..data/").
    if (path.length > 1 && path.endsWith('/')) return this.stat(path);
    const p = normalizePath(path);
    const mt = this.mountOf(p);
    const target = mt?.m.volume.readlink?.(mt.inner);
    if (target !== undefined) return { type: 'link', size: target.length, mtime: this.now(), mode: 0o777, target, readOnly: mt!.m.readOnly };
    if (this.lowerVisible(p) && !mt) {
      const e = this.tree.lget(p);
      if (e?.type === 'link') return { type: 'link', size: e.target.length, mtime: this.tree.builtAt, mode: 0o777, target: e.target };
    }
    return this.stat(p);
  }

  /** Reads a file. */
  read(path: string): string | FsError {
    const p = this.canon(path);
    if (p === '/dev/null') return '';
    const st = this.stat(p);
    if (!st) return new FsError(this.parentIsFile(p) ? 'ENOTDIR' : 'ENOENT', path);
    if (st.type === 'dir') return new FsError('EISDIR', path);
    const mt = this.mountOf(p);
    if (mt) return mt.m.volume.read(mt.inner) ?? '';
    const f = this.files.get(p);
    if (f) return f.content;
    const e = this.tree.get(p);
    return e?.type === 'file' ? e.content : '';
  }

  private parentIsFile(p: string): boolean {
    for (let q = dirname(p); q !== '/'; q = dirname(q)) {
      const st = this.stat(q);
      if (st) return st.type === 'file';
    }
    return false;
  }

  /** Writes (or appends to) a file; the parent directory must exist. */
  write(path: string, content: string, append = false): FsError | undefined {
    const p = this.canon(path);
    if (p === '/dev/null') return undefined;
    const st = this.stat(p);
    if (st?.type === 'dir') return new FsError('EISDIR', path);
    const parent = this.stat(dirname(p));
    if (!parent) return new FsError('ENOENT', path);
    if (parent.type !== 'dir') return new FsError('ENOTDIR', path);
    const mt = this.mountOf(p);
    if (mt) {
      if (mt.m.readOnly) return new FsError('EROFS', path);
      const prev = append ? mt.m.volume.read(mt.inner) ?? '' : '';
      mt.m.volume.write(mt.inner, prev + content);
      return undefined;
    }
    if (this.mountOf(dirname(p))?.m.readOnly) return new FsError('EROFS', path);
    if (p.startsWith('/proc/') || p.startsWith('/sys/')) return new FsError('EROFS', path);
    const prev = append && st ? (this.read(p) as string) : '';
    this.upperFiles().set(p, { content: prev + content, mtime: this.now(), mode: this.files.get(p)?.mode ?? (st?.exec ? 0o755 : 0o644) });
    this.whiteouts.delete(p);
    return undefined;
  }

  /** Creates a directory (and its parents with `parents`). */
  mkdir(path: string, parents = false): FsError | undefined {
    const p = this.canon(path);
    const st = this.stat(p);
    if (st) return parents && st.type === 'dir' ? undefined : new FsError('EEXIST', path);
    const parent = this.stat(dirname(p));
    if (!parent) {
      if (!parents) return new FsError('ENOENT', path);
      const err = this.mkdir(dirname(p), true);
      if (err) return err;
    } else if (parent.type !== 'dir') return new FsError('ENOTDIR', path);
    const mt = this.mountOf(p);
    if (mt) {
      if (mt.m.readOnly) return new FsError('EROFS', path);
      mt.m.volume.mkdir(mt.inner);
      return undefined;
    }
    this.upperDirs().set(p, this.now());
    if (this.whiteouts.delete(p)) this.upperOpaque().add(p);
    return undefined;
  }

  /** Removes a file, or a directory and everything under it. */
  remove(path: string): FsError | undefined {
    const p = this.canon(path);
    if (!this.stat(p)) return new FsError('ENOENT', path);
    if (p === '/' || this.mounts.some((m) => m.path === p)) return new FsError('EBUSY', path);
    const mt = this.mountOf(p);
    if (mt) {
      if (mt.m.readOnly) return new FsError('EROFS', path);
      mt.m.volume.remove(mt.inner);
      return undefined;
    }
    if (this.mounts.some((m) => m.path.startsWith(`${p}/`))) return new FsError('EBUSY', path);
    const prefix = `${p}/`;
    for (const k of [...this.files.keys()]) if (k === p || k.startsWith(prefix)) this.files.delete(k);
    for (const k of [...this.dirs.keys()]) if (k === p || k.startsWith(prefix)) this.dirs.delete(k);
    if (this.tree.get(p)) this.upperWhiteouts().add(p);
    this.opaque.delete(p);
    return undefined;
  }

  /** Sorted names in a directory. */
  list(path: string): string[] | FsError {
    const p = this.canon(path);
    const st = this.stat(p);
    if (!st) return new FsError('ENOENT', path);
    if (st.type !== 'dir') return new FsError('ENOTDIR', path);
    const mt = this.mountOf(p);
    const names = new Set<string>();
    if (mt) for (const n of mt.m.volume.list(mt.inner)) names.add(n);
    else {
      if (this.lowerVisible(p) && !this.opaque.has(p)) for (const n of this.tree.list(p)) if (this.lowerVisible(`${p === '/' ? '' : p}/${n}`)) names.add(n);
      const prefix = p === '/' ? '/' : `${p}/`;
      for (const k of [...this.files.keys(), ...this.dirs.keys()]) {
        if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/') && k !== p) names.add(k.slice(prefix.length));
      }
    }
    const prefix = p === '/' ? '/' : `${p}/`;
    for (const m of this.mounts) {
      if (m.path.startsWith(prefix)) names.add(m.path.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  /**
   * flock(fd, LOCK_EX | LOCK_NB) on a file: true when taken (or already held by the same owner),
   * false while another live owner holds it. A lock dies with its process (`alive()` turns false).
   */
  tryLock(path: string, owner: LockOwner): boolean {
    const p = this.canon(path);
    const mt = this.mountOf(p);
    const store: object = mt ? mt.m.volume : this;
    const key = mt ? mt.inner : p;
    let held = LOCKS.get(store);
    if (!held) LOCKS.set(store, (held = new Map()));
    const cur = held.get(key);
    if (cur && cur.id !== owner.id && cur.alive()) return false;
    held.set(key, owner);
    return true;
  }

  /** chmod(2) on a writable-layer or image file (volumes keep their own modes). */
  chmod(path: string, mode: number): FsError | undefined {
    const p = this.canon(path);
    const st = this.stat(p);
    if (!st) return new FsError('ENOENT', path);
    const mt = this.mountOf(p);
    if (mt) return mt.m.readOnly ? new FsError('EROFS', path) : undefined;
    if (st.type === 'file') {
      const content = this.read(p) as string;
      this.upperFiles().set(p, { content, mtime: this.now(), mode });
    }
    return undefined;
  }
}

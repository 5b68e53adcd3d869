// An image's read-only root filesystem (the lower layers of the overlay): the OS base plus what the
// image adds. Built once per image and shared by every container of that image on every node.
import type { CatalogImage } from '../images/catalog-types';
import { osBase } from '../images/distro';

/** A node of the image tree. */
export type ImageEntry =
  | { type: 'dir' }
  | { type: 'file'; content: string; exec?: string }
  | { type: 'link'; target: string };

/** Normalises an absolute path: "/a//b/./c/../d" → "/a/b/d"; "" → "/". */
export function normalizePath(p: string): string {
  // Fast path: already absolute and clean (the common case by far).
  if (p.charCodeAt(0) === 47 && !p.includes('//') && !p.includes('/.') && (p.length === 1 || p.charCodeAt(p.length - 1) !== 47)) return p;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** The parent directory of an absolute, normalised path ("/" is its own parent). */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** The last component of a path. */
export function basename(p: string): string {
  const n = normalizePath(p);
  return n === '/' ? '/' : n.slice(n.lastIndexOf('/') + 1);
}

/** Joins a base directory and a path (absolute paths win). */
export function resolvePath(cwd: string, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

/** An image's files; immutable once built. */
export class ImageTree {
  private readonly entries = new Map<string, ImageEntry>();
  private readonly children = new Map<string, string[]>();
  /** Number of directory symlinks (none: paths are already canonical). */
  private links = 0;
  /** When the image was built (mtime of its files). */
  readonly builtAt: number;

  constructor(img: CatalogImage, builtAt: number) {
    this.builtAt = builtAt;
    const base = osBase(img.os);
    this.addDir('/');
    for (const d of base.dirs) this.addDir(d);
    for (const d of img.dirs ?? []) this.addDir(d);
    for (const [l, t] of Object.entries(base.links)) this.add(l, { type: 'link', target: t });
    this.links = Object.keys(base.links).length;
    for (const [p, c] of Object.entries(base.files)) this.add(p, { type: 'file', content: c });
    for (const [p, c] of Object.entries(img.files ?? {})) this.add(p, { type: 'file', content: c });
    for (const [p, prog] of Object.entries({ ...base.bins, ...img.bins })) this.add(p, { type: 'file', content: '', exec: prog });
    for (const [dir, names] of this.children) this.children.set(dir, [...new Set(names)].sort());
  }

  private addDir(p: string): void {
    const n = this.canonical(normalizePath(p));
    const cur = this.entries.get(n);
    if (cur?.type === 'dir' || cur?.type === 'link') return;
    if (n !== '/') this.addDir(dirname(n));
    this.entries.set(n, { type: 'dir' });
    if (n !== '/') this.link(n);
  }

  private add(p: string, e: ImageEntry): void {
    const n = e.type === 'link' ? normalizePath(p) : this.canonical(normalizePath(p));
    this.addDir(dirname(n));
    this.entries.set(n, e);
    this.link(n);
  }

  private link(n: string): void {
    const parent = dirname(n);
    const list = this.children.get(parent) ?? [];
    list.push(n.slice(parent === '/' ? 1 : parent.length + 1));
    this.children.set(parent, list);
  }

  private readonly canonicalCache = new Map<string, string>();

  /** Follows directory symlinks in the path's components ("/bin/ls" → "/usr/bin/ls" on merged-/usr). */
  canonical(p: string): string {
    if (this.links === 0) return p;
    const hit = this.canonicalCache.get(p);
    if (hit !== undefined) return hit;
    const c = this.resolveLinks(p);
    if (this.canonicalCache.size < 4096) this.canonicalCache.set(p, c);
    return c;
  }

  private resolveLinks(p: string): string {
    const segs = p.split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < segs.length; i++) {
      const next = `${cur}/${segs[i]}`;
      const e = this.entries.get(next);
      if (e?.type === 'link' && (i < segs.length - 1)) {
        cur = normalizePath(e.target.startsWith('/') ? e.target : `${cur}/${e.target}`);
      } else cur = next;
    }
    return cur || '/';
  }

  /** The entry at a path (symlinks in parent components followed; a final symlink is returned as is). */
  lget(p: string): ImageEntry | undefined {
    return this.entries.get(this.canonical(normalizePath(p)));
  }

  /** The entry at a path, following a final directory symlink too. */
  get(p: string): ImageEntry | undefined {
    const e = this.lget(p);
    if (e?.type !== 'link') return e;
    const c = this.canonical(normalizePath(p));
    return this.get(normalizePath(e.target.startsWith('/') ? e.target : `${dirname(c)}/${e.target}`));
  }

  /** Sorted child names of a directory (empty when not a directory). */
  list(p: string): string[] {
    const e = this.lget(p);
    let c = this.canonical(normalizePath(p));
    if (e?.type === 'link') c = normalizePath(e.target.startsWith('/') ? e.target : `${dirname(c)}/${e.target}`);
    return this.children.get(c) ?? [];
  }
}

const trees = new WeakMap<CatalogImage, ImageTree>();

/** The shared tree of an image (built on first use). */
export function imageTree(img: CatalogImage): ImageTree {
  let t = trees.get(img);
  if (!t) trees.set(img, (t = new ImageTree(img, Date.UTC(2024, 10, 26, 16, 0, 0))));
  return t;
}

// How configMap, secret, downwardAPI and projected volumes lay out their files. Models
// pkg/volume/util/atomic_writer.go AtomicWriter.Write: the payload is written into a fresh
// directory `..2025_01_15_09_00_00.<random>` (os.MkdirTemp with the UTC time as prefix), the link
// `..data` is switched to it, every top-level path of the payload is a link `<name> -> ..data/<name>`,
// links no longer in the payload are removed, then the previous directory. An unchanged payload
// (same paths, contents and modes) writes nothing.
import { rfc3339 } from '../../clock';
import type { MemFS } from './memfs';

/** One file of a payload (volumeutil.FileProjection). */
export interface FileProjection {
  data: string;
  /** Permission bits (defaultMode or items[].mode). */
  mode: number;
}

/** The link to the current payload directory. */
export const DATA_DIR_NAME = '..data';

/** Directories the writer creates (os.MkdirAll with 0777 under the kubelet's 022 umask). */
const DIR_MODE = 0o755;

/** FNV-1a: MkdirTemp's random suffix, drawn deterministically from the volume and the time. */
function suffix(salt: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < salt.length; i++) {
    h ^= salt.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h >>> 0);
}

/** `..2006_01_02_15_04_05.<n>` for a time. */
function timestampedDir(now: number, salt: string): string {
  const t = rfc3339(now).replace(/Z$/, '').replace(/[-T:]/g, '_');
  return `..${t}.${suffix(`${salt}@${now}`)}`;
}

function filesUnder(fs: MemFS, dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const n of fs.list(dir)) {
    const rel = prefix ? `${prefix}/${n}` : n;
    if (fs.isDir(`${dir}/${n}`)) out.push(...filesUnder(fs, `${dir}/${n}`, rel));
    else out.push(rel);
  }
  return out;
}

function unchanged(fs: MemFS, dir: string, payload: ReadonlyMap<string, FileProjection>): boolean {
  const have = filesUnder(fs, dir);
  if (have.length !== payload.size) return false;
  return have.every((p) => {
    const f = payload.get(p);
    return f !== undefined && fs.read(`${dir}/${p}`) === f.data && (fs.mode(`${dir}/${p}`) ?? 0o644) === f.mode;
  });
}

/**
 * Writes a payload into a volume the atomic writer's way. `salt` names the volume (pod uid and
 * volume name) so different volumes get different directory names. Returns whether anything changed.
 */
export function writePayload(fs: MemFS, payload: ReadonlyMap<string, FileProjection>, now: number, salt: string): boolean {
  const old = fs.readlink(DATA_DIR_NAME);
  if (old !== undefined && unchanged(fs, old, payload)) return false;
  let dir = timestampedDir(now, salt);
  for (let n = 1; dir === old || fs.isDir(dir); n++) dir = timestampedDir(now, `${salt}#${n}`);
  fs.mkdir(dir);
  fs.chmod(dir, DIR_MODE);
  for (const [path, f] of payload) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const sub = `${dir}/${parts.slice(0, i).join('/')}`;
      fs.mkdir(sub);
      fs.chmod(sub, DIR_MODE);
    }
    fs.write(`${dir}/${path}`, f.data);
    fs.chmod(`${dir}/${path}`, f.mode);
  }
  fs.symlink(DATA_DIR_NAME, dir);
  const tops = new Set([...payload.keys()].map((p) => p.split('/')[0]));
  for (const name of fs.list('')) if (!name.startsWith('..') && !tops.has(name)) fs.remove(name);
  for (const name of tops) if (fs.readlink(name) === undefined) fs.symlink(name, `${DATA_DIR_NAME}/${name}`);
  if (old !== undefined) fs.remove(old);
  return true;
}

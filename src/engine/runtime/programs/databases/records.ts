// Records of the simulated databases, kept as files under each database's data directory
// (/data/db, /var/lib/postgresql/data, /var/lib/mysql, /data) — so what a pod writes lives on
// whatever volume is mounted there, and a PersistentVolume carries it to the next pod. Tests (and
// the clients: mongosh, redis-cli, psql, mysql) read and write through RecordStore.
import type { VolumeFS } from '../../cri';
import type { ContainerFS } from '../../filesystem/container-fs';

/** The file operations a store needs (a container's filesystem, or a volume seen from outside). */
export interface DataFiles {
  read(path: string): string | undefined;
  write(path: string, content: string): boolean;
  exists(path: string): boolean;
  list(path: string): string[];
}

/** A store over a container's filesystem (absolute paths). */
export function containerFiles(fs: ContainerFS): DataFiles {
  return {
    read: (p) => { const c = fs.read(p); return typeof c === 'string' ? c : undefined; },
    write: (p, c) => {
      const dir = p.slice(0, p.lastIndexOf('/')) || '/';
      if (!fs.stat(dir)) fs.mkdir(dir, true);
      return fs.write(p, c) === undefined;
    },
    exists: (p) => fs.stat(p) !== undefined,
    list: (p) => { const l = fs.list(p); return Array.isArray(l) ? l : []; },
  };
}

/** A store over a volume: `mountPath` is where the database sees the volume ("/data/db"). */
export function volumeFiles(vol: VolumeFS, mountPath: string): DataFiles {
  const rel = (p: string) => (p.startsWith(mountPath) ? p.slice(mountPath.length) : p).replace(/^\/+/, '');
  return {
    read: (p) => vol.read(rel(p)),
    write: (p, c) => { vol.write(rel(p), c); return true; },
    exists: (p) => vol.isDir(rel(p)) || vol.read(rel(p)) !== undefined,
    list: (p) => vol.list(rel(p)),
  };
}

/** One record: a JSON object. */
export type Row = Record<string, unknown>;

/**
 * Tables (collections, keyspaces) of one database engine. `catalogPath` maps table names to data
 * files; each data file holds one JSON record per line. Invariant: the catalog lists every table
 * whose file exists.
 */
export class RecordStore {
  constructor(private readonly files: DataFiles, private readonly catalogPath: string, private readonly fileFor: (table: string, n: number) => string) {}

  private catalog(): Record<string, string> {
    const text = this.files.read(this.catalogPath);
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** Table names, sorted. */
  tables(): string[] {
    return Object.keys(this.catalog()).sort();
  }

  /** Does the table exist? */
  has(table: string): boolean {
    return table in this.catalog();
  }

  /** Creates a table (no-op if it exists); false if the data directory is not writable. */
  create(table: string): boolean {
    const cat = this.catalog();
    if (cat[table]) return true;
    cat[table] = this.fileFor(table, Object.keys(cat).length);
    if (!this.files.write(cat[table], '')) return false;
    return this.files.write(this.catalogPath, JSON.stringify(cat));
  }

  /** All records of a table (empty if it does not exist). */
  rows(table: string): Row[] {
    const file = this.catalog()[table];
    const text = file ? this.files.read(file) : undefined;
    if (!text) return [];
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
  }

  /** Appends records, creating the table on first use. */
  insert(table: string, ...records: Row[]): boolean {
    if (!this.create(table)) return false;
    const file = this.catalog()[table];
    const prev = this.files.read(file) ?? '';
    return this.files.write(file, prev + records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  /** Replaces a table's records. */
  replace(table: string, records: Row[]): boolean {
    if (!this.create(table)) return false;
    return this.files.write(this.catalog()[table], records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
}

/** Deterministic short ids for generated files ("collection-2-1234567890123456789"). */
export function fileId(seed: string): string {
  let h = 1469598103934665603n;
  for (let i = 0; i < seed.length; i++) h = ((h ^ BigInt(seed.charCodeAt(i))) * 1099511628211n) & 0xffffffffffffffffn;
  return (h % 9000000000000000000n + 1000000000000000000n).toString();
}

/** The MongoDB store of a dbPath: db.collection → collection-N-<id>.wt. */
export function mongoStore(files: DataFiles, dbPath = '/data/db'): RecordStore {
  return new RecordStore(files, `${dbPath}/_mdb_catalog.wt`, (t, n) => `${dbPath}/collection-${n * 2}-${fileId(t)}.wt`);
}

/** The PostgreSQL store of PGDATA: table → base/5/<oid>. */
export function postgresStore(files: DataFiles, pgdata = '/var/lib/postgresql/data'): RecordStore {
  return new RecordStore(files, `${pgdata}/global/pg_filenode.map`, (_t, n) => `${pgdata}/base/5/${16384 + n * 3}`);
}

/** The MySQL store of its datadir: db.table → <db>/<table>.ibd. */
export function mysqlStore(files: DataFiles, datadir = '/var/lib/mysql'): RecordStore {
  return new RecordStore(files, `${datadir}/mysql.ibd`, (t) => `${datadir}/${t.replace('.', '/')}.ibd`);
}

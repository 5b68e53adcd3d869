// MongoDB as the official image runs it: docker-entrypoint.sh (a temporary mongod to create the
// root user when MONGO_INITDB_ROOT_USERNAME/PASSWORD are set on an empty /data/db, then `--auth`),
// mongod's structured JSON log (src/mongo/logv2: padded "s", "c" and "id" fields), the WiredTiger
// files it creates on first start, and a small mongosh. Protocol requests: method "MONGO".
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import { sleep } from '../../process/effects';
import type { Effect } from '../../process/effects';
import { mongoTime } from '../../util/time-format';
import { sha256Hex } from '../../util/sha256';
import { daemon } from '../daemon';
import { execArgs } from '../exec-args';
import { containerFiles, mongoStore, type Row } from './records';
import { isIPv4 } from '../../process/resolver';

type Gen<T> = Generator<Effect, T, unknown>;
const DB_PATH = '/data/db';

/** One mongod log line, padded as logv2 pads them. */
export function mongoLog(ctx: ProcCtx, s: string, c: string, id: number, where: string, msg: string, attr?: unknown, tags?: string[]): void {
  const line = `{"t":{"$date":"${mongoTime(ctx.sys.clock.now())}"},"s":"${s}",${' '.repeat(Math.max(1, 3 - s.length))}"c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}` +
    `"id":${id},${' '.repeat(Math.max(1, 8 - String(id).length))}"ctx":"${where}","msg":"${msg}"${attr !== undefined ? `,"attr":${JSON.stringify(attr)}` : ''}${tags ? `,"tags":${JSON.stringify(tags)}` : ''}}`;
  ctx.out(`${line}\n`);
}

const uuid = (seed: string) => {
  const h = sha256Hex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The files WiredTiger and mongod create in an empty dbPath. */
const FRESH_FILES = ['WiredTiger', 'WiredTiger.lock', 'WiredTiger.turtle', 'WiredTiger.wt', 'WiredTigerHS.wt', 'sizeStorer.wt', 'storage.bson', 'mongod.lock'];

function hasData(ctx: ProcCtx): boolean {
  return ctx.sys.fs.stat(`${DB_PATH}/WiredTiger`) !== undefined;
}

/** mongod's lock on its dbPath (StorageEngineLockFile::open: flock LOCK_EX|LOCK_NB), held while `pid` of the container lives. */
function lockDbPath(ctx: ProcCtx, pid: number): boolean {
  const sys = ctx.sys;
  return sys.fs.tryLock(`${DB_PATH}/mongod.lock`, { id: `${sys.containerId}/${pid}`, alive: () => sys.processes().some((p) => p.pid === pid) });
}

function* startupLines(ctx: ProcCtx, o: { port: number; bindIp: string; auth: boolean; fork?: boolean; lockPid?: number }): Gen<boolean> {
  const version = ctx.sys.image.version;
  const ubuntu = ctx.sys.image.os.version.split('.').slice(0, 2).join('.');
  mongoLog(ctx, 'I', 'CONTROL', 23285, 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'");
  mongoLog(ctx, 'I', 'CONTROL', 5945603, 'main', 'Multi threading initialized');
  mongoLog(ctx, 'I', 'NETWORK', 4648601, 'main', 'Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of the related parameters',
    { relatedParameters: ['tcpFastOpenServer', 'tcpFastOpenClient', 'tcpFastOpenQueueSize'] });
  mongoLog(ctx, 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: ctx.pid, port: o.port, dbPath: DB_PATH, architecture: '64-bit', host: ctx.sys.hostname });
  mongoLog(ctx, 'I', 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version, gitVersion: sha256Hex(`mongo ${version}`).slice(0, 40),
    openSSLVersion: 'OpenSSL 3.0.13 30 Jan 2024', modules: [], allocator: 'tcmalloc-google',
    environment: { distmod: `ubuntu${ubuntu.replace('.', '')}`, distarch: 'x86_64', target_arch: 'x86_64' } } });
  mongoLog(ctx, 'I', 'CONTROL', 51765, 'initandlisten', 'Operating System', { os: { name: 'Ubuntu', version: ubuntu } });
  const options: Record<string, unknown> = { net: { bindIp: o.bindIp, ...(o.port !== 27017 || o.fork ? { port: o.port } : {}) } };
  if (o.auth) options.security = { authorization: 'enabled' };
  if (o.fork) Object.assign(options, { processManagement: { fork: true, pidFilePath: '/tmp/docker-entrypoint-temp-mongod.pid' },
    systemLog: { destination: 'file', logAppend: true, path: '/proc/1/fd/1' } });
  mongoLog(ctx, 'I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', { options });
  const existing = hasData(ctx);
  const fs = ctx.sys.fs;
  if (fs.stat(DB_PATH)?.readOnly) {
    mongoLog(ctx, 'E', 'CONTROL', 20557, 'initandlisten', 'DBException in initAndListen, terminating', { error: `IllegalOperation: Attempted to create a lock file on a read-only directory: ${DB_PATH}` });
    return false;
  }
  if (!lockDbPath(ctx, o.lockPid ?? ctx.pid)) {
    mongoLog(ctx, 'E', 'CONTROL', 20557, 'initandlisten', 'DBException in initAndListen, terminating', { error: `DBPathInUse: Unable to lock the lock file: ${DB_PATH}/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the ${DB_PATH} directory` });
    return false;
  }
  mongoLog(ctx, 'I', 'STORAGE', 22297, 'initandlisten', 'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem', undefined, ['startupWarnings']);
  const cache = Math.max(256, Math.floor((ctx.sys.node.memoryBytes / 1024 / 1024 - 1024) / 2));
  mongoLog(ctx, 'I', 'STORAGE', 22315, 'initandlisten', 'Opening WiredTiger', { config: `create,cache_size=${cache}M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],` });
  const openMs = existing ? 380 + ctx.sys.rng.int(200) : 700 + ctx.sys.rng.int(500);
  yield* sleep(openMs);
  if (existing) {
    mongoLog(ctx, 'I', 'WTRECOV', 22430, 'initandlisten', 'WiredTiger message', { message: { ts_sec: Math.floor(ctx.sys.clock.now() / 1000), ts_usec: 0,
      thread: `${ctx.pid}:0x7f3c2a1b6c80`, session_name: 'txn-recover', category: 'WT_VERB_RECOVERY_PROGRESS', category_id: 30, verbose_level: 'DEBUG',
      verbose_level_id: 1, msg: 'recovery log replay has successfully finished and ran for 0 milliseconds' } });
  }
  mongoLog(ctx, 'I', 'STORAGE', 4795906, 'initandlisten', 'WiredTiger opened', { durationMillis: openMs });
  mongoLog(ctx, 'I', 'RECOVERY', 23987, 'initandlisten', 'WiredTiger recoveryTimestamp', { recoveryTimestamp: { $timestamp: { t: 0, i: 0 } } });
  if (!o.auth) mongoLog(ctx, 'W', 'CONTROL', 22120, 'initandlisten', 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted', undefined, ['startupWarnings']);
  if (!existing) {
    for (const f of FRESH_FILES) fs.write(`${DB_PATH}/${f}`, f === 'WiredTiger' ? `WiredTiger\nWiredTiger 11.3.0: (October 16, 2024)\n` : '');
    fs.mkdir(`${DB_PATH}/journal`, true);
    fs.mkdir(`${DB_PATH}/diagnostic.data`, true);
    const store = mongoStore(containerFiles(fs), DB_PATH);
    for (const ns of ['admin.system.version', 'local.startup_log', 'config.system.sessions']) {
      store.create(ns);
      const id = uuid(`${ctx.sys.hostname}/${ns}`);
      mongoLog(ctx, 'I', 'STORAGE', 20320, 'initandlisten', 'createCollection', { namespace: ns, uuidDisposition: 'generated', uuid: { uuid: { $uuid: id } }, options: {} });
    }
  }
  fs.write(`${DB_PATH}/mongod.lock`, `${ctx.pid}\n`);
  mongoLog(ctx, 'I', 'FTDC', 20625, 'initandlisten', 'Initializing full-time diagnostic data capture', { dataDirectory: `${DB_PATH}/diagnostic.data` });
  mongoLog(ctx, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: `/tmp/mongodb-${o.port}.sock` });
  mongoLog(ctx, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { address: o.bindIp === '*' ? '0.0.0.0' : o.bindIp });
  mongoLog(ctx, 'I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: o.port, ssl: 'off' });
  return true;
}

function shutdownLines(ctx: ProcCtx, sig: string): void {
  mongoLog(ctx, 'I', 'CONTROL', 23377, 'SignalHandler', 'Received signal', { signal: sig === 'SIGINT' ? 2 : 15, error: sig === 'SIGINT' ? 'Interrupt' : 'Terminated' });
  mongoLog(ctx, 'I', 'CONTROL', 23378, 'SignalHandler', 'Signal was sent by kill(2)', { pid: 0, uid: 0 });
  mongoLog(ctx, 'I', 'CONTROL', 23381, 'SignalHandler', 'will terminate after current cmd ends');
  mongoLog(ctx, 'I', 'STORAGE', 4784929, 'SignalHandler', 'Acquiring the global lock for shutdown');
  mongoLog(ctx, 'I', 'STORAGE', 22320, 'SignalHandler', 'Shutting down journal flusher thread');
  mongoLog(ctx, 'I', 'STORAGE', 22261, 'SignalHandler', 'Timestamp monitor shutting down');
  mongoLog(ctx, 'I', 'STORAGE', 20282, 'SignalHandler', 'Deregistering all the collections');
  mongoLog(ctx, 'I', 'STORAGE', 22317, 'SignalHandler', 'WiredTigerKVEngine shutting down');
  mongoLog(ctx, 'I', 'STORAGE', 4795902, 'SignalHandler', 'Closing WiredTiger', { closeConfig: 'leak_memory=true,use_timestamp=false,' });
  mongoLog(ctx, 'I', 'STORAGE', 20306, 'SignalHandler', 'Shutting down WiredTiger');
  mongoLog(ctx, 'I', '-', 4784931, 'SignalHandler', 'Dropping the scope cache for shutdown');
  mongoLog(ctx, 'I', 'CONTROL', 20565, 'SignalHandler', 'Now exiting');
  mongoLog(ctx, 'I', 'CONTROL', 8423404, 'SignalHandler', 'mongod shutdown complete', { Summary: { shutdownDuration: 42 } });
  mongoLog(ctx, 'I', 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { exitCode: 0 });
}

const HTTP_ON_DRIVER_PORT = 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n';

/** Answers a MONGO protocol request: {db, op, coll?, doc?, user?, pwd?}. */
function mongoWire(ctx: ProcCtx, auth: boolean, req: HttpRequest): HttpResponse | undefined {
  // mongod answers an HTTP request on its driver port with a fixed plain-text page (curl localhost:27017).
  if (req.method !== 'MONGO') {
    return { status: 200, headers: { Connection: 'close', 'Content-Type': 'text/plain', 'Content-Length': String(HTTP_ON_DRIVER_PORT.length) },
      body: HTTP_ON_DRIVER_PORT };
  }
  const q = JSON.parse(req.body ?? '{}') as { db: string; op: string; coll?: string; doc?: Row; user?: string; pwd?: string };
  const store = mongoStore(containerFiles(ctx.sys.fs), DB_PATH);
  const reply = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
  if (q.op === 'ping') return reply({ ok: 1 });
  if (auth) {
    const users = store.rows('admin.system.users');
    const ok = users.some((u) => u.user === q.user && u.pwd === sha256Hex(`${q.user}:${q.pwd}`));
    if (!ok) return reply(q.user ? { ok: 0, errmsg: 'Authentication failed.', code: 18, codeName: 'AuthenticationFailed' }
      : { ok: 0, errmsg: `Command ${q.op === 'find' ? 'find' : 'insert'} requires authentication`, code: 13, codeName: 'Unauthorized' });
  }
  const ns = `${q.db}.${q.coll}`;
  switch (q.op) {
    case 'insert': {
      const doc = { _id: sha256Hex(`${ns}/${ctx.sys.clock.now()}/${store.rows(ns).length}`).slice(0, 24), ...q.doc };
      store.insert(ns, doc);
      return reply({ ok: 1, insertedId: doc._id });
    }
    case 'find': return reply({ ok: 1, docs: store.rows(ns) });
    case 'dbs': return reply({ ok: 1, dbs: [...new Set(store.tables().map((t) => t.split('.')[0]))] });
    case 'collections': return reply({ ok: 1, colls: store.tables().filter((t) => t.startsWith(`${q.db}.`) && !t.includes('.system.')).map((t) => t.slice(q.db.length + 1)) });
    default: return reply({ ok: 0, errmsg: `no such command: '${q.op}'`, code: 59, codeName: 'CommandNotFound' });
  }
}

/** /usr/bin/mongod. */
export const mongod: Program = function* (ctx) {
  if (ctx.argv.includes('--version')) {
    ctx.out(`db version v${ctx.sys.image.version}\nBuild Info: {\n    "version": "${ctx.sys.image.version}",\n    "allocator": "tcmalloc-google"\n}\n`);
    return 0;
  }
  const a = ctx.argv;
  const portIdx = a.indexOf('--port');
  const bindIdx = a.indexOf('--bind_ip');
  const port = portIdx > 0 ? Number(a[portIdx + 1]) : 27017;
  const bindIp = a.includes('--bind_ip_all') ? '*' : bindIdx > 0 ? a[bindIdx + 1] : '127.0.0.1';
  const auth = a.includes('--auth');
  ctx.sys.setMemory(ctx.pid, 96 * 1024 * 1024);
  if (!(yield* startupLines(ctx, { port, bindIp, auth }))) {
    mongoLog(ctx, 'I', 'CONTROL', 23138, 'initandlisten', 'Shutting down', { exitCode: 100 });
    return 100;
  }
  return yield* daemon(ctx, {
    ports: { [port]: (req) => mongoWire(ctx, auth, req) },
    memoryBytes: (158 + ctx.sys.rng.int(20)) * 1024 * 1024,
    cpuMilli: 6,
    catches: ['SIGTERM', 'SIGINT'],
    *onSignal(sig) {
      shutdownLines(ctx, sig);
      ctx.sys.fs.write(`${DB_PATH}/mongod.lock`, '');
      yield* sleep(40);
      return 0;
    },
  });
};

/** /usr/local/bin/docker-entrypoint.sh of the mongo image. */
export const mongoEntrypoint: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['mongod', ...args];
  if (args[0] !== 'mongod') return yield* execArgs(ctx, args, 443);
  const user = ctx.env.get('MONGO_INITDB_ROOT_USERNAME');
  const pwd = ctx.env.get('MONGO_INITDB_ROOT_PASSWORD');
  if ((user && !pwd) || (!user && pwd)) {
    ctx.err('\nerror: missing MONGO_INITDB_ROOT_USERNAME or MONGO_INITDB_ROOT_PASSWORD\n       both must be specified for a user to be created\n\n');
    return 1;
  }
  if (user && pwd && !hasData(ctx) && !ctx.sys.fs.stat(DB_PATH)?.readOnly) {
    ctx.out('about to fork child process, waiting until server is ready for connections.\n');
    const childPid = ctx.sys.newPid() + 20;
    ctx.out(`forked process: ${childPid}\n`);
    const child = { ...ctx, pid: childPid };
    // The temporary mongod's lock is the container's (the entrypoint execs the real mongod in its place).
    if (!(yield* startupLines(child, { port: 27017, bindIp: '127.0.0.1', auth: false, fork: true, lockPid: ctx.pid }))) {
      ctx.out('ERROR: child process failed, exited with 100\nTo see additional information in this output, start without the "--fork" option.\n');
      return 100;
    }
    ctx.out('child process started successfully, parent exiting\n');
    const store = mongoStore(containerFiles(ctx.sys.fs), DB_PATH);
    store.insert('admin.system.users', { _id: `admin.${user}`, user, db: 'admin', pwd: sha256Hex(`${user}:${pwd}`), roles: [{ role: 'root', db: 'admin' }] });
    mongoLog(child, 'I', 'STORAGE', 20320, 'conn3', 'createCollection', { namespace: 'admin.system.users', uuidDisposition: 'generated',
      uuid: { uuid: { $uuid: uuid(`${ctx.sys.hostname}/users`) } }, options: {} });
    yield* sleep(900 + ctx.sys.rng.int(400));
    shutdownLines(child, 'SIGTERM');
    ctx.out('\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n');
    ctx.out('\nMongoDB init process complete; ready for start up.\n\n');
  }
  const finalArgs = [...args];
  if (!finalArgs.includes('--bind_ip') && !finalArgs.includes('--bind_ip_all')) finalArgs.push('--bind_ip_all');
  if (user && pwd && !finalArgs.includes('--auth')) finalArgs.push('--auth');
  return yield* execArgs(ctx, finalArgs, 443);
};

/** Turns mongosh's JavaScript object literals ({name: 'x'}) into JSON. */
function jsObject(s: string): Row {
  const json = s.trim().replace(/'([^']*)'/g, (_, v) => JSON.stringify(v)).replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":');
  try {
    return JSON.parse(json || '{}') as Row;
  } catch {
    return {};
  }
}

/** Prints a document as mongosh does: { _id: ObjectId('…'), name: 'x' }. */
function show(v: unknown): string {
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => `  ${show(x)}`).join(',\n')}\n]` : '[]';
  if (v && typeof v === 'object') {
    return `{ ${Object.entries(v as Row).map(([k, x]) => `${k}: ${k === '_id' && typeof x === 'string' && /^[0-9a-f]{24}$/.test(x) ? `ObjectId('${x}')` : show(x)}`).join(', ')} }`;
  }
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** /usr/bin/mongosh: connection string or -u/-p, --eval, and an interactive `test>` prompt. */
export const mongosh: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1', port = 27017, db = 'test', user: string | undefined, pwd: string | undefined, evalJs: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const x = args[i];
    if (x === '--eval') evalJs = args[++i];
    else if (x === '-u' || x === '--username') user = args[++i];
    else if (x === '-p' || x === '--password') pwd = args[++i];
    else if (x === '--host') host = args[++i];
    else if (x === '--port') port = Number(args[++i]);
    else if (x.startsWith('mongodb://')) {
      const m = /^mongodb:\/\/(?:([^:@]+):([^@]+)@)?([^:/?]+)(?::(\d+))?(?:\/([^?]*))?/.exec(x);
      if (m) { user = m[1] ?? user; pwd = m[2] ?? pwd; host = m[3]; port = Number(m[4] ?? 27017); db = m[5] || db; }
    } else if (!x.startsWith('-')) db = x;
  }
  const ips = isIPv4(host) ? [host] : ctx.sys.resolveHost(host);
  const call = (q: Record<string, unknown>): Record<string, unknown> | string => {
    if (!ips?.length) return `MongoNetworkError: getaddrinfo ENOTFOUND ${host}`;
    const r = ctx.sys.httpRequest(ips[0], port, { method: 'MONGO', path: '/', headers: {}, body: JSON.stringify({ db, user, pwd, ...q }), remoteAddr: ctx.sys.podIP });
    if (r.kind !== 'response') return `MongoNetworkError: connect ECONNREFUSED ${ips[0]}:${port}`;
    return JSON.parse(r.response.body) as Record<string, unknown>;
  };
  const run = (line: string): string => {
    const t = line.trim().replace(/;$/, '');
    let m: RegExpExecArray | null;
    let r: Record<string, unknown> | string;
    if (t === '' ) return '';
    if ((m = /^use\s+(\S+)$/.exec(t))) { db = m[1]; return `switched to db ${db}`; }
    if (t === 'show dbs' || t === 'show databases') { r = call({ op: 'dbs' }); if (typeof r === 'string') return r; return (r.dbs as string[] ?? []).map((d) => `${d.padEnd(8)} 40.00 KiB`).join('\n'); }
    if (t === 'show collections') { r = call({ op: 'collections' }); return typeof r === 'string' ? r : (r.colls as string[] ?? []).join('\n'); }
    if (t === 'db' || t === 'db.getName()') return db;
    if (/^db\.(runCommand\(\s*\{\s*ping\s*:\s*1\s*\}\s*\)|adminCommand\(\s*['"]ping['"]\s*\)|adminCommand\(\s*\{\s*ping\s*:\s*1\s*\}\s*\))$/.test(t)) {
      r = call({ op: 'ping' });
      return typeof r === 'string' ? r : '{ ok: 1 }';
    }
    if ((m = /^db\.(\w+)\.insertOne\((.*)\)$/.exec(t))) {
      r = call({ op: 'insert', coll: m[1], doc: jsObject(m[2]) });
      if (typeof r === 'string') return r;
      if (!r.ok) return `MongoServerError: ${r.errmsg}`;
      return `{\n  acknowledged: true,\n  insertedId: ObjectId('${r.insertedId}')\n}`;
    }
    if ((m = /^db\.(\w+)\.(find|countDocuments)\((.*)\)(\.toArray\(\))?$/.exec(t))) {
      r = call({ op: 'find', coll: m[1] });
      if (typeof r === 'string') return r;
      if (!r.ok) return `MongoServerError: ${r.errmsg}`;
      const docs = r.docs as Row[];
      return m[2] === 'countDocuments' ? String(docs.length) : show(docs);
    }
    return `Uncaught:\nSyntaxError: this simulated mongosh does not understand: ${t}`;
  };
  if (evalJs !== undefined) {
    const out = run(evalJs);
    if (out.startsWith('Mongo')) { ctx.err(`${out}\n`); return 1; }
    if (out) ctx.out(`${out}\n`);
    return 0;
  }
  if (ctx.stdin.interactive) {
    const r = call({ op: 'ping' });
    if (typeof r === 'string') { ctx.err(`${r}\n`); return 1; }
    ctx.out(`Current Mongosh Log ID:\t${sha256Hex(String(ctx.sys.clock.now())).slice(0, 24)}\nConnecting to:\t\tmongodb://${host}:${port}/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+2.3.8\n` +
      `Using MongoDB:\t\t${ctx.sys.image.version}\nUsing Mongosh:\t\t2.3.8\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n`);
  }
  for (;;) {
    if (ctx.stdin.interactive) ctx.out(`${db}> `);
    const line = yield* ctx.stdin.readLine();
    if (line === undefined || /^(exit|quit)(\(\))?$/.test(line.trim())) return 0;
    const out = run(line);
    if (out) ctx.out(`${out}\n`);
  }
};

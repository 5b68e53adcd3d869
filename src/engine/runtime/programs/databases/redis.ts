// Redis as the official image runs it: the start banner (7.x, no ASCII logo without a tty), loading
// /data/dump.rdb, the memory-overcommit warning minikube's kernel triggers, SIGTERM → final RDB
// snapshot, and redis-cli. Texts from redis src/server.c, rdb.c. The wire protocol travels as an
// HttpRequest with method "REDIS" and the command as a JSON array in the body.
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import { sleep } from '../../process/effects';
import { redisTime } from '../../util/time-format';
import { daemon } from '../daemon';
import { execArgs } from '../exec-args';
import { isIPv4 } from '../../process/resolver';

/** A reply: what RESP carries. */
export type RedisReply = { t: 'status'; v: string } | { t: 'error'; v: string } | { t: 'int'; v: number } | { t: 'bulk'; v: string | null } | { t: 'array'; v: RedisReply[] };

const RDB = '/data/dump.rdb';
const RDB_HEADER = 'REDIS0012';

type Value = string | string[] | Record<string, string>;

/** The keys of a dump.rdb written by the simulated redis (tests: what a volume at /data holds). */
export function readRedisDump(text: string | undefined): Map<string, string | string[] | Record<string, string>> {
  if (!text || !text.startsWith(RDB_HEADER)) return new Map();
  return new Map((JSON.parse(text.slice(RDB_HEADER.length + 1)) as { data: [string, Value][] }).data);
}

function load(ctx: ProcCtx): { data: Map<string, Value>; savedAt?: number } | undefined {
  const text = ctx.sys.fs.read(RDB);
  if (typeof text !== 'string' || !text.startsWith(RDB_HEADER)) return undefined;
  const parsed = JSON.parse(text.slice(RDB_HEADER.length + 1)) as { savedAt: number; data: [string, Value][] };
  return { data: new Map(parsed.data), savedAt: parsed.savedAt };
}

/** Writes dump.rdb; returns the error text on failure. */
function save(ctx: ProcCtx, data: Map<string, Value>): string | undefined {
  const body = JSON.stringify({ savedAt: ctx.sys.clock.now(), data: [...data].sort(([a], [b]) => (a < b ? -1 : 1)) });
  return ctx.sys.fs.write(RDB, `${RDB_HEADER}\n${body}`)?.text;
}

/** Executes one command against the dataset. */
export function redisCommand(data: Map<string, Value>, args: string[], onSave: () => boolean): RedisReply {
  const cmd = (args[0] ?? '').toUpperCase();
  const str = (k: string): string | null => { const v = data.get(k); return typeof v === 'string' ? v : null; };
  const wrongType = { t: 'error', v: 'WRONGTYPE Operation against a key holding the wrong kind of value' } as const;
  const arity = (n: number) => args.length < n ? { t: 'error', v: `ERR wrong number of arguments for '${args[0]?.toLowerCase()}' command` } as RedisReply : undefined;
  switch (cmd) {
    case 'PING': return args[1] !== undefined ? { t: 'bulk', v: args[1] } : { t: 'status', v: 'PONG' };
    case 'ECHO': return arity(2) ?? { t: 'bulk', v: args[1] };
    case 'SET': if (arity(3)) return arity(3)!; data.set(args[1], args[2]); return { t: 'status', v: 'OK' };
    case 'GET': { if (arity(2)) return arity(2)!; const v = data.get(args[1]); if (v !== undefined && typeof v !== 'string') return wrongType; return { t: 'bulk', v: str(args[1]) }; }
    case 'DEL': return { t: 'int', v: args.slice(1).filter((k) => data.delete(k)).length };
    case 'EXISTS': return { t: 'int', v: args.slice(1).filter((k) => data.has(k)).length };
    case 'KEYS': {
      const re = new RegExp(`^${(args[1] ?? '*').replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      return { t: 'array', v: [...data.keys()].filter((k) => re.test(k)).sort().map((k) => ({ t: 'bulk', v: k })) };
    }
    case 'INCR': case 'DECR': case 'INCRBY': case 'DECRBY': {
      const cur = str(args[1]) ?? '0';
      if (!/^-?\d+$/.test(cur)) return { t: 'error', v: 'ERR value is not an integer or out of range' };
      const by = cmd.endsWith('BY') ? Number(args[2]) : 1;
      const n = Number(cur) + (cmd.startsWith('DECR') ? -by : by);
      data.set(args[1], String(n));
      return { t: 'int', v: n };
    }
    case 'DBSIZE': return { t: 'int', v: data.size };
    case 'FLUSHALL': case 'FLUSHDB': data.clear(); return { t: 'status', v: 'OK' };
    case 'SAVE': return onSave() ? { t: 'status', v: 'OK' } : { t: 'error', v: 'ERR' };
    case 'BGSAVE': onSave(); return { t: 'status', v: 'Background saving started' };
    case 'SELECT': return { t: 'status', v: 'OK' };
    case 'LPUSH': case 'RPUSH': {
      const cur = data.get(args[1]) ?? [];
      if (!Array.isArray(cur)) return wrongType;
      const items = args.slice(2);
      const next = cmd === 'LPUSH' ? [...items.reverse(), ...cur] : [...cur, ...items];
      data.set(args[1], next);
      return { t: 'int', v: next.length };
    }
    case 'LRANGE': {
      const cur = data.get(args[1]) ?? [];
      if (!Array.isArray(cur)) return wrongType;
      const s = Number(args[2]), e = Number(args[3]);
      const end = e < 0 ? cur.length + e : e;
      return { t: 'array', v: cur.slice(s < 0 ? cur.length + s : s, end + 1).map((v) => ({ t: 'bulk', v })) };
    }
    case 'LLEN': { const cur = data.get(args[1]) ?? []; return Array.isArray(cur) ? { t: 'int', v: cur.length } : wrongType; }
    case 'HSET': {
      const cur = (data.get(args[1]) ?? {}) as Record<string, string>;
      if (typeof cur !== 'object' || Array.isArray(cur)) return wrongType;
      let added = 0;
      for (let i = 2; i + 1 < args.length; i += 2) { if (!(args[i] in cur)) added++; cur[args[i]] = args[i + 1]; }
      data.set(args[1], { ...cur });
      return { t: 'int', v: added };
    }
    case 'HGET': { const cur = data.get(args[1]) as Record<string, string> | undefined; return { t: 'bulk', v: cur?.[args[2]] ?? null }; }
    case 'HGETALL': {
      const cur = (data.get(args[1]) ?? {}) as Record<string, string>;
      return { t: 'array', v: Object.entries(cur).flatMap(([k, v]) => [{ t: 'bulk', v: k } as RedisReply, { t: 'bulk', v }]) };
    }
    case 'INFO': return { t: 'bulk', v: '# Server\r\nredis_version:7.4.2\r\nredis_mode:standalone\r\nos:Linux\r\ntcp_port:6379\r\n' };
    case 'COMMAND': return { t: 'array', v: [] };
    default: return { t: 'error', v: `ERR unknown command '${args[0] ?? ''}', with args beginning with: ${args.slice(1).map((a) => `'${a}' `).join('')}` };
  }
}

/** /usr/local/bin/docker-entrypoint.sh of the redis image: prepend redis-server to flags, then exec. */
export const redisEntrypoint: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-') || args[0]?.endsWith('.conf')) args = ['redis-server', ...args];
  return yield* execArgs(ctx, args, 24);
};

/** /usr/local/bin/redis-server. */
export const redisServer: Program = function* (ctx) {
  const version = ctx.sys.image.version;
  if (ctx.argv.includes('--version') || ctx.argv.includes('-v')) {
    ctx.out(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=de33c0c7d2a1e8ee\n`);
    return 0;
  }
  const pid = ctx.pid;
  const portArg = ctx.argv.indexOf('--port');
  const port = portArg > 0 ? Number(ctx.argv[portArg + 1]) : 6379;
  const log = (role: string, mark: string, msg: string) => ctx.out(`${pid}:${role} ${redisTime(ctx.sys.clock.now())} ${mark} ${msg}\n`);
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
  if (!ctx.argv.slice(1).some((a) => a.endsWith('.conf'))) {
    log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  }
  yield* sleep(1);
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  log('M', '*', `Running mode=standalone, port=${port}.`);
  log('M', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  log('M', '*', 'Server initialized');
  const loaded = load(ctx);
  const data = loaded?.data ?? new Map<string, Value>();
  if (loaded) {
    log('M', '*', `Loading RDB produced by version ${version}`);
    log('M', '*', `RDB age ${Math.max(0, Math.round((ctx.sys.clock.now() - (loaded.savedAt ?? 0)) / 1000))} seconds`);
    log('M', '*', 'RDB memory usage when created 0.90 Mb');
    log('M', '*', `Done loading RDB, keys loaded: ${data.size}, keys expired: 0.`);
    log('M', '*', 'DB loaded from disk: 0.000 seconds');
  }
  log('M', '*', 'Ready to accept connections tcp');
  const doSave = () => save(ctx, data) === undefined;
  const handle = (req: HttpRequest): HttpResponse | undefined => {
    if (req.method !== 'REDIS') return undefined;
    const reply = redisCommand(data, JSON.parse(req.body ?? '[]') as string[], doSave);
    return { status: 200, headers: {}, body: JSON.stringify(reply) };
  };
  return yield* daemon(ctx, {
    ports: { [port]: handle },
    memoryBytes: 3.4 * 1024 * 1024,
    catches: ['SIGTERM', 'SIGINT'],
    *onSignal(sig) {
      ctx.out(`${pid}:signal-handler (${Math.floor(ctx.sys.clock.now() / 1000)}) Received ${sig} scheduling shutdown...\n`);
      yield* sleep(100);
      log('M', '*', 'User requested shutdown...');
      log('M', '*', 'Saving the final RDB snapshot before exiting.');
      const err = save(ctx, data);
      if (err) {
        log('M', '#', `Failed opening the temp RDB file temp-${pid}.rdb (in server root dir /data) for saving: ${err}`);
        log('M', '#', "Error trying to save the DB, can't exit.");
        return undefined;
      }
      log('M', '*', 'DB saved on disk');
      log('M', '#', 'Redis is now ready to exit, bye bye...');
      return 0;
    },
  });
};

function formatReply(r: RedisReply, tty: boolean, indent = ''): string {
  switch (r.t) {
    case 'status': return r.v;
    case 'error': return `(error) ${r.v}`;
    case 'int': return tty ? `(integer) ${r.v}` : String(r.v);
    case 'bulk': return r.v === null ? (tty ? '(nil)' : '') : tty ? JSON.stringify(r.v) : r.v;
    case 'array':
      if (r.v.length === 0) return tty ? '(empty array)' : '';
      return r.v.map((x, i) => (tty ? `${i === 0 ? '' : indent}${i + 1}) ${formatReply(x, tty, `${indent}   `)}` : formatReply(x, tty))).join('\n');
  }
}

/** Splits a redis-cli line the way it does (double quotes group words). */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** /usr/local/bin/redis-cli. */
export const redisCli: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-h') host = args[++i];
    else if (args[i] === '-p') port = Number(args[++i]);
    else if (args[i] === '--raw' || args[i] === '--no-raw') continue;
    else rest.push(args[i]);
  }
  const ips = isIPv4(host) ? [host] : ctx.sys.resolveHost(host);
  const send = (cmd: string[]): RedisReply | string => {
    if (!ips?.length) return `Could not connect to Redis at ${host}:${port}: Name does not resolve`;
    const r = ctx.sys.httpRequest(ips[0], port, { method: 'REDIS', path: '/', headers: {}, body: JSON.stringify(cmd), remoteAddr: ctx.sys.podIP });
    if (r.kind !== 'response') return `Could not connect to Redis at ${host}:${port}: ${r.kind === 'refused' ? 'Connection refused' : 'Connection timed out'}`;
    return JSON.parse(r.response.body) as RedisReply;
  };
  const tty = ctx.tty;
  if (rest.length) {
    const r = send(rest);
    if (typeof r === 'string') { ctx.err(`${r}\n`); return 1; }
    ctx.out(`${formatReply(r, tty)}\n`);
    return r.t === 'error' ? 1 : 0;
  }
  const prompt = () => `${host}:${port}> `;
  for (;;) {
    if (ctx.stdin.interactive) ctx.out(prompt());
    const line = yield* ctx.stdin.readLine();
    if (line === undefined) return 0;
    const cmd = splitArgs(line);
    if (cmd.length === 0) continue;
    if (/^(quit|exit)$/i.test(cmd[0])) return 0;
    const r = send(cmd);
    ctx.out(`${typeof r === 'string' ? r : formatReply(r, tty)}\n`);
  }
};

// PostgreSQL as the official image runs it (docker-library/postgres docker-entrypoint.sh): refuse an
// uninitialized cluster without POSTGRES_PASSWORD (exit 1 with the entrypoint's multi-line error),
// run initdb and a temporary server on first start, "Skipping initialization" when PGDATA holds a
// cluster, server logs on stderr, SIGINT (the image's STOPSIGNAL) as a fast shutdown; and psql.
// Protocol requests: method "PGSQL", body {user, password, db, sql}.
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import type { Effect } from '../../process/effects';
import { sleep } from '../../process/effects';
import { postgresTime } from '../../util/time-format';
import { daemon } from '../daemon';
import { execArgs } from '../exec-args';
import { containerFiles, postgresStore } from './records';
import { psqlTable, runSql } from './sql';
import { isIPv4 } from '../../process/resolver';

type Gen<T> = Generator<Effect, T, unknown>;

/** The entrypoint's error for an empty PGDATA without a password (docker_verify_minimum_env). */
export const POSTGRES_NO_PASSWORD = 'Error: Database is uninitialized and superuser password is not specified.\n' +
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n' +
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
  '       connections without a password. This is *not* recommended.\n\n' +
  '       See PostgreSQL documentation about "trust":\n' +
  '       https://www.postgresql.org/docs/current/auth-trust.html\n';

function pgdata(ctx: ProcCtx): string {
  return ctx.env.get('PGDATA') ?? '/var/lib/postgresql/data';
}

function banner(ctx: ProcCtx): string {
  const v = ctx.sys.image.version;
  const alpine = ctx.sys.image.os.flavor === 'alpine';
  return alpine ? `starting PostgreSQL ${v} on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`
    : `starting PostgreSQL ${v} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
}

/** A server log line. The temporary server of the entrypoint logs to pg_ctl's stdout; PID 1 to stderr. */
const log = (ctx: ProcCtx, pid: number, msg: string, temp = false) => {
  const line = `${postgresTime(ctx.sys.clock.now())} [${pid}] LOG:  ${msg}\n`;
  if (temp) ctx.out(line); else ctx.err(line);
};

function checkpointLine(ctx: ProcCtx): string {
  const ms = (n: number) => (n / 1000).toFixed(3);
  return `checkpoint complete: wrote ${3 + ctx.sys.rng.int(920)} buffers (${(ctx.sys.rng.next() * 5).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=${ms(4 + ctx.sys.rng.int(30))} s, sync=${ms(2 + ctx.sys.rng.int(10))} s, total=${ms(20 + ctx.sys.rng.int(40))} s; sync files=${2 + ctx.sys.rng.int(300)}, longest=0.002 s, average=0.001 s; distance=${ctx.sys.rng.int(9000)} kB, estimate=${ctx.sys.rng.int(9000)} kB; lsn=0/1${(0x4e4f28 + ctx.sys.rng.int(0xffff)).toString(16).toUpperCase()}, redo lsn=0/1${(0x4e4f28).toString(16).toUpperCase()}`;
}

function* serverStart(ctx: ProcCtx, pid: number, listenAll: boolean): Gen<void> {
  const data = pgdata(ctx);
  log(ctx, pid, banner(ctx), !listenAll);
  if (listenAll) {
    log(ctx, pid, 'listening on IPv4 address "0.0.0.0", port 5432', !listenAll);
    log(ctx, pid, 'listening on IPv6 address "::", port 5432', !listenAll);
  }
  log(ctx, pid, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"', !listenAll);
  yield* sleep(6 + ctx.sys.rng.int(8));
  const stopped = ctx.sys.fs.read(`${data}/global/pg_control`);
  const at = typeof stopped === 'string' && stopped.startsWith('shut down') ? stopped.split(' at ')[1]?.trim() : undefined;
  if (typeof stopped === 'string' && stopped.startsWith('in production')) {
    log(ctx, ctx.sys.newPid() + 60, `database system was interrupted; last known up at ${stopped.split(' at ')[1]?.trim()}`, !listenAll);
    log(ctx, ctx.sys.newPid() + 60, 'database system was not properly shut down; automatic recovery in progress', !listenAll);
  } else log(ctx, ctx.sys.newPid() + 60, `database system was shut down at ${at ?? postgresTime(ctx.sys.clock.now()).replace(/\.\d+ UTC/, ' UTC')}`, !listenAll);
  ctx.sys.fs.write(`${data}/global/pg_control`, `in production at ${postgresTime(ctx.sys.clock.now()).replace(/\.\d+ UTC/, ' UTC')}`);
  yield* sleep(4);
  log(ctx, pid, 'database system is ready to accept connections', !listenAll);
}

function serverStop(ctx: ProcCtx, pid: number, kind: 'fast' | 'smart', temp = false): void {
  log(ctx, pid, `received ${kind} shutdown request`, temp);
  if (kind === 'fast') log(ctx, pid, 'aborting any active transactions', temp);
  log(ctx, pid, `background worker "logical replication launcher" (PID ${pid + 6}) exited with exit code 1`, temp);
  log(ctx, pid + 1, 'shutting down', temp);
  log(ctx, pid + 1, `checkpoint starting: shutdown immediate`, temp);
  log(ctx, pid + 1, checkpointLine(ctx), temp);
  log(ctx, pid, 'database system is shut down', temp);
  ctx.sys.fs.write(`${pgdata(ctx)}/global/pg_control`, `shut down at ${postgresTime(ctx.sys.clock.now()).replace(/\.\d+ UTC/, ' UTC')}`);
}

function* initdb(ctx: ProcCtx): Gen<boolean> {
  const data = pgdata(ctx);
  const fs = ctx.sys.fs;
  ctx.out('The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n' +
    'The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\n' +
    'The default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\n');
  ctx.out(`fixing permissions on existing directory ${data} ... ok\n`);
  if (fs.mkdir(`${data}/base`, true)) { ctx.err(`initdb: error: could not create directory "${data}/base": Read-only file system\n`); return false; }
  for (const d of ['global', 'pg_wal', 'pg_xact', 'pg_stat', 'pg_tblspc', 'base/1', 'base/4', 'base/5']) fs.mkdir(`${data}/${d}`, true);
  ctx.out('creating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default "max_connections" ... 100\n' +
    'selecting default "shared_buffers" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\n');
  yield* sleep(500 + ctx.sys.rng.int(400));
  const major = ctx.sys.image.version.split('.')[0];
  fs.write(`${data}/PG_VERSION`, `${major}\n`);
  fs.write(`${data}/postgresql.conf`, "listen_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\n");
  fs.write(`${data}/pg_hba.conf`, 'local   all             all                                     trust\nhost    all             all             127.0.0.1/32            trust\n' +
    'host    all             all             ::1/128                 trust\n\nhost all all all scram-sha-256\n');
  fs.write(`${data}/pg_ident.conf`, '');
  fs.write(`${data}/postgresql.auto.conf`, '# Do not edit this file manually!\n# It will be overwritten by the ALTER SYSTEM command.\n');
  ctx.out('running bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\n' +
    `Success. You can now start the database server using:\n\n    pg_ctl -D ${data} -l logfile start\n\n`);
  ctx.err('initdb: warning: enabling "trust" authentication for local connections\n' +
    'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
  return true;
}

/** /usr/local/bin/docker-entrypoint.sh of the postgres image. */
export const postgresEntrypoint: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['postgres', ...args];
  if (args[0] === 'postgres' && !args.some((a) => /^(--help|-\?|--version|-V|--describe-config)$/.test(a))) {
    const data = pgdata(ctx);
    const fs = ctx.sys.fs;
    if (!fs.stat(data)) fs.mkdir(data, true);
    if (fs.stat(`${data}/PG_VERSION`)) {
      ctx.out('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
    } else {
      const password = ctx.env.get('POSTGRES_PASSWORD') ?? '';
      if (!password && ctx.env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
        ctx.err(POSTGRES_NO_PASSWORD);
        return 1;
      }
      if (!(yield* initdb(ctx))) return 1;
      const tmp = ctx.sys.newPid() + 40;
      ctx.out('waiting for server to start....');
      yield* serverStart(ctx, tmp, false);
      ctx.out(' done\nserver started\n');
      const db = ctx.env.get('POSTGRES_DB') ?? ctx.env.get('POSTGRES_USER') ?? 'postgres';
      const store = postgresStore(containerFiles(fs), data);
      store.replace('pg_catalog.pg_authid', [{ user: ctx.env.get('POSTGRES_USER') ?? 'postgres', password }]);
      if (db !== 'postgres') { ctx.out('CREATE DATABASE\n'); store.replace(`pg_catalog.db_${db}`, []); }
      ctx.out('\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n');
      ctx.out('waiting for server to shut down...');
      serverStop(ctx, tmp, 'fast', true);
      ctx.out(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
    }
  }
  return yield* execArgs(ctx, args, 390);
};

function pgWire(ctx: ProcCtx, req: HttpRequest): HttpResponse | undefined {
  if (req.method !== 'PGSQL') return undefined;
  const q = JSON.parse(req.body ?? '{}') as { user: string; password?: string; db: string; sql: string; local?: boolean };
  const store = postgresStore(containerFiles(ctx.sys.fs), pgdata(ctx));
  const auth = store.rows('pg_catalog.pg_authid')[0] as { user: string; password: string } | undefined;
  const reply = (b: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(b) });
  if (auth && q.user !== auth.user) return reply({ fatal: `role "${q.user}" does not exist` });
  if (auth && !q.local && auth.password && q.password !== auth.password) return reply({ fatal: `password authentication failed for user "${q.user}"` });
  return reply(runSql(q.sql, store, q.db, { version: `PostgreSQL ${ctx.sys.image.version} (Debian ${ctx.sys.image.version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    current_database: q.db, current_user: q.user, now: postgresTime(ctx.sys.clock.now()).replace(' UTC', '+00') }));
}

/** The postgres server (PID 1 after the entrypoint). */
export const postgres: Program = function* (ctx) {
  if (ctx.argv.includes('--version') || ctx.argv.includes('-V')) { ctx.out(`postgres (PostgreSQL) ${ctx.sys.image.version} (Debian ${ctx.sys.image.version}-1.pgdg120+1)\n`); return 0; }
  if (!ctx.sys.fs.stat(`${pgdata(ctx)}/PG_VERSION`)) {
    ctx.err(`postgres: could not access the server configuration file "${pgdata(ctx)}/postgresql.conf": No such file or directory\n`);
    return 2;
  }
  yield* serverStart(ctx, ctx.pid, true);
  return yield* daemon(ctx, {
    ports: { 5432: (req) => pgWire(ctx, req) },
    memoryBytes: (36 + ctx.sys.rng.int(8)) * 1024 * 1024,
    catches: ['SIGINT', 'SIGTERM', 'SIGQUIT'],
    *onSignal(sig) {
      if (sig === 'SIGQUIT') { log(ctx, ctx.pid, 'received immediate shutdown request'); log(ctx, ctx.pid, 'database system is shut down'); return 0; }
      serverStop(ctx, ctx.pid, sig === 'SIGINT' ? 'fast' : 'smart');
      yield* sleep(30);
      return 0;
    },
  });
};

/** /usr/bin/psql: -c, -U, -d, -h, and a `postgres=#` prompt. */
export const psql: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  let user = ctx.env.get('PGUSER') ?? 'postgres', host = ctx.env.get('PGHOST') ?? '', db: string | undefined, cmd: string | undefined;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === '-U') user = a[++i]; else if (x.startsWith('-U')) user = x.slice(2);
    else if (x === '-h') host = a[++i];
    else if (x === '-d') db = a[++i];
    else if (x === '-c') cmd = a[++i];
    else if (x.startsWith('postgres://') || x.startsWith('postgresql://')) {
      const m = /^postgres(?:ql)?:\/\/(?:([^:@]+)(?::[^@]*)?@)?([^:/]+)(?::\d+)?(?:\/(\w+))?/.exec(x);
      if (m) { user = m[1] ?? user; host = m[2]; db = m[3] ?? db; }
    } else if (!x.startsWith('-')) db = x;
  }
  db ??= user;
  const local = !host || host === 'localhost' || host === '127.0.0.1';
  const ips = local ? ['127.0.0.1'] : isIPv4(host) ? [host] : ctx.sys.resolveHost(host);
  const query = (sql: string): string | { out: string } => {
    if (!ips?.length) return `psql: error: could not translate host name "${host}" to address: Name or service not known`;
    const r = ctx.sys.httpRequest(ips[0], 5432, { method: 'PGSQL', path: '/', headers: {}, body: JSON.stringify({ user, password: ctx.env.get('PGPASSWORD'), db, sql, local }), remoteAddr: ctx.sys.podIP });
    if (r.kind !== 'response') {
      return local ? 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?'
        : `psql: error: connection to server at "${host}" (${ips[0]}), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`;
    }
    const res = JSON.parse(r.response.body) as { fatal?: string; error?: string; tag?: string; columns?: string[]; rows?: string[][] };
    if (res.fatal) return `psql: error: connection to server ${local ? 'on socket "/var/run/postgresql/.s.PGSQL.5432"' : `at "${host}" (${ips[0]}), port 5432`} failed: FATAL:  ${res.fatal}`;
    if (res.error) return { out: `ERROR:  ${res.error}\n` };
    if (res.tag) return { out: `${res.tag}\n` };
    return { out: psqlTable({ columns: res.columns!, rows: res.rows! }) };
  };
  const meta = (line: string): string | undefined => {
    if (line === '\\l') return query('SELECT 1') instanceof Object ? `                                                    List of databases\n   Name    |  Owner   | Encoding | Locale Provider |  Collate   |   Ctype    \n-----------+----------+----------+-----------------+------------+------------\n ${db!.padEnd(9)} | ${user.padEnd(8)} | UTF8     | libc            | en_US.utf8 | en_US.utf8\n(1 row)\n\n` : undefined;
    return undefined;
  };
  if (cmd !== undefined) {
    const r = meta(cmd) ?? query(cmd);
    if (typeof r === 'string') { ctx.err(`${r}\n`); return 2; }
    if (r.out.startsWith('ERROR')) { ctx.err(r.out); return 1; }
    ctx.out(r.out);
    return 0;
  }
  if (ctx.stdin.interactive) ctx.out(`psql (${ctx.sys.image.version} (Debian ${ctx.sys.image.version}-1.pgdg120+1))\nType "help" for help.\n\n`);
  for (;;) {
    if (ctx.stdin.interactive) ctx.out(`${db}=# `);
    const line = yield* ctx.stdin.readLine();
    if (line === undefined || line.trim() === '\\q') return 0;
    if (!line.trim()) continue;
    const r = meta(line.trim()) ?? query(line);
    if (typeof r === 'string') { ctx.err(`${r}\n`); return 2; }
    ctx.out(r.out);
  }
};

/** pg_isready. */
export const pgIsready: Program = function* (ctx) {
  const ok = ctx.sys.connect('127.0.0.1', 5432) === 'open';
  ctx.out(`/var/run/postgresql:5432 - ${ok ? 'accepting connections' : 'no response'}\n`);
  return ok ? 0 : 2;
};

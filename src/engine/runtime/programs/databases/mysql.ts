// MySQL as the official image runs it (docker-library/mysql docker-entrypoint.sh): "[Note]
// [Entrypoint]" lines, the error for an empty datadir without MYSQL_ROOT_PASSWORD /
// MYSQL_ALLOW_EMPTY_PASSWORD / MYSQL_RANDOM_ROOT_PASSWORD, the first-start initialization with a
// temporary server, mysqld's error log, SIGTERM shutdown; and the mysql client.
// Protocol requests: method "MYSQL", body {user, password, db, sql}.
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import type { Effect } from '../../process/effects';
import { sleep } from '../../process/effects';
import { mysqldTime, rfc3339Seconds } from '../../util/time-format';
import { daemon } from '../daemon';
import { execArgs } from '../exec-args';
import { containerFiles, mysqlStore } from './records';
import { mysqlTable, runSql } from './sql';
import { isIPv4 } from '../../process/resolver';

type Gen<T> = Generator<Effect, T, unknown>;
const DATADIR = '/var/lib/mysql';

/** The entrypoint's error for an empty datadir without a root password option. */
export const MYSQL_NO_PASSWORD = 'Database is uninitialized and password option is not specified\n' +
  '    You need to specify one of the following as an environment variable:\n' +
  '    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD';

function note(ctx: ProcCtx, type: 'Note' | 'Warn' | 'ERROR', text: string): void {
  const line = `${rfc3339Seconds(ctx.sys.clock.now())} [${type}] [Entrypoint]: ${text}\n`;
  if (type === 'Note') ctx.out(line); else ctx.err(line);
}

function mysqld(ctx: ProcCtx, thread: number, level: string, code: string, sub: string, msg: string): void {
  ctx.err(`${mysqldTime(ctx.sys.clock.now())} ${thread} [${level}] [${code}] [${sub}] ${msg}\n`);
}

function* serverUp(ctx: ProcCtx, pid: number, port: number): Gen<void> {
  const v = ctx.sys.image.version;
  mysqld(ctx, 0, 'System', 'MY-015015', 'Server', 'MySQL Server - start.');
  mysqld(ctx, 0, 'System', 'MY-010116', 'Server', `/usr/sbin/mysqld (mysqld ${v}) starting as process ${pid}`);
  mysqld(ctx, 1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.');
  yield* sleep(600 + ctx.sys.rng.int(400));
  mysqld(ctx, 1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.');
  mysqld(ctx, 0, 'Warning', 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.');
  mysqld(ctx, 0, 'System', 'MY-013602', 'Server', 'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.');
  mysqld(ctx, 0, 'Warning', 'MY-011810', 'Server', "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
  if (port) mysqld(ctx, 0, 'System', 'MY-011323', 'Server', 'X Plugin ready for connections. Bind-address: \'::\' port: 33060, socket: /var/run/mysqld/mysqlx.sock');
  else mysqld(ctx, 0, 'System', 'MY-011323', 'Server', 'X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock');
  mysqld(ctx, 0, 'System', 'MY-010931', 'Server', `/usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server - GPL.`);
}

function serverDown(ctx: ProcCtx, how: string): void {
  const v = ctx.sys.image.version;
  mysqld(ctx, 0, 'System', 'MY-013172', 'Server', `Received SHUTDOWN from user ${how}. Shutting down mysqld (Version: ${v}).`);
  mysqld(ctx, 0, 'System', 'MY-010910', 'Server', `/usr/sbin/mysqld: Shutdown complete (mysqld ${v})  MySQL Community Server - GPL.`);
}

/** /usr/local/bin/docker-entrypoint.sh of the mysql image. */
export const mysqlEntrypoint: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['mysqld', ...args];
  if (args[0] === 'mysqld' && !args.some((a) => /^(--help|--verbose|-V|--version)$/.test(a))) {
    const fullVersion = ctx.env.get('MYSQL_VERSION') ?? `${ctx.sys.image.version}-1.el9`;
    note(ctx, 'Note', `Entrypoint script for MySQL Server ${fullVersion} started.`);
    note(ctx, 'Note', "Switching to dedicated user 'mysql'");
    note(ctx, 'Note', `Entrypoint script for MySQL Server ${fullVersion} started.`);
    const fs = ctx.sys.fs;
    if (!fs.stat(`${DATADIR}/mysql`)) {
      const root = ctx.env.get('MYSQL_ROOT_PASSWORD') ?? '';
      if (!root && !ctx.env.get('MYSQL_ALLOW_EMPTY_PASSWORD') && !ctx.env.get('MYSQL_RANDOM_ROOT_PASSWORD')) {
        note(ctx, 'ERROR', MYSQL_NO_PASSWORD);
        return 1;
      }
      note(ctx, 'Note', 'Initializing database files');
      mysqld(ctx, 0, 'System', 'MY-015017', 'Server', 'MySQL Server Initialization - start.');
      mysqld(ctx, 0, 'System', 'MY-013169', 'Server', `/usr/sbin/mysqld (mysqld ${ctx.sys.image.version}) initializing of server in progress as process ${ctx.sys.newPid() + 70}`);
      yield* sleep(4000 + ctx.sys.rng.int(2000));
      if (fs.mkdir(`${DATADIR}/mysql`, true)) { mysqld(ctx, 0, 'ERROR', 'MY-010187', 'Server', "Could not open file '/var/lib/mysql/mysql': Read-only file system"); return 1; }
      for (const d of ['performance_schema', 'sys', '#innodb_redo', '#innodb_temp']) fs.mkdir(`${DATADIR}/${d}`, true);
      for (const f of ['auto.cnf', 'ibdata1', 'undo_001', 'undo_002', 'binlog.000001', 'binlog.index', 'ca.pem', 'server-cert.pem']) fs.write(`${DATADIR}/${f}`, '');
      mysqld(ctx, 6, 'Warning', 'MY-010453', 'Server', 'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.');
      mysqld(ctx, 0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.');
      note(ctx, 'Note', 'Database files initialized');
      note(ctx, 'Note', 'Starting temporary server');
      const tmp = { ...ctx, pid: ctx.sys.newPid() + 120 };
      yield* serverUp(tmp, tmp.pid, 0);
      note(ctx, 'Note', 'Temporary server started.');
      ctx.out("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n");
      mysqld(ctx, 10, 'Warning', 'MY-000081', 'Server', 'option \'--time-zone\' is deprecated and will be removed in a future release.');
      const store = mysqlStore(containerFiles(fs), DATADIR);
      let pass = root;
      if (ctx.env.get('MYSQL_RANDOM_ROOT_PASSWORD')) {
        pass = Array.from({ length: 32 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[ctx.sys.rng.int(57)]).join('');
        note(ctx, 'Note', `GENERATED ROOT PASSWORD: ${pass}`);
      }
      const users = [{ user: 'root', password: pass }];
      const db = ctx.env.get('MYSQL_DATABASE');
      if (db) { note(ctx, 'Note', `Creating database ${db}`); store.create(`${db}.__db`); }
      const user = ctx.env.get('MYSQL_USER');
      if (user && ctx.env.get('MYSQL_PASSWORD')) {
        note(ctx, 'Note', `Creating user ${user}`);
        users.push({ user, password: ctx.env.get('MYSQL_PASSWORD')! });
        if (db) note(ctx, 'Note', `Giving user ${user} access to schema ${db}`);
      }
      store.replace('mysql.user', users);
      note(ctx, 'Note', 'Stopping temporary server');
      serverDown(tmp, 'root');
      note(ctx, 'Note', 'Temporary server stopped');
      ctx.out('\n');
      note(ctx, 'Note', 'MySQL init process done. Ready for start up.');
      ctx.out('\n');
    }
  }
  return yield* execArgs(ctx, args, 414);
};

function mysqlWire(ctx: ProcCtx, req: HttpRequest): HttpResponse | undefined {
  if (req.method !== 'MYSQL') return undefined;
  const q = JSON.parse(req.body ?? '{}') as { user: string; password?: string; db?: string; sql: string };
  const store = mysqlStore(containerFiles(ctx.sys.fs), DATADIR);
  const reply = (b: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(b) });
  const u = (store.rows('mysql.user') as { user: string; password: string }[]).find((x) => x.user === q.user);
  if (!u || (u.password ?? '') !== (q.password ?? '')) {
    return reply({ fatal: `ERROR 1045 (28000): Access denied for user '${q.user}'@'${req.remoteAddr === ctx.sys.podIP || req.remoteAddr === '127.0.0.1' ? 'localhost' : req.remoteAddr}' (using password: ${q.password ? 'YES' : 'NO'})` });
  }
  if (/^show\s+databases;?$/i.test(q.sql.trim())) {
    const dbs = [...new Set(store.tables().map((t) => t.split('.')[0]))].filter((d) => d !== 'mysql');
    return reply({ columns: ['Database'], rows: [...dbs, 'information_schema', 'mysql', 'performance_schema', 'sys'].sort().map((d) => [d]) });
  }
  return reply(runSql(q.sql, store, q.db ?? 'mysql', { version: `${ctx.sys.image.version}`, database: q.db ?? 'NULL', __literal: q.sql.replace(/^select\s+/i, '').replace(/;$/, '') }));
}

/** /usr/sbin/mysqld. */
export const mysqldProgram: Program = function* (ctx) {
  if (ctx.argv.includes('--version') || ctx.argv.includes('-V')) { ctx.out(`/usr/sbin/mysqld  Ver ${ctx.sys.image.version} for Linux on x86_64 (MySQL Community Server - GPL)\n`); return 0; }
  yield* serverUp(ctx, ctx.pid, 3306);
  return yield* daemon(ctx, {
    ports: { 3306: (req) => mysqlWire(ctx, req), 33060: 'tcp' },
    memoryBytes: (385 + ctx.sys.rng.int(30)) * 1024 * 1024,
    cpuMilli: 8,
    catches: ['SIGTERM', 'SIGINT'],
    *onSignal() {
      yield* sleep(800);
      serverDown(ctx, '<via user signal>');
      return 0;
    },
  });
};

/** /usr/bin/mysql: -u, -p, -h, -e, database. */
export const mysqlClient: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  let user = 'root', password: string | undefined, host = 'localhost', db: string | undefined, sql: string | undefined;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === '-u') user = a[++i]; else if (x.startsWith('-u')) user = x.slice(2);
    else if (x.startsWith('--user=')) user = x.slice(7);
    else if (x.startsWith('-p') && x.length > 2) password = x.slice(2);
    else if (x.startsWith('--password=')) password = x.slice(11);
    else if (x === '-h') host = a[++i]; else if (x.startsWith('-h')) host = x.slice(2);
    else if (x === '-e') sql = a[++i]; else if (x.startsWith('--execute=')) sql = x.slice(10);
    else if (!x.startsWith('-')) db = x;
  }
  if (password !== undefined) ctx.err('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
  const local = host === 'localhost' || host === '127.0.0.1';
  const ips = local ? ['127.0.0.1'] : isIPv4(host) ? [host] : ctx.sys.resolveHost(host);
  const run = (q: string): { out?: string; err?: string; fatal?: boolean } => {
    if (!ips?.length) return { err: `ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)`, fatal: true };
    const r = ctx.sys.httpRequest(ips[0], 3306, { method: 'MYSQL', path: '/', headers: {}, body: JSON.stringify({ user, password, db, sql: q }), remoteAddr: local ? '127.0.0.1' : ctx.sys.podIP });
    if (r.kind !== 'response') {
      return { err: local ? "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
        : `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:3306' (111)`, fatal: true };
    }
    const res = JSON.parse(r.response.body) as { fatal?: string; error?: string; tag?: string; columns?: string[]; rows?: string[][] };
    if (res.fatal) return { err: res.fatal, fatal: true };
    if (res.error) return { err: `ERROR 1146 (42S02) at line 1: ${res.error}` };
    if (res.tag) return { out: ctx.tty ? `Query OK, ${res.tag.startsWith('INSERT') ? res.tag.split(' ').pop() : 0} rows affected (0.01 sec)\n\n` : '' };
    return { out: mysqlTable({ columns: res.columns!, rows: res.rows! }, ctx.tty) };
  };
  if (sql !== undefined) {
    const r = run(sql);
    if (r.err) { ctx.err(`${r.err}\n`); return 1; }
    ctx.out(r.out ?? '');
    return 0;
  }
  const hello = run('SELECT 1');
  if (hello.fatal) { ctx.err(`${hello.err}\n`); return 1; }
  if (ctx.stdin.interactive) ctx.out(`Welcome to the MySQL monitor.  Commands end with ; or \\g.\nServer version: ${ctx.sys.image.version} MySQL Community Server - GPL\n\nmysql> `);
  for (;;) {
    const line = yield* ctx.stdin.readLine();
    if (line === undefined || /^(exit|quit|\\q);?$/i.test(line.trim())) { if (ctx.stdin.interactive) ctx.out('Bye\n'); return 0; }
    if (line.trim()) { const r = run(line); if (r.err) ctx.err(`${r.err}\n`); else ctx.out(r.out ?? ''); }
    if (ctx.stdin.interactive) ctx.out('mysql> ');
  }
};

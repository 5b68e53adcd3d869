// nginx as the official image runs it: master + `worker_processes auto` workers, notice-level
// start-up lines on stderr, the access log (log_format main) on stdout, static files from the
// container's filesystem with nginx's headers and error pages, proxy_pass, and its signal handling
// (SIGQUIT graceful, SIGTERM/SIGINT fast, SIGHUP reload). Texts from nginx src/core/nginx.c,
// src/os/unix/ngx_process_cycle.c, src/http/ngx_http_special_response.c.
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import { sleep } from '../../process/effects';
import { SIGNAL_NUMBERS, type Signal } from '../../process/signals';
import { clfTime, httpDate, nginxErrorTime } from '../../util/time-format';
import { byteLength, mimeType, parseUrl } from '../../util/http-message';
import { NginxConfError, loadNginxConfig, matchLocation, type NginxConfig, type NginxServer } from './nginx-conf';

const PAGE_TITLES: Record<number, string> = {
  301: '301 Moved Permanently', 302: '302 Found', 400: '400 Bad Request', 403: '403 Forbidden', 404: '404 Not Found',
  405: '405 Not Allowed', 500: '500 Internal Server Error', 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/** nginx's built-in error page (ngx_http_error_pages + ngx_http_error_full_tail). */
export function nginxErrorPage(status: number, version: string): string {
  const title = PAGE_TITLES[status] ?? `${status}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];

interface NginxState {
  ctx: ProcCtx;
  version: string;
  cfg: NginxConfig;
  master: number;
  workers: number[];
  conn: number;
  reloaded?: boolean;
}

function log(st: NginxState, level: string, pid: number, msg: string): void {
  if (LEVELS.indexOf(level) < LEVELS.indexOf(st.cfg.errorLogLevel)) return;
  st.ctx.err(`${nginxErrorTime(st.ctx.sys.clock.now())} [${level}] ${pid}#${pid}: ${msg}\n`);
}

function respond(st: NginxState, req: HttpRequest, status: number, headers: Record<string, string>, body: string): HttpResponse {
  const head = req.method === 'HEAD';
  const keep = (req.headers.Connection ?? req.headers.connection ?? '').toLowerCase() === 'close' ? 'close' : 'keep-alive';
  // Header order as nginx writes them: Location, ETag and Accept-Ranges come after Connection.
  const { ETag: etag, 'Accept-Ranges': ranges, Location: location, ...rest } = headers;
  const out: Record<string, string> = { Server: `nginx/${st.version}`, Date: httpDate(st.ctx.sys.clock.now()), ...rest, Connection: keep };
  if (location) out.Location = location;
  if (etag) out.ETag = etag;
  if (ranges) out['Accept-Ranges'] = ranges;
  const ua = req.headers['User-Agent'] ?? req.headers['user-agent'] ?? '-';
  const xff = req.headers['X-Forwarded-For'] ?? req.headers['x-forwarded-for'] ?? '-';
  const referer = req.headers.Referer ?? req.headers.referer ?? '-';
  st.ctx.out(`${req.remoteAddr} - - [${clfTime(st.ctx.sys.clock.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${head ? 0 : byteLength(body)} "${referer}" "${ua}" "${xff}"\n`);
  return { status, headers: out, body: head ? '' : body };
}

function errorResponse(st: NginxState, req: HttpRequest, status: number, extra: Record<string, string> = {}): HttpResponse {
  const body = nginxErrorPage(status, st.version);
  return respond(st, req, status, { 'Content-Type': 'text/html', 'Content-Length': String(byteLength(body)), ...extra }, body);
}

function serve(st: NginxState, server: NginxServer, req: HttpRequest): HttpResponse {
  const fs = st.ctx.sys.fs;
  const uri = decodeURIComponent(req.path.split('?')[0] || '/');
  const host = req.headers.Host ?? req.headers.host ?? st.ctx.sys.podIP;
  const worker = st.workers[st.conn % Math.max(1, st.workers.length)] ?? st.master;
  const n = ++st.conn;
  const where = `client: ${req.remoteAddr}, server: ${server.serverName}, request: "${req.method} ${req.path} HTTP/1.1", host: "${host}"`;
  const loc = matchLocation(server, uri);
  if (loc?.ret) {
    const { code, text } = loc.ret;
    if (code >= 300 && code < 400 && text) return errorResponse(st, req, code, { Location: text });
    const body = text !== undefined ? `${text}` : nginxErrorPage(code, st.version);
    return respond(st, req, code, { 'Content-Type': text !== undefined ? loc.defaultType ?? 'application/octet-stream' : 'text/html', 'Content-Length': String(byteLength(body)) }, body);
  }
  if (loc?.proxyPass) return proxy(st, server, req, loc.proxyPass.url, uri, loc.match, where, worker, n);
  if (req.method !== 'GET' && req.method !== 'HEAD') return errorResponse(st, req, 405);
  const root = loc?.root ?? server.root;
  const index = loc?.index ?? server.index;
  let path = `${root.replace(/\/$/, '')}${uri}`;
  let st2 = fs.stat(path);
  if (uri.endsWith('/')) {
    const found = index.map((i) => `${path}${i}`).find((p) => fs.stat(p)?.type === 'file');
    if (!found) {
      if (st2?.type === 'dir') {
        log(st, 'error', worker, `*${n} directory index of "${path}" is forbidden, ${where}`);
        return errorResponse(st, req, 403);
      }
      log(st, 'error', worker, `*${n} "${path}${index[0]}" is not found (2: No such file or directory), ${where}`);
      return errorResponse(st, req, 404);
    }
    path = found;
    st2 = fs.stat(path);
  } else if (st2?.type === 'dir') {
    return errorResponse(st, req, 301, { Location: `http://${host}${uri}/` });
  }
  const content = st2?.type === 'file' ? fs.read(path) : undefined;
  if (typeof content !== 'string') {
    log(st, 'error', worker, `*${n} open() "${path}" failed (2: No such file or directory), ${where}`);
    return errorResponse(st, req, 404);
  }
  const size = byteLength(content);
  const mtime = st2!.mtime;
  return respond(st, req, 200, {
    'Content-Type': loc?.defaultType && !path.includes('.') ? loc.defaultType : mimeType(path), 'Content-Length': String(size),
    'Last-Modified': httpDate(mtime), ETag: `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`, 'Accept-Ranges': 'bytes',
  }, content);
}

function proxy(st: NginxState, server: NginxServer, req: HttpRequest, target: string, uri: string, prefix: string, where: string, worker: number, n: number): HttpResponse {
  const url = parseUrl(target)!;
  const ips = st.ctx.sys.resolveHost(url.host) ?? [];
  const upstreamPath = url.path !== '/' || target.replace(/^https?:\/\/[^/]+/, '') !== '' ? url.path.replace(/\/$/, '') + uri.slice(prefix.replace(/\/$/, '').length) : req.path;
  const upstream = `http://${ips[0] ?? url.host}:${url.port}${upstreamPath}`;
  const r = ips[0] ? st.ctx.sys.httpRequest(ips[0], url.port, { ...req, path: upstreamPath, headers: { ...req.headers, Host: url.host, Connection: 'close' },
    remoteAddr: st.ctx.sys.podIP }) : { kind: 'unreachable' as const };
  if (r.kind === 'response') {
    const { Server: _s, Date: _d, Connection: _c, ...rest } = r.response.headers;
    return respond(st, req, r.response.status, rest, r.response.body);
  }
  const why = r.kind === 'refused' ? '(111: Connection refused) while connecting to upstream' : r.kind === 'timeout' ? '(110: Connection timed out) while connecting to upstream'
    : '(113: No route to host) while connecting to upstream';
  log(st, 'error', worker, `*${n} connect() failed ${why}, ${where}, upstream: "${upstream}"`);
  return errorResponse(st, req, r.kind === 'timeout' ? 504 : 502);
}

function* shutdown(st: NginxState, sig: Signal): Generator<import('../../process/effects').Effect, number, unknown> {
  const graceful = sig === 'SIGQUIT';
  log(st, 'notice', st.master, `signal ${SIGNAL_NUMBERS[sig]} (${sig}) received, ${graceful ? 'shutting down' : 'exiting'}`);
  if (graceful) for (const w of st.workers) log(st, 'notice', w, 'gracefully shutting down');
  for (const w of st.workers) log(st, 'notice', w, 'exiting');
  for (const w of st.workers) log(st, 'notice', w, 'exit');
  yield* sleep(3 + st.ctx.sys.rng.int(8));
  st.workers.forEach((w, i) => {
    log(st, 'notice', st.master, `signal 17 (SIGCHLD) received from ${w}`);
    log(st, 'notice', st.master, `worker process ${w} exited with code 0`);
    if (i === 0 && st.workers.length > 1) log(st, 'notice', st.master, 'signal 29 (SIGIO) received');
  });
  log(st, 'notice', st.master, 'exit');
  st.ctx.sys.fs.remove('/var/run/nginx.pid');
  return 0;
}

function* control(ctx: ProcCtx, signal: string): Generator<import('../../process/effects').Effect, number, unknown> {
  const sig: Signal | undefined = { stop: 'SIGTERM', quit: 'SIGQUIT', reload: 'SIGHUP', reopen: 'SIGUSR1' }[signal] as Signal | undefined;
  const pidText = ctx.sys.fs.read('/var/run/nginx.pid');
  if (!sig) { ctx.err(`nginx: [emerg] invalid option: "-s ${signal}"\n`); return 1; }
  if (typeof pidText !== 'string') {
    ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n`);
    ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} [error] ${ctx.pid}#${ctx.pid}: open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
    return 1;
  }
  ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n`);
  ctx.sys.kill(Number(pidText.trim()), sig);
  return 0;
}

/** /usr/sbin/nginx. */
export const nginx: Program = function* (ctx) {
  const version = ctx.sys.image.version;
  const args = ctx.argv.slice(1);
  const globals: string[] = [];
  let test = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '-V') {
      ctx.err(`nginx version: nginx/${version}\n`);
      if (a === '-V') ctx.err(`built by ${ctx.sys.image.meta?.gcc?.trim() ?? 'gcc'}\nbuilt with OpenSSL 3.0.15 3 Sep 2024\nTLS SNI support enabled\n`);
      return 0;
    }
    if (a === '-t' || a === '-T') test = true;
    else if (a === '-g') globals.push(args[++i] ?? '');
    else if (a === '-s') return yield* control(ctx, args[++i] ?? '');
  }
  let cfg: NginxConfig;
  try {
    cfg = loadNginxConfig(ctx.sys.fs, globals);
    for (const srv of cfg.servers) for (const l of srv.locations) {
      if (!l.proxyPass) continue;
      const host = parseUrl(l.proxyPass.url)?.host ?? '';
      if (!ctx.sys.resolveHost(host)) throw new NginxConfError(`host not found in upstream "${l.proxyPass.url.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}" in ${l.proxyPass.file}:${l.proxyPass.line}`);
    }
  } catch (e) {
    if (!(e instanceof NginxConfError)) throw e;
    ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} [emerg] ${ctx.pid}#${ctx.pid}: ${e.message}\n`);
    ctx.err(`nginx: [emerg] ${e.message}\n`);
    if (test) ctx.err('nginx: configuration file /etc/nginx/nginx.conf test failed\n');
    return 1;
  }
  if (test) {
    ctx.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const st: NginxState = { ctx, version, cfg, master: ctx.pid, workers: [], conn: 0 };
  const bind = (s: NginxState) => {
    for (const srv of s.cfg.servers) for (const port of srv.ports) {
      ctx.sys.listen(port, { http: (req) => serve(s, s.cfg.servers.find((x) => x.ports.includes(port)) ?? srv, req) });
    }
  };
  const startWorkers = (s: NginxState) => {
    const count = s.cfg.workerProcesses === 'auto' ? ctx.sys.node.cpus : s.cfg.workerProcesses;
    s.workers = [];
    // The official image's entrypoint runs a few processes first: PID 1's workers start at 29.
    const base = ctx.pid === 1 && s.conn === 0 && !s.reloaded ? 29 : ctx.sys.newPid() + 1;
    s.reloaded = true;
    for (let i = 0; i < count; i++) {
      const pid = base + i;
      s.workers.push(pid);
      log(s, 'notice', s.master, `start worker process ${pid}`);
    }
    ctx.sys.setMemory(ctx.pid, (3.1 + 2.6 * count) * 1024 * 1024);
  };
  log(st, 'notice', st.master, 'using the "epoll" event method');
  log(st, 'notice', st.master, `nginx/${version}`);
  log(st, 'notice', st.master, `built by ${ctx.sys.image.meta?.gcc ?? 'gcc 12.2.0 (Debian 12.2.0-14) '}`);
  log(st, 'notice', st.master, `OS: Linux ${ctx.sys.node.kernel}`);
  log(st, 'notice', st.master, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  log(st, 'notice', st.master, 'start worker processes');
  startWorkers(st);
  bind(st);
  ctx.sys.fs.write('/var/run/nginx.pid', `${ctx.pid}\n`);
  ctx.signals.catchSignals(['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1']);
  if (!cfg.daemonOff) {
    // Without `daemon off;` the master forks into the background and this process returns at once.
    return 0;
  }
  for (;;) {
    const sig = yield* ctx.signals.nextSignal();
    if (sig === 'SIGHUP') {
      log(st, 'notice', st.master, 'signal 1 (SIGHUP) received from 0, reconfiguring');
      log(st, 'notice', st.master, 'reconfiguring');
      try {
        st.cfg = loadNginxConfig(ctx.sys.fs, globals);
      } catch (e) {
        if (!(e instanceof NginxConfError)) throw e;
        log(st, 'emerg', st.master, e.message);
        continue;
      }
      const old = st.workers;
      log(st, 'notice', st.master, 'using the "epoll" event method');
      log(st, 'notice', st.master, 'start worker processes');
      startWorkers(st);
      for (const w of old) log(st, 'notice', w, 'gracefully shutting down');
      for (const w of old) { log(st, 'notice', w, 'exiting'); log(st, 'notice', w, 'exit'); }
      bind(st);
      continue;
    }
    if (sig === 'SIGUSR1') { log(st, 'notice', st.master, 'signal 10 (SIGUSR1) received, reopening logs'); continue; }
    for (const srv of st.cfg.servers) for (const port of srv.ports) ctx.sys.unlisten(port);
    return yield* shutdown(st, sig);
  }
};

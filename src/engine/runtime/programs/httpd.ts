// Apache httpd as the official image runs it (httpd-foreground → httpd -DFOREGROUND): the AH00558
// ServerName warning twice, the AH00489/AH00094 notices, "It works!", the common-format access log
// on stdout, and SIGWINCH (the image's STOPSIGNAL) as a graceful stop. Also the PHP/Apache sample
// apps built on it (hpa-example, the guestbook frontend).
import type { HttpRequest, HttpResponse } from '../cri';
import type { Program, ProcCtx } from '../process/context';
import { sleep } from '../process/effects';
import { clfTime, httpDate, httpdTime } from '../util/time-format';
import { byteLength, mimeType } from '../util/http-message';
import { daemon } from './daemon';
import { execArgs } from './exec-args';

const NOT_FOUND = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
  '<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

function apacheLog(ctx: ProcCtx, module: string, msg: string): void {
  ctx.err(`[${httpdTime(ctx.sys.clock.now())}] [${module}] [pid ${ctx.pid}:tid ${ctx.pid}] ${msg}\n`);
}

function serverNameWarning(ctx: ProcCtx): void {
  ctx.err(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.sys.podIP || '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message\n`);
}

/** An Apache server: `handler` answers (default: files under DocumentRoot). */
function* apache(ctx: ProcCtx, serverToken: string, handler?: (req: HttpRequest) => HttpResponse): Generator<import('../process/effects').Effect, number, unknown> {
  serverNameWarning(ctx);
  serverNameWarning(ctx);
  yield* sleep(20 + ctx.sys.rng.int(30));
  apacheLog(ctx, serverToken.includes('PHP') ? 'mpm_prefork:notice' : 'mpm_event:notice', `AH00489: ${serverToken} configured -- resuming normal operations`);
  apacheLog(ctx, 'core:notice', `AH00094: Command line: '${serverToken.includes('PHP') ? 'apache2 -D FOREGROUND' : 'httpd -D FOREGROUND'}'`);
  const root = serverToken.includes('PHP') ? '/var/www/html' : '/usr/local/apache2/htdocs';
  const serve = (req: HttpRequest): HttpResponse => {
    const now = ctx.sys.clock.now();
    let res: HttpResponse;
    if (handler) res = handler(req);
    else {
      const uri = req.path.split('?')[0];
      const path = `${root}${uri.endsWith('/') ? `${uri}index.html` : uri}`;
      const content = ctx.sys.fs.read(path);
      if (typeof content === 'string') {
        const st = ctx.sys.fs.stat(path)!;
        res = { status: 200, headers: { Date: httpDate(now), Server: serverToken, 'Last-Modified': httpDate(st.mtime),
          ETag: `"${byteLength(content).toString(16)}-${(st.mtime * 1000).toString(16)}"`, 'Accept-Ranges': 'bytes',
          'Content-Length': String(byteLength(content)), 'Content-Type': mimeType(path) }, body: content };
      } else {
        res = { status: 404, headers: { Date: httpDate(now), Server: serverToken, 'Content-Length': String(byteLength(NOT_FOUND)),
          'Content-Type': 'text/html; charset=iso-8859-1' }, body: NOT_FOUND };
      }
    }
    const head = req.method === 'HEAD';
    ctx.out(`${req.remoteAddr} - - [${clfTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${head ? '-' : byteLength(res.body)}\n`);
    return head ? { ...res, body: '' } : res;
  };
  return yield* daemon(ctx, {
    ports: { 80: serve },
    memoryBytes: (serverToken.includes('PHP') ? 14 : 7.5) * 1024 * 1024,
    catches: ['SIGWINCH', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1'],
    *onSignal(sig) {
      if (sig === 'SIGWINCH') { apacheLog(ctx, 'mpm_event:notice', 'AH00492: caught SIGWINCH, shutting down gracefully'); return 0; }
      if (sig === 'SIGTERM' || sig === 'SIGINT') { apacheLog(ctx, 'mpm_event:notice', 'AH00491: caught SIGTERM, shutting down'); return 0; }
      if (sig === 'SIGHUP') apacheLog(ctx, 'mpm_event:notice', 'AH00493: SIGHUP received.  Attempting to restart');
      else apacheLog(ctx, 'mpm_event:notice', 'AH00494: SIGUSR1 received.  Doing graceful restart');
      return undefined;
    },
  });
}

/** /usr/local/apache2/bin/httpd. */
export const httpd: Program = function* (ctx) {
  const version = ctx.sys.image.version;
  if (ctx.argv.includes('-v')) {
    ctx.out(`Server version: Apache/${version} (Unix)\nServer built:   Jan  9 2025 02:09:02\n`);
    return 0;
  }
  return yield* apache(ctx, `Apache/${version} (Unix)`);
};

/** /usr/local/bin/httpd-foreground: `exec httpd -DFOREGROUND "$@"`. */
export const httpdForeground: Program = function* (ctx) {
  ctx.sys.fs.remove('/usr/local/apache2/logs/httpd.pid');
  return yield* execArgs(ctx, ['httpd', '-DFOREGROUND', ...ctx.argv.slice(1)], 7);
};

/**
 * registry.k8s.io/hpa-example: php-apache whose index.php burns CPU and answers "OK!" (the
 * HorizontalPodAutoscaler walkthrough).
 */
export const phpApache: Program = function* (ctx) {
  let busyUntil = 0;
  return yield* apache(ctx, 'Apache/2.4.10 (Debian)', () => {
    const now = ctx.sys.clock.now();
    // Each request computes a million square roots: ~200m of CPU for a fraction of a second.
    busyUntil = Math.max(busyUntil, now) + 200;
    ctx.sys.setCpu(ctx.pid, Math.min(1000, (busyUntil - now) * 5));
    ctx.sys.clock.after(busyUntil - now, () => { if (ctx.sys.clock.now() >= busyUntil) ctx.sys.setCpu(ctx.pid, 1); });
    return { status: 200, headers: { Date: httpDate(now), Server: 'Apache/2.4.10 (Debian)', 'X-Powered-By': 'PHP/5.6.40',
      'Content-Length': '3', 'Content-Type': 'text/html; charset=UTF-8' }, body: 'OK!' };
  });
};

/** The guestbook frontend (gb-frontend:v5): a PHP page. */
export const gbFrontend: Program = function* (ctx) {
  const page = '<html ng-app="redis">\n  <head>\n    <title>Guestbook</title>\n  </head>\n  <body ng-controller="RedisCtrl">\n' +
    '    <div style="width: 50%; margin-left: 20px">\n      <h2>Guestbook</h2>\n    </div>\n  </body>\n</html>\n';
  return yield* apache(ctx, 'Apache/2.4.38 (Debian)', () => ({ status: 200, headers: { Date: httpDate(ctx.sys.clock.now()),
    Server: 'Apache/2.4.38 (Debian)', 'Content-Length': String(byteLength(page)), 'Content-Type': 'text/html' }, body: page }));
};

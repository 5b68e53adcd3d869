// The sample servers of the Kubernetes and minikube docs: agnhost (netexec, serve-hostname,
// liveness, pause), echoserver 1.4/1.10, kicbase/echo-server, hello-app, goproxy, the liveness
// server, and the pod sandbox's pause.
import type { HttpRequest, HttpResponse } from '../cri';
import type { Program, ProcCtx } from '../process/context';
import { clfTime, httpDate, klogTime, nginxErrorTime } from '../util/time-format';
import { byteLength } from '../util/http-message';
import { daemon, text } from './daemon';

/** A klog line: "I0115 09:00:00.123456       1 file.go:42] message". */
export function klog(ctx: ProcCtx, level: 'I' | 'W' | 'E', where: string, msg: string): void {
  ctx.err(`${level}${klogTime(ctx.sys.clock.now())} ${String(ctx.pid).padStart(7)} ${where}] ${msg}\n`);
}

/** Go's log package: "2025/01/15 09:00:00 message". */
export function goLog(ctx: ProcCtx, msg: string): void {
  ctx.err(`${nginxErrorTime(ctx.sys.clock.now())} ${msg}\n`);
}

function flag(args: string[], name: string, def: string): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}` || args[i] === `-${name}`) return args[i + 1] ?? def;
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
    if (args[i].startsWith(`-${name}=`)) return args[i].slice(name.length + 2);
  }
  return def;
}

const AGNHOST_HELP = 'Usage:\n  agnhost [flags]\n  agnhost [command]\n\nAvailable Commands:\n  audit-proxy   Listens on port 8080 for incoming audit events\n' +
  '  liveness      Starts a http server that returns 200 status code for the first 10 seconds, then returns 500\n' +
  '  netexec       Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n  pause         Pauses the execution\n' +
  '  serve-hostname Serves the hostname\n  test-webserver Starts a webserver that serves files from the current directory\n\nFlags:\n  -h, --help   help for agnhost\n\n' +
  'Use "agnhost [command] --help" for more information about a command.\n';

/** registry.k8s.io/e2e-test-images/agnhost. */
export const agnhost: Program = function* (ctx) {
  const [cmd, ...args] = ctx.argv.slice(1);
  const started = ctx.sys.clock.now();
  switch (cmd) {
    case undefined: case '--help': case '-h':
      ctx.out(AGNHOST_HELP);
      return 0;
    case 'netexec': {
      const port = Number(flag(args, 'http-port', '8080'));
      const udp = Number(flag(args, 'udp-port', '8081'));
      klog(ctx, 'I', 'log.go:245', `Started HTTP server on port ${port}`);
      klog(ctx, 'I', 'log.go:245', `Started UDP server on port  ${udp}`);
      return yield* daemon(ctx, {
        memoryBytes: 9 * 1024 * 1024, goDefault: true,
        ports: { [port]: (req) => {
          const [path, query = ''] = req.path.split('?');
          const q = new URLSearchParams(query);
          klog(ctx, 'I', 'log.go:245', `GET ${path}`);
          switch (path) {
            case '/': case '/hostname': return text(200, ctx.sys.hostname);
            case '/echo': return text(200, q.get('msg') ?? '');
            case '/clientip': return text(200, `${req.remoteAddr}:${40000 + ctx.sys.rng.int(20000)}`);
            case '/healthz': return text(200, '');
            case '/exit': ctx.sys.clock.after(10, () => ctx.sys.kill(ctx.pid, 'SIGKILL')); return text(200, '');
            default: return text(404, '404 page not found\n');
          }
        }, [udp]: 'tcp' },
      });
    }
    case 'serve-hostname': {
      const port = Number(flag(args, 'port', '9376'));
      klog(ctx, 'I', 'log.go:245', `Serving on port ${port}.`);
      return yield* daemon(ctx, { memoryBytes: 6 * 1024 * 1024, goDefault: true, ports: { [port]: () => text(200, ctx.sys.hostname) } });
    }
    case 'liveness':
      return yield* daemon(ctx, { memoryBytes: 5 * 1024 * 1024, goDefault: true, ports: { 8080: (req) => liveness(ctx, started, req) } });
    case 'pause':
      ctx.out('Paused\n');
      return yield* daemon(ctx, { memoryBytes: 2 * 1024 * 1024, catches: ['SIGTERM', 'SIGINT'], *onSignal() { ctx.out('Shutting down after receiving signal: terminated.\n'); return 0; } });
    case 'test-webserver':
      return yield* daemon(ctx, { memoryBytes: 5 * 1024 * 1024, goDefault: true, ports: { [Number(flag(args, 'port', '80'))]: () => text(200, 'Hello World!') } });
    default:
      ctx.err(`Error: unknown command "${cmd}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
  }
};

/** /healthz: 200 for ten seconds after start, then 500 (test/images/agnhost/liveness/server.go). */
function liveness(ctx: ProcCtx, started: number, req: HttpRequest): HttpResponse {
  const elapsed = (ctx.sys.clock.now() - started) / 1000;
  if (req.path.startsWith('/healthz') && elapsed > 10) return text(500, `error: ${elapsed.toFixed(6)}`, {}, httpDate(ctx.sys.clock.now()));
  return text(200, 'ok', {}, httpDate(ctx.sys.clock.now()));
}

/** registry.k8s.io/liveness (/server): the older docs' liveness server. */
export const livenessServer: Program = function* (ctx) {
  const started = ctx.sys.clock.now();
  return yield* daemon(ctx, { memoryBytes: 4 * 1024 * 1024, goDefault: true, ports: { 8080: (req) => liveness(ctx, started, req) } });
};

/** registry.k8s.io/echoserver 1.4 and 1.10 (nginx + lua): echoes the request back. */
export const echoserver: Program = function* (ctx) {
  const v110 = ctx.sys.image.version === '1.10';
  const handle = (req: HttpRequest): HttpResponse => {
    const [path, query] = req.path.split('?');
    const host = req.headers.Host ?? req.headers.host ?? ctx.sys.podIP;
    const headers = Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    let body: string;
    if (v110) {
      const env = ctx.env;
      const podInfo = env.get('POD_NAME') ? `\tnode name:\t${env.get('NODE_NAME') ?? ''}\n\tpod name:\t${env.get('POD_NAME')}\n\tpod namespace:\t${env.get('POD_NAMESPACE') ?? ''}\n\tpod IP:\t${env.get('POD_IP') ?? ''}\n` : '\t-no pod information available-\n';
      body = `\n\nHostname: ${ctx.sys.hostname}\n\nPod Information:\n${podInfo}\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n` +
        `Request Information:\n\tclient_address=${req.remoteAddr}\n\tmethod=${req.method}\n\treal path=${path}\n\tquery=${query ?? ''}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${host}:8080${req.path}\n\n` +
        `Request Headers:\n${headers.map(([k, v]) => `\t${k}=${v}\n`).join('')}\nRequest Body:\n${req.body ? `${req.body}\n` : '\t-no body in request-\n'}\n`;
    } else {
      body = `CLIENT VALUES:\nclient_address=${req.remoteAddr}\ncommand=${req.method}\nreal path=${path}\nquery=${query ?? 'nil'}\nrequest_version=1.1\nrequest_uri=http://${host}:8080${req.path}\n\n` +
        `SERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\n${headers.map(([k, v]) => `${k}=${v}\n`).join('')}BODY:\n${req.body ?? '-no body in request-'}`;
    }
    ctx.out(`${req.remoteAddr} - - [${clfTime(ctx.sys.clock.now())}] "${req.method} ${req.path} HTTP/1.1" 200 ${byteLength(body)} "-" "${req.headers['User-Agent'] ?? req.headers['user-agent'] ?? '-'}"\n`);
    return { status: 200, headers: { Server: v110 ? 'echoserver' : 'nginx/1.10.0', Date: httpDate(ctx.sys.clock.now()), 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', Connection: 'keep-alive' }, body };
  };
  return yield* daemon(ctx, { memoryBytes: 3.3 * 1024 * 1024, ports: v110 ? { 8080: handle, 8443: handle } : { 8080: handle }, catches: ['SIGTERM', 'SIGQUIT'], *onSignal() { return 0; } });
};

/** kicbase/echo-server (jmalloc/echo-server): "Request served by <hostname>" and the request. */
export const echoServer: Program = function* (ctx) {
  const port = Number(ctx.env.get('PORT') ?? 8080);
  goLog(ctx, `Echo server listening on port ${port}.`);
  return yield* daemon(ctx, {
    memoryBytes: 4.2 * 1024 * 1024, goDefault: true,
    ports: { [port]: (req) => {
      const host = req.headers.Host ?? req.headers.host ?? '';
      const rest = Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== 'host').sort(([a], [b]) => (a < b ? -1 : 1));
      const body = `Request served by ${ctx.sys.hostname}\n\nHTTP/1.1 ${req.method} ${req.path}\n\nHost: ${host}\n${rest.map(([k, v]) => `${k}: ${v}\n`).join('')}${req.body ? `\n${req.body}` : ''}`;
      return text(200, body, {}, httpDate(ctx.sys.clock.now()));
    } },
  });
};

/** gcr.io/google-samples/hello-app: "Hello, world!", its version and the pod name. */
export const helloApp: Program = function* (ctx) {
  const port = Number(ctx.env.get('PORT') ?? 8080);
  goLog(ctx, `Server listening on port ${port}`);
  return yield* daemon(ctx, {
    memoryBytes: 3.8 * 1024 * 1024, goDefault: true,
    ports: { [port]: (req) => {
      goLog(ctx, `Serving request: ${req.path}`);
      return text(200, `Hello, world!\nVersion: ${ctx.sys.image.version}\nHostname: ${ctx.sys.hostname}\n`, {}, httpDate(ctx.sys.clock.now()));
    } },
  });
};

/** registry.k8s.io/goproxy: an HTTP proxy on 8080 (the docs' TCP liveness probe target). */
export const goproxy: Program = function* (ctx) {
  return yield* daemon(ctx, { memoryBytes: 3 * 1024 * 1024, goDefault: true,
    ports: { 8080: () => text(500, 'This is a proxy server. Does not respond to non-proxy requests.\n', {}, httpDate(ctx.sys.clock.now())) } });
};

/** /pause: the pod sandbox (and agnhost-free "sleep forever" images). */
export const pause: Program = function* (ctx) {
  ctx.sys.setMemory(ctx.pid, 300 * 1024);
  ctx.signals.catchSignals(['SIGTERM', 'SIGINT']);
  const sig = yield* ctx.signals.nextSignal();
  ctx.err(`Shutting down, got signal: ${sig === 'SIGINT' ? 'Interrupt' : 'Terminated'}\n`);
  return 0;
};

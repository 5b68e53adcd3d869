// The learner's machine's curl (8.5.0, Ubuntu 24.04): `curl http://localhost:8080` after a
// port-forward, `curl $(minikube service web --url)`, `curl -H "Host: app.example" http://192.168.49.2`.
// Output and error lines as curl prints them (lib/connect.c "Failed to connect to %s port %u after
// %d ms: %s", lib/strerror.c, src/tool_operate.c). The progress meter is not drawn.
import type { HttpResponse } from '../../runtime/cri';
import { parseUrl, statusText } from '../http-util';
import type { NetworkRequest, NetworkResponse } from '../request';

/** What curl runs with. */
export interface CurlEnv {
  request(r: NetworkRequest): NetworkResponse;
  /** Waits simulated time (a connect timeout takes long); rejects when interrupted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  out(s: string): void;
  err(s: string): void;
  /** Writes a file (-o); undefined when the path cannot be written. */
  writeFile?(path: string, content: string): boolean;
  signal?: AbortSignal;
}

interface Opts {
  urls: string[];
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  method?: string;
  headers: Record<string, string>;
  data?: string;
  insecure: boolean;
  location: boolean;
  output?: string;
  writeOut?: string;
  fail: boolean;
  resolve: { host: string; port: number; address: string }[];
  maxTimeMs?: number;
  userAgent?: string;
}

const TLS_HELP = 'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

function parseArgs(argv: string[]): Opts | string {
  const o: Opts = { urls: [], include: false, head: false, silent: false, showError: false, verbose: false, headers: {}, insecure: false,
    location: false, fail: false, resolve: [] };
  const needs = (i: number, name: string) => (i + 1 < argv.length ? undefined : `curl: option ${name}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    const withValue = (name: string, set: (v: string) => void): string | undefined => {
      const e = needs(i, name);
      if (e) return e;
      set(argv[++i]);
      return undefined;
    };
    let e: string | undefined;
    switch (a) {
      case '-i': case '--include': o.include = true; break;
      case '-I': case '--head': o.head = true; break;
      case '-s': case '--silent': o.silent = true; break;
      case '-S': case '--show-error': o.showError = true; break;
      case '-v': case '--verbose': o.verbose = true; break;
      case '-k': case '--insecure': o.insecure = true; break;
      case '-L': case '--location': o.location = true; break;
      case '-f': case '--fail': o.fail = true; break;
      case '--http1.1': case '--compressed': case '--no-progress-meter': break;
      case '-X': case '--request': e = withValue(a, (v) => { o.method = v; }); break;
      case '-H': case '--header': e = withValue(a, (v) => {
        const idx = v.indexOf(':');
        if (idx > 0) o.headers[v.slice(0, idx).trim()] = v.slice(idx + 1).trim();
      }); break;
      case '-d': case '--data': case '--data-raw': case '--data-binary':
        e = withValue(a, (v) => { o.data = o.data === undefined ? v : `${o.data}&${v}`; }); break;
      case '-o': case '--output': e = withValue(a, (v) => { o.output = v; }); break;
      case '-w': case '--write-out': e = withValue(a, (v) => { o.writeOut = v; }); break;
      case '-A': case '--user-agent': e = withValue(a, (v) => { o.userAgent = v; }); break;
      case '-m': case '--max-time': case '--connect-timeout': e = withValue(a, (v) => { o.maxTimeMs = Math.round(Number(v) * 1000); }); break;
      case '--resolve': e = withValue(a, (v) => {
        const m = /^([^:]+):(\d+):(.+)$/.exec(v);
        if (m) o.resolve.push({ host: m[1].toLowerCase(), port: Number(m[2]), address: m[3] });
      }); break;
      default: {
        // Bundled short flags: -sS, -sSL, -iv, -sk …
        if (/^-[a-zA-Z]{2,}$/.test(a) && [...a.slice(1)].every((c) => 'isSvkLfI'.includes(c))) {
          for (const c of a.slice(1)) {
            if (c === 'i') o.include = true;
            else if (c === 'I') o.head = true;
            else if (c === 's') o.silent = true;
            else if (c === 'S') o.showError = true;
            else if (c === 'v') o.verbose = true;
            else if (c === 'k') o.insecure = true;
            else if (c === 'L') o.location = true;
            else if (c === 'f') o.fail = true;
          }
          break;
        }
        return `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
      }
    }
    if (e) return e;
  }
  if (!o.urls.length) return "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n";
  return o;
}

function headerBlock(res: HttpResponse): string {
  let s = `HTTP/1.1 ${res.status} ${statusText(res.status) || ''}`.trimEnd() + '\r\n';
  for (const [k, v] of Object.entries(res.headers)) s += `${k}: ${v}\r\n`;
  return `${s}\r\n`;
}

function writeOut(fmt: string, res: { status: number; url: string }): string {
  return fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%\{([a-z_]+)\}/g, (m, k: string) =>
    k === 'http_code' || k === 'response_code' ? String(res.status).padStart(3, '0') : k === 'url_effective' ? res.url : m);
}

/** Runs curl; resolves to its exit code. */
export async function runCurl(argv: string[], env: CurlEnv): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    env.err(parsed);
    return 2;
  }
  const o = parsed;
  const quietErr = o.silent && !o.showError;
  const fail = (code: number, msg: string) => {
    if (!quietErr) env.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  let exit = 0;
  for (const first of o.urls) {
    let url = first;
    for (let hops = 0; ; hops++) {
      const u = parseUrl(url);
      if (!u) {
        exit = fail(3, 'URL rejected: Malformed input to a URL function');
        break;
      }
      const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
      const r = env.request({ from: 'host', url, method, headers: o.headers, body: o.data, resolve: o.resolve, insecure: o.insecure,
        userAgent: o.userAgent });
      if (o.verbose) {
        const addr = r.ok ? r.address : r.address;
        if (addr) env.err(`*   Trying ${addr}:${u.port}...\n`);
      }
      if (!r.ok) {
        const waited = o.maxTimeMs !== undefined && r.elapsedMs > o.maxTimeMs ? o.maxTimeMs : r.elapsedMs;
        if (waited > 0) {
          try {
            await env.sleep(waited, env.signal);
          } catch {
            return 130;
          }
        }
        if (o.maxTimeMs !== undefined && r.elapsedMs > o.maxTimeMs) exit = fail(28, `Connection timed out after ${o.maxTimeMs} milliseconds`);
        else if (r.error === 'resolve' || r.error === 'dns-timeout') exit = fail(6, `Could not resolve host: ${r.host}`);
        else if (r.error === 'bad-url') exit = fail(3, 'URL rejected: Malformed input to a URL function');
        else if (r.error === 'tls') {
          exit = fail(60, 'SSL certificate problem: self-signed certificate');
          if (!quietErr) env.err(TLS_HELP);
        } else if (r.error === 'empty') exit = fail(52, 'Empty reply from server');
        else {
          const code = r.error === 'timeout' ? 28 : 7;
          exit = fail(code, `Failed to connect to ${r.host} port ${r.port} after ${r.elapsedMs} ms: Couldn't connect to server`);
        }
        // --write-out is still written when the transfer failed (the code is 000 then).
        if (o.writeOut) env.out(writeOut(o.writeOut, { status: 0, url }));
        break;
      }
      const res: HttpResponse = { status: r.status, headers: r.headers, body: r.body };
      if (o.verbose) {
        env.err(`* Connected to ${u.host} (${r.address}) port ${u.port}\n`);
        env.err(`> ${method} ${u.path} HTTP/1.1\r\n> Host: ${u.hostHeader}\r\n> User-Agent: ${o.userAgent ?? 'curl/8.5.0'}\r\n> Accept: */*\r\n`);
        for (const [k, v] of Object.entries(o.headers)) env.err(`> ${k}: ${v}\r\n`);
        env.err('> \r\n');
        env.err(headerBlock(res).split('\r\n').filter((l, i, a) => i < a.length - 1).map((l) => `< ${l}\r\n`).join(''));
      }
      const location = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (o.location && location && r.status >= 300 && r.status < 400 && hops < 50) {
        if (o.include || o.head) env.out(headerBlock(res));
        url = new URL(location, url.includes('://') ? url : `http://${url}`).toString();
        continue;
      }
      if (o.fail && r.status >= 400) {
        exit = fail(22, `The requested URL returned error: ${r.status}`);
        break;
      }
      let text = '';
      if (o.include || o.head) text += headerBlock(res);
      if (!o.head) text += r.body;
      if (o.output && o.output !== '-') {
        if (o.output !== '/dev/null' && env.writeFile && !env.writeFile(o.output, text)) {
          exit = fail(23, 'Failure writing output to destination');
          break;
        }
      } else env.out(text);
      if (o.verbose) env.err(`* Connection #0 to host ${u.host} left intact\n`);
      if (o.writeOut) env.out(writeOut(o.writeOut, { status: r.status, url }));
      break;
    }
  }
  return exit;
}

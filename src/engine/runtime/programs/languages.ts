// Language runtimes as images run them without a script: perl, python3 and node read a program
// from stdin (none: they exit 0 at once), print versions, run one-liners the docs use
// (`perl -Mbignum=bpi -wle 'print bpi(2000)'`, `python -c 'print(…)'`, `node -e …`), and a few
// servers (`python -m http.server`, a node script that listens).
import type { Program, ProcCtx } from '../process/context';
import { sleep } from '../process/effects';
import type { Proc } from '../process/effects';
import { clfTime, httpDate } from '../util/time-format';
import { daemon, text } from './daemon';
import { execArgs } from './exec-args';
import { evalArith } from '../shell/arith';

/** The first `digits` significant digits of π ("3.14159…"), by Machin's formula in BigInt. */
export function piDigits(digits: number): string {
  const scale = 10n ** BigInt(digits + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
      sum += (sign * term) / n;
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const s = (pi / 10n ** 10n).toString();
  return `${s[0]}.${s.slice(1, digits)}`;
}

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** perl. */
export const perl: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  const v = ctx.sys.image.version;
  if (a[0] === '-v' || a[0] === '--version') {
    const [maj, min, sub] = v.split('.');
    ctx.out(`\nThis is perl ${maj}, version ${min}, subversion ${sub ?? 0} (v${v}) built for x86_64-linux-gnu\n\nCopyright 1987-2024, Larry Wall\n`);
    return 0;
  }
  const eIdx = a.findIndex((x) => /^-[a-zA-Z]*e$/.test(x) || /^-[a-zA-Z]*e[a-zA-Z]*$/.test(x) && x.includes('e'));
  const code = eIdx >= 0 ? a[eIdx + 1] ?? '' : undefined;
  const newline = a.some((x) => /^-[a-zA-Z]*l/.test(x));
  if (code === undefined) {
    const script = a.find((x) => !x.startsWith('-'));
    if (script) {
      const content = ctx.sys.fs.read(script.startsWith('/') ? script : `${ctx.cwd}/${script}`);
      if (typeof content !== 'string') { ctx.err(`Can't open perl script "${script}": No such file or directory\n`); return 2; }
      return 0;
    }
    yield* ctx.stdin.readAll();
    return 0;
  }
  const bpi = /print\s+bpi\((\d+)\)/.exec(code);
  if (bpi) {
    const n = Number(bpi[1]);
    ctx.sys.setMemory(ctx.pid, 9 * 1024 * 1024);
    ctx.sys.setCpu(ctx.pid, 1000);
    yield* sleep(Math.round(n * n / 900) + 300);
    ctx.out(piDigits(n) + (newline ? '\n' : ''));
    return 0;
  }
  const p = /^\s*print\s+(.+?);?\s*$/.exec(code);
  if (p) { ctx.out(unquote(p[1].trim()) + (newline ? '\n' : '')); return 0; }
  if (/^\s*sleep\s*\(?\s*(\d+)\s*\)?\s*;?\s*$/.test(code)) { yield* sleep(Number(/(\d+)/.exec(code)![1]) * 1000); return 0; }
  ctx.err(`perl: this simulator runs only simple one-liners\n`);
  return 255;
};

function* httpServer(ctx: ProcCtx, port: number, dir: string): Proc {
  ctx.err(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
  return yield* daemon(ctx, {
    memoryBytes: 18 * 1024 * 1024,
    catches: ['SIGINT'],
    *onSignal() { ctx.err('\nKeyboard interrupt received, exiting.\n'); return 0; },
    ports: { [port]: (req) => {
      const path = `${dir === '/' ? '' : dir}${req.path.split('?')[0]}`;
      const stat = ctx.sys.fs.stat(path);
      let res;
      if (stat?.type === 'dir') {
        const names = ctx.sys.fs.list(path) as string[];
        const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${req.path}</title>\n</head>\n<body>\n<h1>Directory listing for ${req.path}</h1>\n<hr>\n<ul>\n${names.map((n) => `<li><a href="${n}">${n}</a></li>\n`).join('')}</ul>\n<hr>\n</body>\n</html>\n`;
        res = text(200, body, { 'Content-type': 'text/html; charset=utf-8' });
      } else {
        const c = ctx.sys.fs.read(path);
        res = typeof c === 'string' ? text(200, c) : text(404, 'File not found');
      }
      ctx.err(`${req.remoteAddr} - - [${clfTime(ctx.sys.clock.now()).replace(/:(\d\d:\d\d:\d\d) \+0000/, ' $1').replace(/\//g, '/')}] "${req.method} ${req.path} HTTP/1.1" ${res.status} -\n`);
      return { ...res, headers: { Server: `SimpleHTTP/0.6 Python/${ctx.sys.image.version}`, Date: httpDate(ctx.sys.clock.now()), ...res.headers } };
    } },
  });
}

/** python3. */
export const python: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  if (a[0] === '--version' || a[0] === '-V') { ctx.out(`Python ${ctx.sys.image.version}\n`); return 0; }
  if (a[0] === '-m' && a[1] === 'http.server') {
    const port = Number(a.find((x, i) => i > 1 && /^\d+$/.test(x)) ?? 8000);
    return yield* httpServer(ctx, port, ctx.cwd);
  }
  if (a[0] === '-c') {
    const code = a[1] ?? '';
    for (const m of code.matchAll(/print\((["'])(.*?)\1\)/g)) ctx.out(`${m[2]}\n`);
    const sl = /time\.sleep\((\d+)\)/.exec(code);
    if (sl) yield* sleep(Number(sl[1]) * 1000);
    return 0;
  }
  const script = a.find((x) => !x.startsWith('-'));
  if (script) {
    const content = ctx.sys.fs.read(script.startsWith('/') ? script : `${ctx.cwd}/${script}`);
    if (typeof content !== 'string') { ctx.err(`python3: can't open file '${script.startsWith('/') ? script : `${ctx.cwd === '/' ? '' : ctx.cwd}/${script}`}': [Errno 2] No such file or directory\n`); return 2; }
    for (const m of content.matchAll(/print\((["'])(.*?)\1\)/g)) ctx.out(`${m[2]}\n`);
    return 0;
  }
  if (ctx.stdin.interactive) {
    ctx.out(`Python ${ctx.sys.image.version} (main, Dec 24 2024, 22:42:03) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
    for (;;) {
      ctx.out('>>> ');
      const l = yield* ctx.stdin.readLine();
      if (l === undefined || /^(exit|quit)\(\)$/.test(l.trim())) return 0;
      const m = /^print\((["'])(.*)\1\)$/.exec(l.trim());
      if (m) ctx.out(`${m[2]}\n`);
      else if (/^\d+\s*[-+*/]\s*\d+$/.test(l.trim())) ctx.out(`${evalArith(l.trim(), { get: () => undefined, set: () => undefined })}\n`);
    }
  }
  yield* ctx.stdin.readAll();
  return 0;
};

/** node. */
export const node: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  if (a[0] === '--version' || a[0] === '-v') { ctx.out(`v${ctx.sys.image.version}\n`); return 0; }
  if (a[0] === '-e' || a[0] === '-p') {
    for (const m of (a[1] ?? '').matchAll(/console\.log\((["'`])(.*?)\1\)/g)) ctx.out(`${m[2]}\n`);
    return 0;
  }
  const script = a.find((x) => !x.startsWith('-'));
  if (script) {
    const path = script.startsWith('/') ? script : `${ctx.cwd === '/' ? '' : ctx.cwd}/${script}`;
    const content = ctx.sys.fs.read(path);
    if (typeof content !== 'string') {
      ctx.err(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n` +
        `    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n` +
        `    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${ctx.sys.image.version}\n`);
      return 1;
    }
    for (const m of content.matchAll(/console\.log\((["'`])(.*?)\1\)/g)) ctx.out(`${m[2]}\n`);
    const listen = /\.listen\(\s*(\d+)/.exec(content);
    if (listen) {
      const reply = /res\.(?:end|send)\((["'`])(.*?)\1\)/.exec(content)?.[2] ?? '';
      return yield* daemon(ctx, { memoryBytes: 42 * 1024 * 1024, ports: { [Number(listen[1])]: () => text(200, reply) } });
    }
    return 0;
  }
  if (ctx.stdin.interactive) {
    ctx.out(`Welcome to Node.js v${ctx.sys.image.version}.\nType ".help" for more information.\n`);
    for (;;) {
      ctx.out('> ');
      const l = yield* ctx.stdin.readLine();
      if (l === undefined || l.trim() === '.exit') return 0;
    }
  }
  yield* ctx.stdin.readAll();
  return 0;
};

/** docker-entrypoint.sh of the node image: runs `node "$@"` unless $1 is a command. */
export const nodeEntrypoint: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const first = args[0];
  const isCommand = first !== undefined && !first.startsWith('-') && ctx.sys.findExecutable(first, ctx.env.get('PATH'), ctx.cwd);
  return yield* execArgs(ctx, isCommand ? args : ['node', ...args], 11);
};

/** envsubst: $VAR / ${VAR} from the environment. */
export const envsubst: Program = function* (ctx) {
  const input = yield* ctx.stdin.readAll();
  ctx.out(input.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (_, x, y) => ctx.env.get(x ?? y) ?? ''));
  return 0;
};

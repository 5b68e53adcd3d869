// Text utilities: grep, sort, uniq, cut, tr, sed (s///, p, d, -n), awk ('{print $N}'), rev, tac,
// basename, dirname, seq, expr, xargs, yes.
import type { Program } from '../../process/context';
import { waitForever } from '../../process/effects';
import { flavor, lines, parseArgs, readInput } from './common';

const grep: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['e', 'm', 'A', 'B', 'C']);
  const pattern = o.values.get('e') ?? o.operands.shift();
  if (pattern === undefined) { ctx.err(flavor(ctx) === 'busybox' ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"); return 2; }
  const fixed = o.flags.has('F');
  const src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : o.flags.has('E') ? pattern : pattern.replace(/\\([(){}|+?])/g, '$1').replace(/(^|[^\\])([+?|(){}])/g, '$1\\$2');
  let re: RegExp;
  try {
    re = new RegExp(o.flags.has('w') ? `\\b(?:${src})\\b` : src, o.flags.has('i') ? 'i' : '');
  } catch {
    ctx.err(`grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const files = o.operands.length ? o.operands : ['-'];
  let matched = 0;
  let status = 1;
  for (const f of files) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) { status = 2; continue; }
    let count = 0;
    lines(c).forEach((l, i) => {
      const hit = re.test(l) !== o.flags.has('v');
      if (!hit) return;
      count++;
      if (o.flags.has('q') || o.flags.has('c') || o.flags.has('l')) return;
      const prefix = (files.length > 1 ? `${f}:` : '') + (o.flags.has('n') ? `${i + 1}:` : '');
      if (o.flags.has('o')) for (const m of l.match(new RegExp(re.source, `${re.flags}g`)) ?? []) ctx.out(`${prefix}${m}\n`);
      else ctx.out(`${prefix}${l}\n`);
    });
    if (o.flags.has('c')) ctx.out(`${files.length > 1 ? `${f}:` : ''}${count}\n`);
    if (o.flags.has('l') && count) ctx.out(`${f}\n`);
    matched += count;
  }
  if (matched && status !== 2) status = 0;
  return status;
};

const sort: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['k', 't']);
  let all = '';
  for (const f of o.operands.length ? o.operands : ['-']) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) return 2;
    all += c;
  }
  let l = lines(all);
  const key = (s: string) => {
    const k = o.values.get('k');
    if (!k) return s;
    const fields = o.values.has('t') ? s.split(o.values.get('t')!) : s.trim().split(/\s+/);
    return fields[Number(k.split(',')[0]) - 1] ?? '';
  };
  l.sort((a, b) => {
    if (o.flags.has('n')) return (parseFloat(key(a)) || 0) - (parseFloat(key(b)) || 0);
    const ka = key(a), kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (o.flags.has('r')) l.reverse();
  if (o.flags.has('u')) l = l.filter((x, i) => i === 0 || x !== l[i - 1]);
  ctx.out(l.map((x) => `${x}\n`).join(''));
  return 0;
};

const uniq: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const c = yield* readInput(ctx, o.operands[0]);
  if (c === undefined) return 1;
  const groups: [string, number][] = [];
  for (const l of lines(c)) {
    const last = groups[groups.length - 1];
    if (last && last[0] === l) last[1]++;
    else groups.push([l, 1]);
  }
  for (const [l, n] of groups) {
    if (o.flags.has('d') && n < 2) continue;
    if (o.flags.has('u') && n > 1) continue;
    ctx.out(o.flags.has('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`);
  }
  return 0;
};

function ranges(spec: string): (i: number) => boolean {
  const parts = spec.split(',').map((p) => {
    const [a, b] = p.split('-');
    const lo = a === '' ? 1 : Number(a);
    const hi = p.includes('-') ? (b === '' ? Infinity : Number(b)) : lo;
    return [lo, hi] as const;
  });
  return (i) => parts.some(([lo, hi]) => i >= lo && i <= hi);
}

const cut: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['d', 'f', 'c']);
  const c = yield* readInput(ctx, o.operands[0]);
  if (c === undefined) return 1;
  const d = o.values.get('d') ?? '\t';
  for (const l of lines(c)) {
    if (o.values.has('c')) {
      const sel = ranges(o.values.get('c')!);
      ctx.out(`${[...l].filter((_, i) => sel(i + 1)).join('')}\n`);
    } else {
      const sel = ranges(o.values.get('f') ?? '1');
      if (!l.includes(d)) { if (!o.flags.has('s')) ctx.out(`${l}\n`); continue; }
      ctx.out(`${l.split(d).filter((_, i) => sel(i + 1)).join(d)}\n`);
    }
  }
  return 0;
};

function expandSet(s: string): string {
  const named: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\f\v', '[:alpha:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  };
  let t = s;
  for (const [k, v] of Object.entries(named)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i + 1] === '-' && t[i + 2] !== undefined) {
      for (let c = t.charCodeAt(i); c <= t.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
  }
  return out;
}

const tr: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const c = yield* ctx.stdin.readAll();
  const a = expandSet(o.operands[0] ?? '');
  if (o.flags.has('d')) { ctx.out([...c].filter((ch) => !a.includes(ch)).join('')); return 0; }
  const b = expandSet(o.operands[1] ?? '');
  let out = [...c].map((ch) => { const i = a.indexOf(ch); return i === -1 ? ch : b[Math.min(i, b.length - 1)] ?? ch; }).join('');
  if (o.flags.has('s')) out = out.replace(new RegExp(`([${b.replace(/[\]\\^-]/g, '\\$&')}])\\1+`, 'g'), '$1');
  ctx.out(out);
  return 0;
};

const sed: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['e']);
  const script = o.values.get('e') ?? o.operands.shift() ?? '';
  const quiet = o.flags.has('n');
  const inPlace = o.flags.has('i');
  const cmds = script.split(/;\s*|\n/).filter(Boolean);
  const run = (text: string): string => {
    let out = '';
    lines(text).forEach((line, idx) => {
      let l = line;
      let del = false;
      for (const cmd of cmds) {
        const m = /^(\d+|\$)?([spd])(.*)$/.exec(cmd.trim());
        if (!m) continue;
        const addr = m[1];
        if (addr && addr !== '$' && Number(addr) !== idx + 1) continue;
        if (m[2] === 'd') { del = true; break; }
        if (m[2] === 'p') { out += `${l}\n`; continue; }
        const sep = m[3][0];
        const [pat, rep, flags] = m[3].slice(1).split(sep);
        const re = new RegExp(pat.replace(/\\([(){}|+?])/g, '$1'), (flags?.includes('g') ? 'g' : '') + (flags?.includes('I') ? 'i' : ''));
        l = l.replace(re, (rep ?? '').replace(/\\(\d)/g, '$$$1').replace(/&/g, '$&'));
      }
      if (!del && !quiet) out += `${l}\n`;
    });
    return out;
  };
  if (inPlace) {
    for (const f of o.operands) {
      const c = yield* readInput(ctx, f);
      if (c !== undefined) ctx.sys.fs.write(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, run(c));
    }
    return 0;
  }
  let all = '';
  for (const f of o.operands.length ? o.operands : ['-']) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) return 2;
    all += c;
  }
  ctx.out(run(all));
  return 0;
};

const awk: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['F']);
  const prog = o.operands.shift() ?? '';
  const fsep = o.values.get('F');
  let all = '';
  for (const f of o.operands.length ? o.operands : ['-']) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) return 2;
    all += c;
  }
  const m = /^\s*(?:\/(.*)\/\s*)?\{\s*print\s*(.*?)\s*;?\s*\}\s*$/.exec(prog);
  if (!m) { ctx.err(`awk: unsupported program in this simulator: ${prog}\n`); return 2; }
  const re = m[1] !== undefined ? new RegExp(m[1]) : undefined;
  const exprs = m[2] ? m[2].split(/\s*,\s*/) : ['$0'];
  lines(all).forEach((l, i) => {
    if (re && !re.test(l)) return;
    const fields = fsep ? l.split(fsep) : l.trim().split(/\s+/);
    const val = (e: string) => e === '$0' ? l : e === 'NR' ? String(i + 1) : e === 'NF' ? String(fields.length)
      : /^\$\d+$/.test(e) ? fields[Number(e.slice(1)) - 1] ?? '' : e === '$NF' ? fields[fields.length - 1] ?? '' : e.replace(/^"|"$/g, '');
    ctx.out(`${exprs.map(val).join(' ')}\n`);
  });
  return 0;
};

const seq: Program = function* (ctx) {
  const n = ctx.argv.slice(1).filter((a) => !/^-[a-z]/.test(a)).map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  let out = '';
  for (let x = first; step > 0 ? x <= last : x >= last; x += step) out += `${x}\n`;
  ctx.out(out);
  return 0;
};

const expr: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  let v: string | number;
  if (a.length === 1) v = a[0];
  else if (a.length === 3) {
    const [x, op, y] = a;
    const nx = Number(x), ny = Number(y);
    switch (op) {
      case '+': v = nx + ny; break;
      case '-': v = nx - ny; break;
      case '*': v = nx * ny; break;
      case '/': if (ny === 0) { ctx.err('expr: division by zero\n'); return 2; } v = Math.trunc(nx / ny); break;
      case '%': v = nx % ny; break;
      case '=': v = x === y ? 1 : 0; break;
      case '!=': v = x !== y ? 1 : 0; break;
      case '<': v = nx < ny ? 1 : 0; break;
      case '>': v = nx > ny ? 1 : 0; break;
      case ':': v = (new RegExp(`^${y}`).exec(x)?.[0] ?? '').length; break;
      default: ctx.err('expr: syntax error\n'); return 2;
    }
  } else if (a[0] === 'length') v = (a[1] ?? '').length;
  else { ctx.err('expr: syntax error\n'); return 2; }
  ctx.out(`${v}\n`);
  return v === 0 || v === '' ? 1 : 0;
};

const xargs: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const cmd = args.length ? args : ['echo'];
  const items = (yield* ctx.stdin.readAll()).split(/\s+/).filter(Boolean);
  const target = ctx.sys.findExecutable(cmd[0], ctx.env.get('PATH'), ctx.cwd);
  if (!target) { ctx.err(`xargs: ${cmd[0]}: No such file or directory\n`); return 127; }
  return yield* ctx.sys.runProgram(target, { ...ctx, argv: [...cmd, ...items] });
};

const yes: Program = function* (ctx) {
  const text = ctx.argv.slice(1).join(' ') || 'y';
  // Deviation: a bounded burst, then silence (an endless writer would flood the simulated log).
  ctx.out(`${text}\n`.repeat(1000));
  return yield* waitForever();
};

const simple = (f: (a: string[]) => string): Program => function* (ctx) { ctx.out(f(ctx.argv.slice(1))); return 0; };

/** The text utilities by program id. */
export const TEXT_UTILS: Record<string, Program> = {
  grep, egrep: (ctx) => grep({ ...ctx, argv: [ctx.argv[0], '-E', ...ctx.argv.slice(1)] }),
  fgrep: (ctx) => grep({ ...ctx, argv: [ctx.argv[0], '-F', ...ctx.argv.slice(1)] }),
  sort, uniq, cut, tr, sed, awk, mawk: awk, gawk: awk, seq, expr, xargs, yes,
  rev: function* (ctx) { const c = yield* readInput(ctx, ctx.argv[1]); ctx.out(lines(c ?? '').map((l) => `${[...l].reverse().join('')}\n`).join('')); return 0; },
  tac: function* (ctx) { const c = yield* readInput(ctx, ctx.argv[1]); ctx.out(lines(c ?? '').reverse().map((l) => `${l}\n`).join('')); return 0; },
  basename: simple(([p, sfx]) => { let b = (p ?? '').replace(/\/+$/, '').split('/').pop() || '/'; if (sfx && b.endsWith(sfx) && b !== sfx) b = b.slice(0, -sfx.length); return `${b}\n`; }),
  dirname: simple(([p]) => { const s = (p ?? '').replace(/\/+$/, ''); const i = s.lastIndexOf('/'); return `${i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i)}\n`; }),
};

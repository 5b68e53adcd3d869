// Line filters a tutorial pipes kubectl through: tr, cut, uniq and awk's one-liners
// ('{print $1}', -F, NR>1, $NF), worded as GNU coreutils and gawk word their errors.
import type { ProcIO } from './builtins';

function inputOf(io: ProcIO, files: string[], cmd: string): string | undefined {
  if (!files.length || (files.length === 1 && files[0] === '-')) return io.stdin;
  let text = '';
  for (const f of files) {
    const t = io.fs.read(f);
    if (t === undefined) { io.err(`${cmd}: ${f}: No such file or directory\n`); return undefined; }
    text += t;
  }
  return text;
}

function lines(s: string): string[] {
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** tr's SET: ranges a-z, classes [:upper:] [:lower:] [:digit:] [:space:], escapes \n \t. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\v\f', '[:blank:]': ' \t', '[:alpha:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    '[:alnum:]': '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  const out: string[] = [];
  const s = set.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  for (let i = 0; i < s.length; i++) {
    const cls = Object.keys(classes).find((k) => s.startsWith(k, i));
    if (cls) { out.push(...classes[cls]); i += cls.length - 1; continue; }
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

/** tr [-d] [-s] [-c] SET1 [SET2]. */
export function tr(io: ProcIO): number {
  const flags = io.args.filter((a) => /^-[dsc]+$/.test(a)).join('');
  const sets = io.args.filter((a) => !/^-[dsc]+$/.test(a));
  const del = flags.includes('d');
  const squeeze = flags.includes('s');
  if (!sets.length || (!del && !squeeze && sets.length < 2)) {
    io.err(sets.length ? `tr: missing operand after ‘${sets[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`
      : "tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const s1 = expandSet(sets[0]);
  const complement = flags.includes('c');
  const inS1 = (c: string) => s1.includes(c) !== complement;
  const s2 = sets[1] === undefined ? [] : expandSet(sets[1]);
  let out = '';
  let last = '';
  for (const c of io.stdin) {
    if (del && inS1(c)) continue;
    let x = c;
    if (!del && s2.length && inS1(c)) x = complement ? s2[s2.length - 1] : s2[Math.min(s1.indexOf(c), s2.length - 1)];
    const squeezeSet = del || !s2.length ? (sets[1] !== undefined ? s2 : s1) : s2;
    if (squeeze && x === last && squeezeSet.includes(x)) continue;
    out += x;
    last = x;
  }
  io.out(out);
  return 0;
}

/** cut's LIST: "1", "1,3", "2-", "-3", "1-2". */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

/** cut -d DELIM -f LIST | -c LIST. */
export function cut(io: ProcIO): number {
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  const files: string[] = [];
  const args = io.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-d') delim = args[++i] ?? '';
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = args[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c' || a === '-b') chars = args[++i];
    else if (a.startsWith('-c') || a.startsWith('-b')) chars = a.slice(2);
    else files.push(a);
  }
  if (delim.length !== 1) { io.err("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n"); return 1; }
  const list = fields ?? chars;
  if (list === undefined) { io.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"); return 1; }
  const pick = parseList(list);
  if (!pick) { io.err(`cut: invalid field value ‘${list}’\nTry 'cut --help' for more information.\n`); return 1; }
  const t = inputOf(io, files, 'cut');
  if (t === undefined) return 1;
  for (const l of lines(t)) {
    if (chars !== undefined) { io.out(`${[...l].filter((_, i) => pick(i + 1)).join('')}\n`); continue; }
    // A line without the delimiter is printed whole (no -s).
    if (!l.includes(delim)) { io.out(`${l}\n`); continue; }
    io.out(`${l.split(delim).filter((_, i) => pick(i + 1)).join(delim)}\n`);
  }
  return 0;
}

/** uniq [-c] [-d] [-u]: adjacent equal lines once; -c prefixes the count as GNU does (%7d). */
export function uniq(io: ProcIO): number {
  const flags = io.args.filter((a) => a.startsWith('-') && a !== '-').join('');
  const t = inputOf(io, io.args.filter((a) => !a.startsWith('-') || a === '-').slice(0, 1), 'uniq');
  if (t === undefined) return 1;
  const groups: [string, number][] = [];
  for (const l of lines(t)) {
    const last = groups[groups.length - 1];
    if (last && last[0] === l) last[1]++;
    else groups.push([l, 1]);
  }
  for (const [l, n] of groups) {
    if (flags.includes('d') && n < 2) continue;
    if (flags.includes('u') && n > 1) continue;
    io.out(flags.includes('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`);
  }
  return 0;
}

/** awk's common one-liners: [-F sep] '[NR>1 | /re/] {print $1, $NF …}'. */
export function awk(io: ProcIO): number {
  let sep: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (a === '-F') sep = io.args[++i];
    else if (a.startsWith('-F')) sep = a.slice(2);
    else rest.push(a);
  }
  const prog = rest.shift();
  if (prog === undefined) { io.err('usage: awk [POSIX or GNU style options] -f progfile [--] file ...\n'); return 2; }
  const m = /^\s*(?:(NR\s*(?:==|!=|>=|<=|>|<)\s*\d+)|\/((?:[^/\\]|\\.)*)\/)?\s*(?:\{\s*print\s*([^}]*?)\s*;?\s*\})?\s*$/.exec(prog);
  if (!m || (!m[1] && m[2] === undefined && m[3] === undefined)) {
    io.err(`awk: cmd. line:1: ${prog}\nawk: cmd. line:1: kubesim's awk runs '{print $1}'-style programs only\n`);
    return 2;
  }
  const t = inputOf(io, rest, 'awk');
  if (t === undefined) return 2;
  const re = m[2] !== undefined ? new RegExp(m[2]) : undefined;
  const cond = m[1] ? /^NR\s*(==|!=|>=|<=|>|<)\s*(\d+)$/.exec(m[1].trim()) : undefined;
  const exprs = m[3] === undefined || m[3] === '' ? ['$0'] : m[3].split(/\s*,\s*/);
  let nr = 0;
  for (const l of lines(t)) {
    nr++;
    if (re && !re.test(l)) continue;
    if (cond) {
      const k = Number(cond[2]);
      const ok = { '==': nr === k, '!=': nr !== k, '>=': nr >= k, '<=': nr <= k, '>': nr > k, '<': nr < k }[cond[1]];
      if (!ok) continue;
    }
    const f = sep === undefined ? l.trim().split(/[ \t]+/).filter(Boolean) : l.split(sep.length === 1 ? sep : new RegExp(sep));
    const field = (e: string): string => {
      const s = e.trim();
      if (s === '$0') return l;
      if (s === '$NF') return f[f.length - 1] ?? '';
      if (s === 'NF') return String(f.length);
      if (s === 'NR') return String(nr);
      const fm = /^\$(\d+)$/.exec(s);
      if (fm) return f[Number(fm[1]) - 1] ?? '';
      const q = /^"(.*)"$/.exec(s);
      if (q) return q[1].replace(/\\t/g, '\t').replace(/\\n/g, '\n');
      // Juxtaposed expressions concatenate ($1 "/" $2).
      const parts = s.match(/"[^"]*"|\$?\w+/g);
      return parts ? parts.map(field).join('') : '';
    };
    io.out(`${exprs.map(field).join(' ')}\n`);
  }
  return 0;
}

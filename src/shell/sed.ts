// A small GNU sed for the host shell: what an EDITOR hook for `kubectl edit` and everyday pipes need.
// Scripts of `s/RE/REPL/[g]`, `/RE/d`, `Nd` and `/RE/s…`, joined by ";" or given with several -e; -i edits
// files in place; -E (or -r) for extended regexes, basic ones otherwise; -n with the p flag.
import type { ProcIO } from './builtins';

interface SedCommand {
  address?: RegExp | number;
  op: 's' | 'd' | 'p';
  re?: RegExp;
  replacement?: string;
  print?: boolean;
}

// POSIX basic regex → JS: \( \) \{ \} \| \+ \? are the operators; bare ( ) { } | + ? are literals.
function bre(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else out += '(){}|+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

// The replacement: & is the match, \1-\9 groups, \n a newline; $ is literal in sed.
function replacement(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      out += /\d/.test(n) ? `$${n}` : n === 'n' ? '\n' : n === '&' ? '&' : n;
    } else if (c === '&') out += '$&';
    else if (c === '$') out += '$$';
    else out += c;
  }
  return out;
}

// Splits at unescaped delimiters.
function splitDelim(s: string, delim: string, parts: number): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length && s[i + 1] === delim) { cur += delim; i++; continue; }
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i] + s[i + 1]; i++; continue; }
    if (s[i] === delim && out.length < parts - 1) { out.push(cur); cur = ''; continue; }
    cur += s[i];
  }
  out.push(cur);
  return out.length === parts ? out : undefined;
}

/** Parses one sed command; throws the message GNU sed prints. */
function parseCommand(text: string, extended: boolean): SedCommand {
  let rest = text.trim();
  const rx = (s: string, flags = '') => new RegExp(extended ? s : bre(s), flags);
  let address: RegExp | number | undefined;
  const num = /^(\d+)/.exec(rest);
  if (num) {
    address = Number(num[1]);
    rest = rest.slice(num[1].length);
  } else if (rest.startsWith('/')) {
    const end = splitDelim(rest.slice(1), '/', 2);
    if (!end) throw new Error('unterminated address regex');
    address = rx(end[0]);
    rest = end[1];
  }
  rest = rest.trim();
  if (rest === 'd') return { address, op: 'd' };
  if (rest === 'p') return { address, op: 'p' };
  if (rest.startsWith('s') && rest.length > 1) {
    const delim = rest[1];
    const parts = splitDelim(rest.slice(2), delim, 3);
    if (!parts) throw new Error("unterminated `s' command");
    const flags = parts[2];
    if (!/^[gip]*$/.test(flags)) throw new Error("unknown option to `s'");
    return { address, op: 's', re: rx(parts[0], `${flags.includes('g') ? 'g' : ''}${flags.includes('i') ? 'i' : ''}`),
      replacement: replacement(parts[1]), print: flags.includes('p') };
  }
  throw new Error(`unknown command: \`${rest[0] ?? ''}'`);
}

function run(commands: SedCommand[], text: string, quiet: boolean): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  let out = '';
  lines.forEach((line, idx) => {
    let cur = line;
    let deleted = false;
    let printed = '';
    for (const c of commands) {
      const hit = c.address === undefined || (typeof c.address === 'number' ? c.address === idx + 1 : c.address.test(cur));
      if (!hit) continue;
      if (c.op === 'd') { deleted = true; break; }
      if (c.op === 'p') { printed += `${cur}\n`; continue; }
      const before = cur;
      cur = cur.replace(c.re!, c.replacement!);
      if (c.print && cur !== before) printed += `${cur}\n`;
    }
    out += printed;
    if (!deleted && !quiet) out += `${cur}\n`;
  });
  return out;
}

/** `sed [-i] [-n] [-E] [-e SCRIPT]… [SCRIPT] [FILE…]`. */
export function sed(io: ProcIO): number {
  let inPlace = false;
  let quiet = false;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (a === '-e' || a === '--expression') scripts.push(io.args[++i] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (a === '--in-place' || /^-i/.test(a) && !a.startsWith('--')) {
      inPlace = true;
      for (const ch of a.slice(2)) { if (ch === 'n') quiet = true; else if (ch === 'E' || ch === 'r') extended = true; }
    } else if (/^-[nEr]+$/.test(a)) {
      if (a.includes('n')) quiet = true;
      if (a.includes('E') || a.includes('r')) extended = true;
    } else if (!scripts.length && !files.length && !io.args.slice(0, i).some((x) => x === '-e')) scripts.push(a);
    else files.push(a);
  }
  if (!scripts.length) {
    io.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let commands: SedCommand[];
  try {
    commands = scripts.flatMap((s) => s.split(/;|\n/).filter((x) => x.trim() !== '')).map((c) => parseCommand(c, extended));
  } catch (e) {
    io.err(`sed: -e expression #1, char 1: ${(e as Error).message}\n`);
    return 1;
  }
  if (!files.length) {
    if (inPlace) { io.err('sed: no input files\n'); return 1; }
    io.out(run(commands, io.stdin, quiet));
    return 0;
  }
  let code = 0;
  for (const f of files) {
    const t = io.fs.read(f);
    if (t === undefined) { io.err(`sed: can't read ${f}: No such file or directory\n`); code = 2; continue; }
    const r = run(commands, t, quiet);
    if (inPlace) io.fs.write(f, r);
    else io.out(r);
  }
  return code;
}

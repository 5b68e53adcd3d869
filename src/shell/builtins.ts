// The host shell's small commands (coreutils-like), worded as GNU coreutils and bash word their errors.
import type { MemFS } from './memfs';
import { sed } from './sed';
import { unescapeEcho } from '../engine/runtime/shell/printf';
import { grep as grepCommand } from './grep';
import { awk, cut, tr, uniq } from './text-filters';
import { cp, env, mv, printenv, printf, seq, tee, yes } from './file-commands';
import { date } from './date';
import { jq } from './jq';

/** What a builtin gets. */
export interface ProcIO {
  args: string[];
  stdin: string;
  out(s: string): void;
  err(s: string): void;
  fs: MemFS;
  signal?: AbortSignal;
  /** Whether the output goes into a pipe (yes stops after a pipe's worth). */
  piped?: boolean;
  /** The exported variables (env, printenv). */
  env?(): Record<string, string>;
  /** The simulated time in milliseconds (date). */
  now?(): number;
  /** Waits on the simulated clock; rejects on Ctrl-C. */
  sleep?(ms: number): Promise<void>;
}

/** A builtin: resolves to its exit code. */
export type Builtin = (io: ProcIO) => Promise<number> | number;

function echo({ args, out }: ProcIO): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
  }
  const s = args.slice(i).join(' ');
  if (escapes) {
    // bash's echo -e: \n \t \e \0NNN …; \c stops the output (and the newline).
    const r = unescapeEcho(s.replace(/(?<!\\)\\x([0-9a-fA-F]{1,2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    out(newline && !r.stop ? `${r.text}\n` : r.text);
    return 0;
  }
  out(newline ? `${s}\n` : s);
  return 0;
}

function cat({ args, stdin, out, err, fs }: ProcIO): number {
  if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
    out(stdin);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    if (a === '-') { out(stdin); continue; }
    if (fs.isDir(a)) { err(`cat: ${a}: Is a directory\n`); code = 1; continue; }
    const t = fs.read(a);
    if (t === undefined) { err(`cat: ${a}: No such file or directory\n`); code = 1; continue; }
    out(t);
  }
  return code;
}

function ls({ args, out, err, fs }: ProcIO): number {
  const paths = args.filter((a) => !a.startsWith('-'));
  const targets = paths.length ? paths : ['.'];
  let code = 0;
  const lines: string[] = [];
  for (const p of targets) {
    if (fs.isDir(p)) lines.push(...fs.list(p));
    else if (fs.read(p) !== undefined) lines.push(p);
    else { err(`ls: cannot access '${p}': No such file or directory\n`); code = 2; }
  }
  if (lines.length) out(`${lines.join('  ')}\n`);
  return code;
}

function mkdir({ args, err, fs }: ProcIO): number {
  const parents = args.includes('-p');
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    if (fs.exists(a) && !parents) { err(`mkdir: cannot create directory '${a}': File exists\n`); return 1; }
    fs.mkdirp(a);
  }
  return 0;
}

function rm({ args, err, fs }: ProcIO): number {
  const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
  let code = 0;
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    if (!fs.remove(a) && !force) { err(`rm: cannot remove '${a}': No such file or directory\n`); code = 1; }
  }
  return code;
}

function touch({ args, fs }: ProcIO): number {
  for (const a of args) if (fs.read(a) === undefined) fs.write(a, '');
  return 0;
}

function lines(s: string): string[] {
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function nFlag(args: string[], def: number): { n: number; rest: string[] } {
  let n = def;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^-n?(\d+)$/.exec(args[i]);
    if (m) n = Number(m[1]);
    else if (args[i] === '-n') n = Number(args[++i]);
    else rest.push(args[i]);
  }
  return { n, rest };
}

function inputOf(io: ProcIO, files: string[]): string | undefined {
  if (!files.length) return io.stdin;
  const t = io.fs.read(files[0]);
  if (t === undefined) io.err(`${files[0]}: No such file or directory\n`);
  return t;
}

function head(io: ProcIO): number {
  const { n, rest } = nFlag(io.args, 10);
  const t = inputOf(io, rest);
  if (t === undefined) return 1;
  for (const l of lines(t).slice(0, n)) io.out(`${l}\n`);
  return 0;
}

function tail(io: ProcIO): number {
  const { n, rest } = nFlag(io.args, 10);
  const t = inputOf(io, rest);
  if (t === undefined) return 1;
  const ls = lines(t);
  for (const l of ls.slice(Math.max(0, ls.length - n))) io.out(`${l}\n`);
  return 0;
}

function grep(io: ProcIO): number {
  return grepCommand(io, inputOf);
}

/** wc [-lwc] [FILE]: one count alone is unpadded; several are padded to the file size's digits (7 for stdin). */
function wc(io: ProcIO): number {
  const files = io.args.filter((a) => !a.startsWith('-'));
  const t = inputOf(io, files);
  if (t === undefined) return 1;
  const flags = io.args.filter((a) => /^-[lwc]+$/.test(a)).join('');
  const bytes = new TextEncoder().encode(t).length;
  const all = { l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: bytes };
  const picked = (['l', 'w', 'c'] as const).filter((k) => !flags || flags.includes(k)).map((k) => all[k]);
  const width = picked.length === 1 ? 0 : files.length ? String(bytes).length : 7;
  io.out(`${picked.map((n) => String(n).padStart(width)).join(' ')}${files.length ? ` ${files[0]}` : ''}\n`);
  return 0;
}

function sort(io: ProcIO): number {
  const t = inputOf(io, io.args.filter((a) => !a.startsWith('-')));
  if (t === undefined) return 1;
  const ls = lines(t).sort();
  if (io.args.includes('-r')) ls.reverse();
  for (const l of ls) io.out(`${l}\n`);
  return 0;
}

/** base64 and base64 -d, as GNU coreutils (76-column wrapping unless -w 0). */
function base64(io: ProcIO): number {
  const decode = io.args.includes('-d') || io.args.includes('--decode');
  const w0 = io.args.includes('-w0') || io.args.join(' ').includes('-w 0');
  const files = io.args.filter((a, i) => !a.startsWith('-') && io.args[i - 1] !== '-w');
  const t = inputOf(io, files);
  if (t === undefined) return 1;
  if (decode) {
    try {
      const bin = atob(t.replace(/\s+/g, ''));
      io.out(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
      return 0;
    } catch {
      io.err('base64: invalid input\n');
      return 1;
    }
  }
  const bytes = new TextEncoder().encode(t);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const enc = btoa(bin);
  // Empty input encodes to nothing at all (not even a newline).
  io.out(w0 || !enc ? enc : `${enc.replace(/(.{76})/g, '$1\n').replace(/\n$/, '')}\n`);
  return 0;
}

/** The builtins by name (cd, pwd, export, sleep, timeout are handled by the shell itself). */
export const BUILTINS: Record<string, Builtin> = {
  echo, cat, ls, mkdir, rm, touch, head, tail, grep, wc, sort, base64, sed,
  tr, cut, uniq, awk, printf, tee, env, printenv, cp, mv, yes, seq, date, jq,
  true: () => 0,
  false: () => 1,
  clear: ({ out }) => { out('\x1b[H\x1b[2J\x1b[3J'); return 0; },
};

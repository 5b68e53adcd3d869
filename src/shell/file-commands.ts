// More of coreutils for the host shell: printf, tee, env/printenv, mv, cp, yes and seq, worded
// as GNU coreutils 9 words their errors.
import { formatPrintf } from '../engine/runtime/shell/printf';
import type { ProcIO } from './builtins';

/** printf FORMAT [ARGUMENT]…: the format is reused while arguments remain. */
export function printf(io: ProcIO): number {
  if (!io.args.length) { io.err('printf: usage: printf [-v var] format [arguments]\n'); return 2; }
  io.out(formatPrintf(io.args[0], io.args.slice(1)));
  return 0;
}

/** tee [-a] FILE…: stdin to stdout and to each file. */
export function tee(io: ProcIO): number {
  const append = io.args.includes('-a') || io.args.includes('--append');
  for (const f of io.args.filter((a) => !a.startsWith('-'))) {
    if (f === '/dev/null') continue;
    if (append) io.fs.append(f, io.stdin);
    else io.fs.write(f, io.stdin);
  }
  io.out(io.stdin);
  return 0;
}

/** env (no command): the exported variables, NAME=value a line. */
export function env(io: ProcIO): number {
  for (const [k, v] of Object.entries(io.env?.() ?? {})) io.out(`${k}=${v}\n`);
  return 0;
}

/** printenv [NAME…]: exit 1 when a name is not in the environment. */
export function printenv(io: ProcIO): number {
  const vars = io.env?.() ?? {};
  if (!io.args.length) return env(io);
  let code = 0;
  for (const n of io.args) {
    if (vars[n] === undefined) code = 1;
    else io.out(`${vars[n]}\n`);
  }
  return code;
}

function copyOrMove(io: ProcIO, cmd: 'cp' | 'mv'): number {
  const paths = io.args.filter((a) => !a.startsWith('-'));
  const fs = io.fs;
  if (paths.length < 2) {
    io.err(paths.length ? `${cmd}: missing destination file operand after '${paths[0]}'\nTry '${cmd} --help' for more information.\n`
      : `${cmd}: missing file operand\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  const dest = paths[paths.length - 1];
  const sources = paths.slice(0, -1);
  if (sources.length > 1 && !fs.isDir(dest)) { io.err(`${cmd}: target '${dest}': Not a directory\n`); return 1; }
  let code = 0;
  for (const s of sources) {
    const text = fs.isDir(s) ? undefined : fs.read(s);
    if (text === undefined) {
      io.err(fs.isDir(s) ? (cmd === 'cp' ? `cp: -r not specified; omitting directory '${s}'\n` : `mv: cannot move directory '${s}': not supported here\n`)
        : `${cmd}: cannot stat '${s}': No such file or directory\n`);
      code = 1;
      continue;
    }
    const target = fs.isDir(dest) ? `${dest.replace(/\/$/, '')}/${s.split('/').pop()}` : dest;
    if (fs.abs(target) === fs.abs(s)) { io.err(`${cmd}: '${s}' and '${target}' are the same file\n`); code = 1; continue; }
    fs.write(target, text);
    if (cmd === 'mv') fs.remove(s);
  }
  return code;
}

/** cp SOURCE… DEST (files). */
export function cp(io: ProcIO): number {
  return copyOrMove(io, 'cp');
}

/** mv SOURCE… DEST (files). */
export function mv(io: ProcIO): number {
  return copyOrMove(io, 'mv');
}

/** What yes writes into a pipe before the reader is done: a pipe buffer's worth (64 KiB). */
const PIPE_BYTES = 65_536;

/** yes [STRING]: bounded by the pipe when piped; to the terminal it runs until Ctrl-C. */
export async function yes(io: ProcIO): Promise<number> {
  const line = `${io.args.length ? io.args.join(' ') : 'y'}\n`;
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  if (io.piped) {
    io.out(line.repeat(Math.max(1, Math.ceil(PIPE_BYTES / line.length))));
    return 0;
  }
  for (;;) {
    if (io.signal?.aborted) return 130;
    io.out(chunk);
    try {
      await io.sleep?.(10);
    } catch {
      return 130;
    }
    if (!io.sleep) return 0;
  }
}

/** seq [FIRST [INCREMENT]] LAST. */
export function seq(io: ProcIO): number {
  const args = io.args.filter((a) => !/^-[sw]/.test(a));
  if (!args.length) { io.err("seq: missing operand\nTry 'seq --help' for more information.\n"); return 1; }
  if (args.length > 3) { io.err(`seq: extra operand ‘${args[3]}’\nTry 'seq --help' for more information.\n`); return 1; }
  const nums = args.map(Number);
  const bad = args.find((a, i) => !/^-?\d+(\.\d+)?$/.test(a.trim()) || !Number.isFinite(nums[i]));
  if (bad !== undefined) { io.err(`seq: invalid floating point argument: ‘${bad}’\nTry 'seq --help' for more information.\n`); return 1; }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) { io.err(`seq: invalid Zero increment value: ‘${args[1]}’\nTry 'seq --help' for more information.\n`); return 1; }
  const decimals = Math.max(...args.slice(0, nums.length === 3 ? 2 : 1).map((a) => (a.split('.')[1] ?? '').length));
  let out = '';
  for (let x = first, k = 0; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; k++, x = first + k * step) {
    out += `${x.toFixed(decimals)}\n`;
    if (out.length > 1_000_000) break;
  }
  io.out(out);
  return 0;
}

// File utilities: cat, ls, mkdir, rm, rmdir, touch, cp, mv, chmod, head, tail, wc, tee, find.
// Output and error texts follow busybox (busybox/alpine images) or GNU coreutils (Debian family).
import type { Program, ProcCtx } from '../../process/context';
import { FsError, type FileStat } from '../../filesystem/container-fs';
import { basename } from '../../filesystem/image-tree';
import { waitForever } from '../../process/effects';
import { lsTime } from '../../util/time-format';
import { abs, flavor, lines, parseArgs, readInput } from './common';

const modeString = (st: FileStat): string => {
  const t = st.type === 'dir' ? 'd' : st.type === 'link' ? 'l' : '-';
  let s = '';
  for (let i = 8; i >= 0; i--) s += st.mode & (1 << i) ? 'rwx'[(8 - i) % 3] : '-';
  if (st.mode & 0o1000) s = `${s.slice(0, 8)}t`;
  return t + s;
};

/** Lays names out in columns the way ls -C does on an 80-column terminal. */
function columns(names: string[], width = 80): string {
  if (names.length === 0) return '';
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)) + 2);
    if (widths.reduce((a, b) => a + b, 0) - 2 <= width || rows === names.length) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        const row: string[] = [];
        for (let c = 0; c < cols; c++) {
          const n = names[c * rows + r];
          if (n !== undefined) row.push(c === cols - 1 || names[(c + 1) * rows + r] === undefined ? n : n.padEnd(widths[c]));
        }
        out += `${row.join('')}\n`;
      }
      return out;
    }
  }
  return '';
}

const ls: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const bb = flavor(ctx) === 'busybox';
  const all = o.flags.has('a'), almost = o.flags.has('A'), long = o.flags.has('l'), one = o.flags.has('1');
  const dirAsFile = o.flags.has('d');
  const targets = o.operands.length ? o.operands : ['.'];
  let status = 0;
  const fs = ctx.sys.fs;
  const fmtLong = (name: string, st: FileStat, sizes: number) => {
    const size = String(st.size);
    const nlink = st.type === 'dir' ? 2 : 1;
    const link = st.type === 'link' ? ` -> ${st.target}` : '';
    return bb
      ? `${modeString(st)} ${String(nlink).padStart(4)} root     root     ${size.padStart(9)} ${lsTime(st.mtime)} ${name}${link}\n`
      : `${modeString(st)} ${nlink} root root ${size.padStart(sizes)} ${lsTime(st.mtime)} ${name}${link}\n`;
  };
  const print = (entries: [string, FileStat][]) => {
    if (long) {
      const w = Math.max(1, ...entries.map(([, s]) => String(s.size).length));
      if (!bb) ctx.out(`total ${entries.reduce((a, [, s]) => a + Math.ceil(s.size / 4096) * 4, 0)}\n`);
      for (const [n, s] of entries) ctx.out(fmtLong(n, s, w));
    } else if (one || !ctx.tty) ctx.out(entries.map(([n]) => `${n}\n`).join(''));
    else ctx.out(columns(entries.map(([n]) => n)));
  };
  const files: [string, FileStat][] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    // "link/" names what the link points to (path resolution follows a final link before a slash).
    const st = t.length > 1 && t.endsWith('/') ? fs.stat(abs(ctx, t)) : fs.lstat(abs(ctx, t));
    if (!st) {
      ctx.err(bb ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
      status = bb ? 1 : 2;
      continue;
    }
    const followed = st.type === 'link' && !long ? fs.stat(abs(ctx, t)) ?? st : st;
    if (followed.type === 'dir' && !dirAsFile) dirs.push(t);
    else files.push([t, st]);
  }
  if (files.length) print(files);
  for (const d of dirs) {
    if (targets.length > 1) ctx.out(`${files.length || d !== dirs[0] ? '\n' : ''}${d}:\n`);
    const names = fs.list(abs(ctx, d));
    if (names instanceof FsError) continue;
    const shown = [...(all ? ['.', '..'] : []), ...names.filter((n) => all || almost || !n.startsWith('.'))];
    const entries: [string, FileStat][] = shown.map((n) => [n, (n === '.' || n === '..' ? fs.stat(abs(ctx, `${d}/${n}`)) : fs.lstat(abs(ctx, `${d}/${n}`)))
      ?? { type: 'file', size: 0, mtime: 0, mode: 0o644 }]);
    print(entries);
  }
  return status;
};

const cat: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  let status = 0;
  const files = o.operands.length ? o.operands : ['-'];
  for (const f of files) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) { status = 1; continue; }
    if (o.flags.has('n')) ctx.out(lines(c).map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join(''));
    else ctx.out(c);
  }
  return status;
};

const mkdir: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['m']);
  const bb = flavor(ctx) === 'busybox';
  let status = 0;
  for (const d of o.operands) {
    const e = ctx.sys.fs.mkdir(abs(ctx, d), o.flags.has('p') || o.flags.has('parents'));
    if (e) {
      ctx.err(`mkdir: ${bb ? "can't" : 'cannot'} create directory '${d}': ${e.text}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const bb = flavor(ctx) === 'busybox';
  const recursive = o.flags.has('r') || o.flags.has('R') || o.flags.has('recursive');
  const force = o.flags.has('f') || o.flags.has('force');
  let status = 0;
  for (const f of o.operands) {
    const p = abs(ctx, f);
    const st = ctx.sys.fs.stat(p);
    if (!st) {
      if (!force) { ctx.err(`rm: ${bb ? "can't" : 'cannot'} remove '${f}': No such file or directory\n`); status = 1; }
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      ctx.err(bb ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    const e = ctx.sys.fs.remove(p);
    if (e) { ctx.err(`rm: ${bb ? "can't" : 'cannot'} remove '${f}': ${e.text}\n`); status = 1; }
  }
  return status;
};

const rmdir: Program = function* (ctx) {
  let status = 0;
  for (const d of parseArgs(ctx.argv).operands) {
    const names = ctx.sys.fs.list(abs(ctx, d));
    const e = names instanceof FsError ? names : names.length ? new FsError('ENOTEMPTY', d) : ctx.sys.fs.remove(abs(ctx, d));
    if (e) { ctx.err(`rmdir: ${flavor(ctx) === 'busybox' ? `'${d}'` : `failed to remove '${d}'`}: ${e.text}\n`); status = 1; }
  }
  return status;
};

const touch: Program = function* (ctx) {
  let status = 0;
  for (const f of parseArgs(ctx.argv).operands) {
    const p = abs(ctx, f);
    const cur = ctx.sys.fs.read(p);
    const e = ctx.sys.fs.write(p, typeof cur === 'string' ? cur : '');
    if (e) {
      ctx.err(flavor(ctx) === 'busybox' ? `touch: ${f}: ${e.text}\n` : `touch: cannot touch '${f}': ${e.text}\n`);
      status = 1;
    }
  }
  return status;
};

function* copy(ctx: ProcCtx, move: boolean) {
  const o = parseArgs(ctx.argv);
  const name = move ? 'mv' : 'cp';
  if (o.operands.length < 2) { ctx.err(`${name}: missing destination file operand\n`); return 1; }
  const dest = o.operands[o.operands.length - 1];
  const dstat = ctx.sys.fs.stat(abs(ctx, dest));
  let status = 0;
  for (const src of o.operands.slice(0, -1)) {
    const c = ctx.sys.fs.read(abs(ctx, src));
    if (c instanceof FsError) {
      ctx.err(flavor(ctx) === 'busybox' ? `${name}: can't stat '${src}': ${c.text}\n` : `${name}: cannot stat '${src}': ${c.text}\n`);
      status = 1;
      continue;
    }
    const target = dstat?.type === 'dir' ? `${abs(ctx, dest)}/${basename(src)}` : abs(ctx, dest);
    const e = ctx.sys.fs.write(target, c);
    if (e) { ctx.err(`${name}: ${flavor(ctx) === 'busybox' ? "can't create" : 'cannot create regular file'} '${dest}': ${e.text}\n`); status = 1; continue; }
    if (move) ctx.sys.fs.remove(abs(ctx, src));
  }
  return status;
}

const head: Program = function* (ctx) {
  const argv = ctx.argv.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const o = parseArgs(argv, ['n', 'c']);
  const n = Number(o.values.get('n') ?? 10);
  const c = yield* readInput(ctx, o.operands[0]);
  if (c === undefined) return 1;
  ctx.out(o.values.has('c') ? c.slice(0, Number(o.values.get('c'))) : lines(c).slice(0, n).map((l) => `${l}\n`).join(''));
  return 0;
};

const tail: Program = function* (ctx) {
  const argv = ctx.argv.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const o = parseArgs(argv, ['n']);
  const follow = o.flags.has('f') || o.flags.has('F') || o.flags.has('follow');
  const nv = o.values.get('n') ?? '10';
  const file = o.operands[0];
  const c = file === undefined && follow ? '' : yield* readInput(ctx, file);
  if (c === undefined) return 1;
  const l = lines(c);
  ctx.out((nv.startsWith('+') ? l.slice(Number(nv.slice(1)) - 1) : l.slice(-Number(nv) || l.length)).map((x) => `${x}\n`).join(''));
  // `tail -f /dev/null` is the classic keep-alive: nothing more ever arrives.
  if (follow) yield* waitForever();
  return 0;
};

const wc: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const files = o.operands.length ? o.operands : [undefined];
  let status = 0;
  for (const f of files) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) { status = 1; continue; }
    const counts: number[] = [];
    const sel = ['l', 'w', 'c'].filter((k) => o.flags.has(k) || (k === 'c' && o.flags.has('m')));
    const want = sel.length ? sel : ['l', 'w', 'c'];
    for (const k of want) counts.push(k === 'l' ? (c.match(/\n/g) ?? []).length : k === 'w' ? c.split(/\s+/).filter(Boolean).length : new TextEncoder().encode(c).length);
    const bb = flavor(ctx) === 'busybox';
    const width = want.length === 1 && !f ? 0 : bb ? 9 : Math.max(...counts.map((x) => String(x).length));
    ctx.out(`${counts.map((x) => String(x).padStart(width)).join(bb ? ' ' : ' ')}${f ? ` ${f}` : ''}\n`);
  }
  return status;
};

const tee: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const c = yield* ctx.stdin.readAll();
  ctx.out(c);
  let status = 0;
  for (const f of o.operands) {
    const e = ctx.sys.fs.write(abs(ctx, f), c, o.flags.has('a'));
    if (e) { ctx.err(`tee: ${f}: ${e.text}\n`); status = 1; }
  }
  return status;
};

const chmod: Program = function* (ctx) {
  const [mode, ...files] = ctx.argv.slice(1).filter((a) => a !== '-R');
  let status = 0;
  for (const f of files) {
    const st = ctx.sys.fs.stat(abs(ctx, f));
    let m = st?.mode ?? 0o644;
    if (/^[0-7]+$/.test(mode ?? '')) m = parseInt(mode, 8);
    else if (/\+x/.test(mode ?? '')) m |= 0o111;
    else if (/-x/.test(mode ?? '')) m &= ~0o111;
    const e = ctx.sys.fs.chmod(abs(ctx, f), m);
    if (e) { ctx.err(flavor(ctx) === 'busybox' ? `chmod: ${f}: ${e.text}\n` : `chmod: cannot access '${f}': ${e.text}\n`); status = 1; }
  }
  return status;
};

const find: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0].startsWith('-')) roots.push(args.shift()!);
  let name: RegExp | undefined;
  let type: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-name') name = new RegExp(`^${args[++i].replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    else if (args[i] === '-type') type = args[++i];
  }
  const fs = ctx.sys.fs;
  const walk = (p: string, shown: string, depth: number) => {
    const st = fs.stat(p);
    if (!st) return;
    const okType = !type || (type === 'd' ? st.type === 'dir' : st.type === 'file');
    if (okType && (!name || name.test(basename(p)))) ctx.out(`${shown}\n`);
    if (st.type === 'dir' && depth < 32) {
      const names = fs.list(p);
      if (Array.isArray(names)) for (const n of names) walk(`${p === '/' ? '' : p}/${n}`, `${shown === '/' ? '' : shown}/${n}`, depth + 1);
    }
  };
  for (const r of roots.length ? roots : ['.']) {
    if (!fs.stat(abs(ctx, r))) { ctx.err(`find: ${flavor(ctx) === 'busybox' ? `${r}: No such file or directory` : `'${r}': No such file or directory`}\n`); continue; }
    walk(abs(ctx, r), r, 0);
  }
  return 0;
};

/** The file utilities by program id. */
export const FILE_UTILS: Record<string, Program> = {
  ls, cat, mkdir, rm, rmdir, touch, head, tail, wc, tee, chmod, find,
  cp: (ctx) => copy(ctx, false),
  mv: (ctx) => copy(ctx, true),
  dir: ls, vdir: ls,
};

/** `ls -l` mode bits ("drwxr-xr-x"). */
export { modeString };

// Redirections (XCU 2.7): > >> < 2>&1 >&- here-documents, with each shell's wording of failures
// (ash/dash "cannot create … nonexistent directory" and friends).
import type { Redirect } from './ast';
import type { Effect } from '../process/effects';
import { stringStdin } from '../process/context';
import { FsError } from '../filesystem/container-fs';
import { resolvePath } from '../filesystem/image-tree';
import { expandToString } from './expand';
import { Lexer } from './lexer';
import type { Io, Shell } from './interpreter';

type Gen<T> = Generator<Effect, T, unknown>;

/** Applies redirections (XCU 2.7) for a command of `sh`; undefined when one fails (the message is printed). */
export function* applyRedirects(sh: Shell, rs: Redirect[], io: Io): Gen<Io | undefined> {
  let cur: Io = io;
  const fs = sh.ctx.sys.fs;
  for (const r of rs) {
    if (r.heredoc) {
      const body = r.heredoc.quoted ? r.heredoc.body
        : yield* expandHeredoc(sh, r.heredoc.body, cur);
      cur = { ...cur, stdin: stringStdin(body) };
      continue;
    }
    const target = yield* expandToString(r.target, sh.expandEnv(cur));
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') cur = r.fd === 2 ? { ...cur, err: () => undefined } : r.fd === 1 ? { ...cur, out: () => undefined } : cur;
      else if (target === '1' && r.fd === 2) cur = { ...cur, err: cur.out };
      else if (target === '2' && r.fd === 1) cur = { ...cur, out: cur.err };
      else if (r.op === '>&' && !/^\d+$/.test(target)) cur = fileOut(sh, target, 1, false, cur) ?? cur;
      continue;
    }
    if (r.op === '<' || r.op === '<>') {
      const content = target === '/dev/stdin' ? undefined : fs.read(resolvePath(sh.cwd, target));
      if (content instanceof FsError) {
        io.err(sh.dialect.cannotOpen(sh.site(), target, content.text));
        return undefined;
      }
      if (content !== undefined) cur = { ...cur, stdin: stringStdin(content) };
      continue;
    }
    const next = fileOut(sh, target, r.fd, r.op === '>>', cur);
    if (!next) {
      return undefined;
    }
    cur = next;
  }
  return cur;
}

function fileOut(sh: Shell, target: string, fd: number, append: boolean, cur: Io): Io | undefined {
  const fs = sh.ctx.sys.fs;
  let writer: (s: string) => void;
  if (target === '/dev/null') writer = () => undefined;
  else if (target === '/dev/stdout') writer = cur.out;
  else if (target === '/dev/stderr') writer = cur.err;
  else {
    const path = resolvePath(sh.cwd, target);
    const err = append ? fs.write(path, '', true) : fs.write(path, '');
    if (err) {
      // ash and dash word a missing parent directory their own way (ash.c / dash redir.c).
      const text = err.code !== 'ENOENT' ? err.text : sh.dialect.kind === 'ash' ? 'nonexistent directory' : sh.dialect.kind === 'dash' ? 'Directory nonexistent' : err.text;
      cur.err(sh.dialect.cannotCreate(sh.site(), target, text));
      return undefined;
    }
    writer = (s) => { fs.write(path, s, true); };
  }
  return fd === 2 ? { ...cur, err: writer } : fd === 1 ? { ...cur, out: writer } : cur;
}

function* expandHeredoc(sh: Shell, body: string, io: Io): Gen<string> {
  const escaped = body.replace(/\\(?![$`\\\n])/g, '\\\\').replace(/"/g, '\\"');
  const word = new Lexer(`"${escaped}"`).word(() => false);
  return yield* expandToString(word, sh.expandEnv(io));
}

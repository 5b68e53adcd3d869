// Redirections around a command, as bash applies them: < file, > and >> (the file is created or
// truncated first, written when the command ends), 2>&1 and 1>&2 in order, >& file and /dev/null,
// and here-documents (expanded unless the delimiter was quoted).
import type { Redirect, Word } from '../engine/runtime/shell/ast';
import { Lexer } from '../engine/runtime/shell/lexer';
import { expandHeredoc, expandString, type ExpandEnv } from './expand';
import type { MemFS } from './memfs';
import type { ShellIO, Stdin } from './shell';

/** The word a here-document body expands as (its text inside double quotes). */
function heredocWord(src: string): Word {
  return new Lexer(src).word(() => false);
}

/** Runs fn with the redirections applied; resolves to its status (1 when a redirection fails). */
export async function withRedirects(rs: Redirect[], stdin: Stdin, io: ShellIO, fs: MemFS, env: ExpandEnv,
  fn: (stdin: Stdin, io: ShellIO) => Promise<number>): Promise<number> {
  if (!rs.length) return fn(stdin, io);
  let input = stdin;
  let readLine = io.readLine;
  let out = io.stdout;
  let err = io.stderr;
  const sinks: { path: string; text: string; append: boolean }[] = [];
  for (const r of rs) {
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc?.body ?? '';
      input = { text: r.heredoc?.quoted ? body : await expandHeredoc(body, env, heredocWord) };
      readLine = undefined;
      continue;
    }
    const target = await expandString(r.target, env);
    if (r.op === '<') {
      const t = target === '/dev/null' ? '' : fs.isDir(target) ? undefined : fs.read(target);
      if (t === undefined) { io.stderr(`bash: ${target}: ${fs.isDir(target) ? 'Is a directory' : 'No such file or directory'}\n`); return 1; }
      input = { text: t };
      readLine = undefined;
    } else if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
      const toOut = out;
      const toErr = err;
      if (r.fd === 2 && target === '1') err = (s) => toOut(s);
      else if (r.fd === 1 && target === '2') out = (s) => toErr(s);
    } else if (r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '>&') {
      if (target === '/dev/null') {
        if (r.fd === 2 || r.op === '>&') err = () => undefined;
        if (r.fd !== 2) out = () => undefined;
        continue;
      }
      if (fs.isDir(target)) { io.stderr(`bash: ${target}: Is a directory\n`); return 1; }
      const sink = { path: target, text: '', append: r.op === '>>' };
      sinks.push(sink);
      // bash creates (or truncates) the file before the command runs.
      if (!sink.append) fs.write(target, ''); else if (fs.read(target) === undefined) fs.write(target, '');
      const write = (s: string) => { sink.text += s; };
      if (r.fd === 2) err = write; else out = write;
      if (r.op === '>&') err = write;
    }
  }
  try {
    return await fn(input, { stdout: (s) => out(s), stderr: (s) => err(s), readLine, onInterrupt: readLine ? io.onInterrupt : undefined });
  } finally {
    for (const s of sinks) fs.append(s.path, s.text);
  }
}
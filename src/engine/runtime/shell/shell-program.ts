// The shells as programs: `sh -c '…'`, `sh script.sh`, a script on stdin, or an interactive session
// (kubectl exec -it … -- sh) with its prompt: "/ # " (busybox/alpine ash), "# " (dash) or
// "root@<pod>:/# " (bash with Debian's /root/.bashrc).
import type { Program, ProcCtx } from '../process/context';
import { Interrupted, ProcessExit } from '../process/effects';
import type { Effect } from '../process/effects';
import { resolvePath } from '../filesystem/image-tree';
import { dialectOf, type ShellKind } from './dialect';
import { Shell, type Io } from './interpreter';
import { IncompleteInput, parseScript } from './parser';
import type { List } from './ast';

type Gen<T> = Generator<Effect, T, unknown>;

/** Resident memory of an idle shell (busybox ash is tiny; bash is not). */
const SHELL_MEMORY: Record<ShellKind, number> = { ash: 450 * 1024, dash: 600 * 1024, bash: 3 * 1024 * 1024 };

/** bash's version in the catalog's Debian/Ubuntu images (for the default PS1 "bash-5.2# "). */
const BASH_VERSION = '5.2';

/** Marks the last simple command of a -c script: the shells exec it in place of themselves. */
function lastSimple(list: List) {
  const last = list.items[list.items.length - 1];
  if (!last || last.background || last.cmd.rest.length || last.cmd.first.negate || last.cmd.first.cmds.length !== 1) return undefined;
  const c = last.cmd.first.cmds[0];
  return c.t === 'simple' ? c : undefined;
}

function* runTopLevel(sh: Shell, io: Io, body: () => Gen<number>): Gen<number> {
  let code: number;
  try {
    code = yield* body();
  } catch (e) {
    if (!(e instanceof ProcessExit)) throw e;
    code = e.code;
  }
  const exitTrap = sh.traps.get('EXIT');
  if (exitTrap !== undefined) {
    sh.traps.delete('EXIT');
    sh.status = code;
    try {
      yield* sh.runScript(exitTrap, io);
    } catch (e) {
      if (!(e instanceof ProcessExit)) throw e;
      code = e.code;
    }
  }
  return code;
}

// The read-eval loop: an interactive shell (prompts, `exit` said by bash), or with `prompts` false a shell
// reading commands from a stream (`kubectl exec -i pod -- sh`), which runs each command as its line arrives.
function* repl(sh: Shell, ctx: ProcCtx, io: Io, kind: ShellKind, prompts = true): Gen<number> {
  sh.interactive = prompts;
  const host = ctx.sys.hostname;
  const home = sh.get('HOME') ?? '/root';
  const bashrc = kind === 'bash' && ctx.sys.fs.stat('/root/.bashrc');
  let buf = '';
  let lineBase = 0;
  for (;;) {
    yield* sh.checkTraps(io);
    if (!prompts) {
      // No prompt without a terminal.
    } else if (!buf) {
      const ps1 = sh.vars.get('PS1')?.v;
      io.out(ps1 ?? (kind === 'bash' && !bashrc ? `bash-${BASH_VERSION}# ` : sh.dialect.prompt(host, sh.cwd, home)));
    } else io.out(sh.vars.get('PS2')?.v ?? '> ');
    let line: string | undefined;
    try {
      line = yield* ctx.stdin.readLine();
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      // Ctrl-C at the prompt: the line typed so far is dropped.
      io.out('\n');
      buf = '';
      continue;
    }
    if (line === undefined) {
      if (!prompts) {
        if (buf) sh.syntaxError(new IncompleteInput(), buf, io);
        return buf ? 2 : sh.status;
      }
      // At end of input bash says "exit"; ash and dash end the prompt's line (cmdloop's newline on EOF).
      if (kind === 'bash') io.out('exit\n');
      else io.err('\n');
      return sh.status;
    }
    buf += `${line}\n`;
    let list: List;
    try {
      list = parseScript(buf);
    } catch (e) {
      if (e instanceof IncompleteInput) continue;
      sh.syntaxError(e, buf, io);
      lineBase += buf.split('\n').length - 1;
      buf = '';
      continue;
    }
    const lines = buf.split('\n').length - 1;
    buf = '';
    try {
      for (const item of list.items) for (const p of [item.cmd.first, ...item.cmd.rest.map((r) => r.p)]) for (const c of p.cmds) if (c.t === 'simple') c.line += lineBase;
      yield* sh.runList(list, io);
    } catch (e) {
      if (e instanceof ProcessExit) return e.code;
      if (!(e instanceof Interrupted) || !prompts) throw e;
      // Ctrl-C ended the running command (its process group got SIGINT): a new line, then the prompt.
      io.out('\n');
      sh.status = 130;
    }
    lineBase += lines;
  }
}

/** The program of /bin/sh, /bin/ash, /bin/dash or /bin/bash. */
export function shellProgram(kind: ShellKind): Program {
  return function* (ctx: ProcCtx) {
    const sh = new Shell(ctx, dialectOf(kind));
    ctx.sys.setMemory(ctx.pid, SHELL_MEMORY[kind]);
    const io: Io = { out: (s) => ctx.out(s), err: (s) => ctx.err(s), stdin: ctx.stdin };
    const args = ctx.argv.slice(1);
    let command: string | undefined;
    let forceInteractive = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '-c') { command = args[++i]; continue; }
      if (a === '--') { i++; break; }
      if (/^-[a-zA-Z]+$/.test(a) || /^\+[a-zA-Z]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === 'c') command = args[++i];
          else if (f === 'e') sh.opts.e = a[0] === '-';
          else if (f === 'x') sh.opts.x = a[0] === '-';
          else if (f === 'u') sh.opts.u = a[0] === '-';
          else if (f === 'i') forceInteractive = true;
        }
        continue;
      }
      break;
    }
    const rest = args.slice(i);
    if (command !== undefined) {
      if (rest.length) { sh.arg0 = rest[0]; sh.positional = rest.slice(1); }
      sh.cmode = true;
      return yield* runTopLevel(sh, io, function* () {
        let list: List;
        try {
          list = parseScript(command!);
        } catch (e) {
          return sh.syntaxError(e, command!, io);
        }
        sh.execTarget = lastSimple(list);
        return yield* sh.runList(list, io);
      });
    }
    if (rest.length && !forceInteractive) {
      const file = rest[0];
      const content = ctx.sys.fs.read(resolvePath(ctx.cwd, file));
      if (typeof content !== 'string') {
        const err = kind === 'ash' ? `${sh.arg0}: can't open '${file}': No such file or directory\n`
          : kind === 'dash' ? `${sh.arg0}: 0: cannot open ${file}: No such file\n` : `${sh.arg0}: ${file}: No such file or directory\n`;
        io.err(err);
        return kind === 'bash' ? 127 : 2;
      }
      sh.arg0 = file;
      sh.positional = rest.slice(1);
      return yield* runTopLevel(sh, io, () => sh.runScript(content, io));
    }
    if (ctx.stdin.interactive || forceInteractive) return yield* runTopLevel(sh, io, () => repl(sh, ctx, io, kind));
    // A live stream (kubectl exec -i) is run line by line as it arrives; a pipe's buffered text as a script.
    if (ctx.stdin.live) return yield* runTopLevel(sh, io, () => repl(sh, ctx, io, kind, false));
    const script = yield* ctx.stdin.readAll();
    return yield* runTopLevel(sh, io, () => sh.runScript(script, io));
  };
}

// `exec "$@"`, the last line of most docker-entrypoint.sh scripts, and the small wrappers that do
// only that (gosu USER CMD…, dumb-init -- CMD…, curlimages' /entrypoint.sh).
import type { Program, ProcCtx } from '../process/context';
import { execInPlace, type Proc } from '../process/effects';

/**
 * Replaces the current program with argv (same pid, same signals). `line` is the line of the
 * script's `exec "$@"` for the shell's "not found" message.
 */
export function* execArgs(ctx: ProcCtx, argv: string[], line = 47): Proc {
  if (argv.length === 0) return 0;
  const target = ctx.sys.findExecutable(argv[0], ctx.env.get('PATH'), ctx.cwd);
  if (!target) {
    const ash = ctx.sys.image.os.flavor === 'alpine' || ctx.sys.image.os.flavor === 'busybox';
    ctx.err(ash ? `${ctx.argv[0]}: exec: line ${line}: ${argv[0]}: not found\n` : `${ctx.argv[0]}: ${line}: exec: ${argv[0]}: not found\n`);
    return 127;
  }
  const next = ctx.sys.runProgram(target, { ...ctx, argv });
  return ctx.leader ? yield* execInPlace(next) : yield* next;
}

/** A wrapper whose only job is to exec its arguments (after skipping its own options). */
export const execWrapper = (skip: (args: string[]) => string[]): Program => function* (ctx) {
  return yield* execArgs(ctx, skip(ctx.argv.slice(1)), 1);
};

/** gosu USER COMMAND…: drops privileges (not simulated) and execs. */
export const gosu = execWrapper((a) => a.slice(1));
/** dumb-init [--] COMMAND…. */
export const dumbInit = execWrapper((a) => (a[0] === '--' ? a.slice(1) : a.filter((x, i) => !(i === 0 && x.startsWith('-')))));
/** An entrypoint that is just `exec "$@"`. */
export const execAll = execWrapper((a) => a);

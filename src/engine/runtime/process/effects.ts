// How a simulated process waits. A process is a generator that yields effects; the Fiber that runs
// it resumes it from clock timers, synchronously. (Promises would resume in a microtask after the
// whole clock.advance() returned, so `while true; do …; sleep 5; done` would drift off the timeline.)

/** Something a process waits for. */
export type Effect =
  /** Simulated time passing (sleep(1), a timeout, startup work). */
  | { kind: 'sleep'; ms: number }
  /**
   * Anything else: `start` arranges to call `resume` (maybe synchronously) and returns a cancel;
   * the value given to resume is what the yield evaluates to.
   */
  | { kind: 'wait'; start: (resume: (value?: unknown) => void) => (() => void) | void }
  /**
   * execve(2): the process becomes `proc`. Only a fiber's leading program may yield it; the fiber
   * drops the old program's frames (its memory), as the kernel drops the old image.
   */
  | { kind: 'exec'; proc: Proc };

/** A running program: yields effects, returns its exit status. */
export type Proc = Generator<Effect, number, unknown>;

/** Thrown to end the process at once (exit(3), `exit 1` in a shell, a fatal error). */
export class ProcessExit {
  constructor(readonly code: number) {}
}

/**
 * Thrown into a process at its wait by a Ctrl-C on its terminal (the TTY's SIGINT to the foreground job):
 * unlike ProcessExit it passes the in-line children (runChild) and ends the whole command an interactive
 * shell is running; the shell catches it and prompts again, anything else ends with 130.
 */
export class Interrupted {}

/** Sleeps `ms` simulated milliseconds. */
export function* sleep(ms: number): Generator<Effect, void, unknown> {
  if (ms > 0) yield { kind: 'sleep', ms };
}

/** Blocks until killed (a daemon's main loop with nothing to do between requests and signals). */
export function* waitForever(): Generator<Effect, never, unknown> {
  for (;;) yield { kind: 'wait', start: () => undefined };
}

/** Waits for a callback-style event; returns the value it was resumed with. */
export function* waitFor<T>(start: (resume: (value: T) => void) => (() => void) | void): Generator<Effect, T, unknown> {
  return (yield { kind: 'wait', start: start as (resume: (v?: unknown) => void) => (() => void) | void }) as T;
}

/** Replaces the calling program (which must lead its fiber: ctx.leader) with `proc`; never returns. */
export function* execInPlace(proc: Proc): Proc {
  yield { kind: 'exec', proc };
  throw new Error('exec: resumed after exec');
}

/** Runs a child program in-line and returns its status, absorbing its exit() (the parent lives on). */
export function* runChild(proc: Proc): Proc {
  try {
    return yield* proc;
  } catch (e) {
    if (e instanceof ProcessExit) return e.code;
    throw e;
  }
}

/**
 * Waits for a one-shot wait (like a spawned job's `wait()`), giving up after `ms` simulated
 * milliseconds; `after` schedules the timeout on the clock.
 */
export function* withTimeout<T>(wait: Generator<Effect, T, unknown>, ms: number,
  after: (ms: number, fn: () => void) => () => void): Generator<Effect, { value: T } | { timeout: true }, unknown> {
  const first = wait.next();
  if (first.done) return { value: first.value };
  const eff = first.value;
  if (eff.kind !== 'wait') throw new Error('withTimeout: expected a wait effect');
  const r = (yield ({
    kind: 'wait',
    start: (resume) => {
      let settled = false;
      const timer: { cancel?: () => void } = {};
      const cancelWait = eff.start((v) => {
        if (settled) return;
        settled = true;
        timer.cancel?.();
        resume({ value: v });
      });
      if (settled) return undefined;
      timer.cancel = after(ms, () => {
        if (settled) return;
        settled = true;
        if (cancelWait) cancelWait();
        resume({ timeout: true });
      });
      return () => {
        settled = true;
        timer.cancel?.();
        if (cancelWait) cancelWait();
      };
    },
  } as Effect)) as { value: unknown } | { timeout: true };
  if ('timeout' in r) return r;
  const rest = wait.next(r.value);
  return rest.done ? { value: rest.value } : { value: r.value as T };
}

// The scheduler of one simulated process: steps its generator until it waits, and resumes it when
// the wait ends (a clock timer, a callback). Everything runs synchronously inside clock timers.
import type { Clock } from '../../clock';
import { Interrupted, type Proc, ProcessExit } from './effects';

/** A process's thread of execution. `exit` is called exactly once. */
export class Fiber {
  private cancel: (() => void) | undefined;
  private finished = false;
  private running = false;

  constructor(private gen: Proc, private readonly clock: Clock, private readonly exit: (code: number) => void) {}

  /** Has the process ended? */
  get done(): boolean {
    return this.finished;
  }

  /** Runs the process until its first wait. */
  start(): void {
    this.step(undefined);
  }

  /**
   * Ctrl-C on the process's terminal: Interrupted is thrown at the wait it is in (not while it runs, and
   * not once it has ended). Returns whether it was delivered.
   */
  interrupt(): boolean {
    if (this.finished || this.running) return false;
    this.cancel?.();
    this.cancel = undefined;
    this.step(undefined, new Interrupted());
    return true;
  }

  private step(input: unknown, thrown?: Interrupted): void {
    let value = input;
    let raise = thrown;
    this.running = true;
    try {
      for (;;) {
        if (this.finished) return;
        let r: IteratorResult<unknown, number>;
        try {
          if (raise) {
            const e = raise;
            raise = undefined;
            r = this.gen.throw(e);
          } else r = this.gen.next(value);
        } catch (e) {
          if (e instanceof ProcessExit) return this.finish(e.code);
          if (e instanceof Interrupted) return this.finish(130);
          throw e;
        }
        if (r.done) return this.finish(r.value);
        if (this.finished) {
          // Killed while it ran (an OOM kill triggered by its own allocation): unwind it now.
          this.running = false;
          this.unwind();
          return;
        }
        const eff = r.value as import('./effects').Effect;
        if (eff.kind === 'exec') {
          // The old program's frames are dropped, not unwound: exec runs no finally blocks either.
          this.gen = eff.proc;
          value = undefined;
          continue;
        }
        if (eff.kind === 'sleep') {
          this.cancel = this.clock.after(eff.ms, () => {
            this.cancel = undefined;
            this.step(undefined);
          });
          return;
        }
        // A wait may resolve synchronously (data already buffered): keep stepping in this loop
        // instead of recursing, so long pipelines do not grow the stack.
        let sync = true;
        let got = false;
        let syncValue: unknown;
        const cancel = eff.start((v?: unknown) => {
          if (this.finished) return;
          if (sync) {
            got = true;
            syncValue = v;
          } else {
            this.cancel = undefined;
            this.step(v);
          }
        });
        sync = false;
        if (got) {
          if (cancel) cancel();
          value = syncValue;
          continue;
        }
        this.cancel = cancel || undefined;
        return;
      }
    } finally {
      this.running = false;
    }
  }

  private finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.exit(code);
  }

  /** Ends the process from outside (SIGKILL, container teardown); reports `code` as its status. */
  kill(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.cancel?.();
    this.cancel = undefined;
    if (!this.running) this.unwind();
    this.exit(code);
  }

  private unwind(): void {
    try {
      this.gen.return(0);
    } catch {
      // finally blocks of a killed process must not take the runtime down
    }
  }
}

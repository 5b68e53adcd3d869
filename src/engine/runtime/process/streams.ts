// The streams and signal queue of a container's processes: the container log's line writer, a
// process's signal disposition, and stdin fed by `kubectl exec -i`.
import type { Clock } from '../../clock';
import type { ContainerEvents, ExecIO } from '../cri';
import { type Effect, waitFor } from './effects';
import type { SignalChannel, Stdin } from './context';
import type { Signal } from './signals';

/** What the container keeps per process for signals. */
export interface SignalRecord {
  catches: Signal[];
  queue: Signal[];
  wake?: (s: Signal) => void;
}

/** Lines to the container log: one per "\n", the rest when the process ends (json-file keeps partials). */
export class LineWriter {
  private buf = '';
  constructor(private readonly events: ContainerEvents, private readonly stream: 'stdout' | 'stderr') {}
  write(s: string): void {
    this.buf += s;
    let i: number;
    while ((i = this.buf.indexOf('\n')) !== -1) {
      this.events.log(this.buf.slice(0, i), this.stream);
      this.buf = this.buf.slice(i + 1);
    }
  }
  flush(): void {
    if (this.buf) this.events.log(this.buf, this.stream);
    this.buf = '';
  }
}

/** A process's signal disposition and queue (a class, not closures: there is one per process). */
export class ProcSignals implements SignalChannel {
  constructor(private readonly rec: SignalRecord, private readonly clock: Clock) {}

  catchSignals(sigs: Signal[]): void {
    // A new exact-size list: push onto [] reserves room for 17 (every nginx process catches a few).
    const add = sigs.filter((s, i) => !this.rec.catches.includes(s) && sigs.indexOf(s) === i);
    if (add.length) this.rec.catches = [...this.rec.catches, ...add];
  }

  resetSignals(): void {
    this.rec.catches = [];
  }

  nextSignal(): Generator<Effect, Signal, unknown> {
    const rec = this.rec;
    return waitFor<Signal>((resume) => {
      const s = rec.queue.shift();
      if (s) return resume(s);
      rec.wake = (sig) => {
        rec.wake = undefined;
        rec.queue.shift();
        resume(sig);
      };
      return () => { rec.wake = undefined; };
    });
  }

  pendingSignal(): Signal | undefined {
    return this.rec.queue.shift();
  }

  sleepOrSignal(ms: number): Generator<Effect, Signal | undefined, unknown> {
    const rec = this.rec;
    return waitFor<Signal | undefined>((resume) => {
      const s = rec.queue.shift();
      if (s) return resume(s);
      const cancel = this.clock.after(ms, () => { rec.wake = undefined; resume(undefined); });
      rec.wake = (sig) => { rec.wake = undefined; rec.queue.shift(); cancel(); resume(sig); };
      return () => { cancel(); rec.wake = undefined; };
    });
  }

  raceSignal<T>(start: (resume: (value: T) => void) => (() => void) | void): Generator<Effect, { signal: Signal } | { value: T }, unknown> {
    const rec = this.rec;
    return waitFor<{ signal: Signal } | { value: T }>((resume) => {
      const s = rec.queue.shift();
      if (s) return resume({ signal: s });
      let cancelEvent: (() => void) | void = undefined;
      rec.wake = (sig) => { rec.wake = undefined; rec.queue.shift(); cancelEvent?.(); resume({ signal: sig }); };
      cancelEvent = start((value) => { rec.wake = undefined; resume({ value }); });
      return () => { cancelEvent?.(); rec.wake = undefined; };
    });
  }
}

/** Standard input fed by `kubectl exec -i` (each line arrives when the user types it). */
export function ioStdin(io: ExecIO): Stdin {
  let eof = false;
  const readLine = function* (): Generator<Effect, string | undefined, unknown> {
    if (eof) return undefined;
    const line = yield* waitFor<string | undefined>((resume) => {
      let live = true;
      io.readLine!().then((l) => { if (live) resume(l); }, () => { if (live) resume(undefined); });
      return () => { live = false; };
    });
    if (line === undefined) eof = true;
    return line;
  };
  return {
    interactive: !!io.tty,
    live: true,
    readLine,
    *readAll() {
      let all = '';
      for (let l = yield* readLine(); l !== undefined; l = yield* readLine()) all += `${l}\n`;
      return all;
    },
  };
}

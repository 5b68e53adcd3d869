// The one source of time in the engine. Models the role of k8s.io/utils/clock/testing FakeClock:
// everything that waits (back-off, grace periods, heartbeats, cron) asks this clock, never the wall.

/** Milliseconds since the Unix epoch, on the simulated timeline. */
export type SimMillis = number;

/** Cancels a timer; calling it after the timer fired (or twice) does nothing. */
export type Cancel = () => void;

/** What engine components are given: read the time, and schedule work. */
export interface Clock {
  /** The current simulated time. */
  now(): SimMillis;
  /** Run fn once, `ms` simulated milliseconds from now (0: after the work already due now). */
  after(ms: number, fn: () => void): Cancel;
}

interface Timer {
  due: SimMillis;
  /** Scheduling order; breaks ties between equal due times (first scheduled runs first). */
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Thrown when work keeps rescheduling itself at one instant: a runaway loop, not a busy cluster. */
export class RunawayError extends Error {}

/** Options for a simulated clock. */
export interface SimClockOptions {
  /** Where the timeline starts (ms since the Unix epoch). */
  start: SimMillis;
  /** Most tasks run at a single instant before RunawayError. */
  maxTasksPerInstant?: number;
}

/**
 * A simulated clock with a timer queue. Invariants: time never goes backwards; timers run in
 * (due, seq) order; a timer scheduled while running at time t with delay 0 runs at t, after every
 * timer already due at t (cf. vscode timeTravelScheduler.ts).
 */
export class SimClock implements Clock {
  private t: SimMillis;
  private seq = 0;
  private heap: Timer[] = [];
  private live = 0;
  private readonly maxTasksPerInstant: number;
  private running = false;
  /** Total timers run since creation (a cheap activity counter for benchmarks and the UI). */
  tasksRun = 0;

  constructor(opts: SimClockOptions) {
    this.t = opts.start;
    this.maxTasksPerInstant = opts.maxTasksPerInstant ?? 20_000_000;
  }

  now(): SimMillis {
    return this.t;
  }

  after(ms: number, fn: () => void): Cancel {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = { due: this.t + delay, seq: this.seq++, fn, cancelled: false };
    this.push(timer);
    this.live++;
    return () => {
      if (!timer.cancelled) {
        timer.cancelled = true;
        this.live--;
      }
    };
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.live;
  }

  /** When the next live timer is due, or undefined when nothing waits. */
  nextDue(): SimMillis | undefined {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].due : undefined;
  }

  /** Run everything due now (including work that work due now schedules for now). */
  flush(): number {
    return this.advanceTo(this.t);
  }

  /** Move time forward by ms, running every timer due on the way, in order. Returns tasks run. */
  advance(ms: number): number {
    return this.advanceTo(this.t + Math.max(0, ms));
  }

  /** Advance to the next due timer and run everything due then ("step"); returns the new time. */
  step(): SimMillis {
    const next = this.nextDue();
    if (next !== undefined) this.advanceTo(Math.max(next, this.t));
    return this.t;
  }

  /** Run every timer due at or before `target`, then leave the clock at `target`. */
  advanceTo(target: SimMillis): number {
    if (this.running) throw new Error('clock: advance() called from inside a timer');
    this.running = true;
    let ran = 0;
    let atInstant = 0;
    try {
      for (;;) {
        this.dropCancelled();
        const top = this.heap[0];
        if (!top || top.due > target) break;
        this.pop();
        this.live--;
        top.cancelled = true;
        if (top.due > this.t) {
          this.t = top.due;
          atInstant = 0;
        }
        if (++atInstant > this.maxTasksPerInstant) {
          throw new RunawayError(`clock: more than ${this.maxTasksPerInstant} tasks at one instant; a timer keeps rescheduling itself`);
        }
        ran++;
        this.tasksRun++;
        top.fn();
      }
      if (target > this.t) this.t = target;
    } finally {
      this.running = false;
    }
    return ran;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(x: Timer): void {
    const h = this.heap;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

// Maps wall time × speed onto the simulated clock: the worker calls tick() every frame or so and
// the clock advances by the wall time since the last tick times the speed, in slices, within a
// wall-time budget. When the cluster cannot keep up, the rest of the slice is dropped (simulated time
// runs slower than asked, `lagging`) rather than queued: the tab must never freeze to catch up.
import type { SimClock } from '../engine/clock';
import type { Speed } from './protocol';

/** Longest wall gap a tick accounts for (a throttled background tab must not jump minutes ahead). */
export const MAX_WALL_STEP_MS = 250;
/** Wall time a tick may spend advancing the clock. */
export const TICK_BUDGET_MS = 12;
/** Largest simulated slice advanced at once when no command waits (keeps the budget checks fine-grained). */
export const SLICE_MS = 1_000;

/** While a command waits, how far past the next due timer one slice goes (bounds the yields per tick). */
export const BUSY_GRANULARITY_MS = 50;

/** What the driver runs on. */
export interface TimeDriverDeps {
  clock: SimClock;
  /** Wall time in ms (performance.now() in the worker). */
  wall(): number;
  /** True while a terminal command runs: the clock then stops at every due timer and yields, so the
   * command's continuations see the time their timer fired at (`sleep 5; kubectl get pods`). */
  busy(): boolean;
  /** Lets promise continuations run (a macrotask turn). */
  yieldTask(): Promise<void>;
}

/** Drives the simulated clock from wall time. */
export class TimeDriver {
  private speedValue: Speed;
  private lastWall: number;
  /** Fraction of a simulated millisecond not yet advanced (simulated time stays in whole ms). */
  private carry = 0;
  /** True when the last tick could not reach its target within the budget. */
  lagging = false;

  constructor(private readonly deps: TimeDriverDeps, speed: Speed = 1) {
    this.speedValue = speed;
    this.lastWall = deps.wall();
  }

  get speed(): Speed {
    return this.speedValue;
  }

  /** Sets the speed (0 pauses); time spent at the old speed is not re-counted. */
  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.lastWall = this.deps.wall();
    if (speed === 0) this.lagging = false;
  }

  /** Pauses and advances to the next scheduled event, running it. Returns the new time. */
  step(): number {
    this.setSpeed(0);
    const { clock } = this.deps;
    const next = clock.nextDue();
    if (next !== undefined) clock.advanceTo(Math.max(next, clock.now()));
    return clock.now();
  }

  /**
   * Advances by the wall time since the last tick × speed. Work due "now" runs even when paused
   * (an API write's consequences at the current instant are part of that instant).
   */
  async tick(): Promise<void> {
    const { clock, wall, busy, yieldTask } = this.deps;
    const start = wall();
    const dt = Math.min(Math.max(0, start - this.lastWall), MAX_WALL_STEP_MS);
    this.lastWall = start;
    clock.flush();
    if (this.speedValue === 0) return;
    // Whole milliseconds only: timestamps are converted to integers (and BigInt) downstream.
    const exact = dt * this.speedValue + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    const target = clock.now() + whole;
    while (clock.now() < target) {
      if (wall() - start > TICK_BUDGET_MS) {
        this.lagging = true;
        return;
      }
      const waiting = busy();
      let to = Math.min(target, clock.now() + SLICE_MS);
      if (waiting) {
        const next = clock.nextDue();
        if (next !== undefined && next < to) to = Math.min(to, Math.max(next, clock.now()) + BUSY_GRANULARITY_MS);
      }
      clock.advanceTo(to);
      if (waiting) await yieldTask();
    }
    this.lagging = false;
  }
}

import { describe, expect, it } from 'vitest';
import { SimClock } from '../engine/clock';
import { TimeDriver, MAX_WALL_STEP_MS } from './time-driver';

function setup(speed: 0 | 1 | 10 | 60, busy = false) {
  const clock = new SimClock({ start: 1_000_000 });
  let wall = 0;
  const d = new TimeDriver({ clock, wall: () => wall, busy: () => busy, yieldTask: async () => undefined }, speed);
  return { clock, d, move: (ms: number) => { wall += ms; } };
}

describe('TimeDriver', () => {
  const cases = [
    { name: '1× follows the wall', speed: 1 as const, steps: [16.7, 16.6, 16.7], want: 50 },
    { name: '10× is ten times faster', speed: 10 as const, steps: [16.7, 16.6, 16.7], want: 500 },
    { name: '60× a minute per second', speed: 60 as const, steps: Array(60).fill(1000 / 60), want: 60_000 },
    { name: 'paused stands still', speed: 0 as const, steps: [500, 500], want: 0 },
    { name: 'a long gap counts at most MAX_WALL_STEP_MS', speed: 1 as const, steps: [10_000], want: MAX_WALL_STEP_MS },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { clock, d, move } = setup(c.speed);
      for (const s of c.steps) { move(s); await d.tick(); }
      expect(clock.now() - 1_000_000).toBeCloseTo(c.want, -1);
      expect(Number.isInteger(clock.now())).toBe(true);
    });
  }

  it('keeps simulated time in whole milliseconds, carrying fractions', async () => {
    const { clock, d, move } = setup(1);
    for (let i = 0; i < 3; i++) { move(0.4); await d.tick(); }
    expect(clock.now()).toBe(1_000_001);
  });

  it('runs timers in order and lets a waiting command see each one', async () => {
    const { clock, d, move } = setup(60, true);
    const seen: number[] = [];
    for (const at of [5_000, 1_000, 3_000]) clock.after(at, () => seen.push(clock.now() - 1_000_000));
    move(100);
    await d.tick();
    expect(seen).toEqual([1_000, 3_000, 5_000]);
  });

  it('steps to the next due timer and pauses', () => {
    const { clock, d } = setup(10);
    clock.after(7_000, () => undefined);
    expect(d.step()).toBe(1_007_000);
    expect(d.speed).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { SimClock, RunawayError } from './clock';
import { SeededRng } from './rng';
import { generateName, newUid, NAME_ALPHABET, safeEncodeString } from './names';
import { rfc3339, rfc3339Micro, parseTime } from './time';

describe('SimClock', () => {
  it('runs due timers in (due, scheduling order) and leaves time at the target', () => {
    const c = new SimClock({ start: 1000 });
    const log: string[] = [];
    c.after(50, () => log.push(`b@${c.now()}`));
    c.after(10, () => log.push(`a@${c.now()}`));
    c.after(50, () => log.push(`c@${c.now()}`));
    c.after(500, () => log.push('late'));
    expect(c.advance(100)).toBe(3);
    expect(log).toEqual(['a@1010', 'b@1050', 'c@1050']);
    expect(c.now()).toBe(1100);
    expect(c.pending()).toBe(1);
  });

  it('runs zero-delay work scheduled by a timer at the same instant, after what was already due', () => {
    const c = new SimClock({ start: 0 });
    const log: string[] = [];
    c.after(0, () => { log.push('first'); c.after(0, () => log.push('nested')); });
    c.after(0, () => log.push('second'));
    c.flush();
    expect(log).toEqual(['first', 'second', 'nested']);
    expect(c.now()).toBe(0);
  });

  it('cancelled timers never run and do not count as pending', () => {
    const c = new SimClock({ start: 0 });
    let ran = false;
    const cancel = c.after(5, () => { ran = true; });
    cancel();
    cancel();
    expect(c.pending()).toBe(0);
    c.advance(10);
    expect(ran).toBe(false);
    expect(c.nextDue()).toBeUndefined();
  });

  it('step() jumps straight to the next due timer', () => {
    const c = new SimClock({ start: 0 });
    const seen: number[] = [];
    c.after(3_600_000, () => seen.push(c.now()));
    expect(c.step()).toBe(3_600_000);
    expect(seen).toEqual([3_600_000]);
  });

  it('stops a runaway self-rescheduling loop with a clear error', () => {
    const c = new SimClock({ start: 0, maxTasksPerInstant: 1000 });
    const loop = () => { c.after(0, loop); };
    c.after(0, loop);
    expect(() => c.flush()).toThrow(RunawayError);
  });

  it('refuses re-entrant advance from inside a timer', () => {
    const c = new SimClock({ start: 0 });
    let err: unknown;
    c.after(1, () => { try { c.advance(1); } catch (e) { err = e; } });
    c.advance(5);
    expect(String(err)).toMatch(/inside a timer/);
  });
});

describe('SeededRng', () => {
  it('is reproducible per seed and differs across seeds', () => {
    const a = new SeededRng(42), b = new SeededRng(42), c = new SeededRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks are independent of draws on the parent', () => {
    const a = new SeededRng(7), b = new SeededRng(7);
    b.next(); b.next();
    expect(a.fork('names').next()).toBe(b.fork('names').next());
    expect(a.fork('names').next()).not.toBe(a.fork('scheduler').next());
  });
});

describe('names', () => {
  it('generateName appends 5 characters of the Kubernetes alphabet, cutting the base at 58', () => {
    const rng = new SeededRng(1);
    const n = generateName(rng, 'web-7d4b9c8f5-');
    expect(n).toMatch(new RegExp(`^web-7d4b9c8f5-[${NAME_ALPHABET}]{5}$`));
    expect(generateName(rng, 'x'.repeat(80))).toHaveLength(63);
  });

  it('UIDs look like version 4 UUIDs', () => {
    expect(newUid(new SeededRng(3))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('safeEncodeString maps onto the alphabet', () => {
    expect(safeEncodeString('1234567890')).toMatch(new RegExp(`^[${NAME_ALPHABET}]{10}$`));
  });
});

describe('time', () => {
  it('formats metav1.Time and MicroTime', () => {
    const t = Date.UTC(2025, 0, 15, 9, 0, 5, 123);
    expect(rfc3339(t)).toBe('2025-01-15T09:00:05Z');
    expect(rfc3339Micro(t)).toBe('2025-01-15T09:00:05.123000Z');
    expect(parseTime('2025-01-15T09:00:05Z')).toBe(Date.UTC(2025, 0, 15, 9, 0, 5));
  });
});

import { describe, expect, it } from 'vitest';
import { SimClock } from '../clock';
import { WorkQueue, ItemExponentialRateLimiter } from './workqueue';

describe('WorkQueue', () => {
  it('collapses duplicate keys and processes in FIFO order on the clock', () => {
    const clock = new SimClock({ start: 0 });
    const seen: string[] = [];
    const q = new WorkQueue<string>({ clock, name: 't', process: (k) => { seen.push(k); } });
    q.add('a'); q.add('b'); q.add('a');
    expect(seen).toEqual([]);
    clock.flush();
    expect(seen).toEqual(['a', 'b']);
  });

  it('re-processes a key added while it was being processed, never concurrently', () => {
    const clock = new SimClock({ start: 0 });
    const seen: string[] = [];
    let first = true;
    const q = new WorkQueue<string>({ clock, name: 't', process: (k) => {
      seen.push(k);
      if (first) { first = false; q.add(k); }
    } });
    q.add('x');
    clock.flush();
    expect(seen).toEqual(['x', 'x']);
  });

  it('requeues failures with exponential back-off (5ms doubling) and forgets on success', () => {
    const clock = new SimClock({ start: 0 });
    const times: number[] = [];
    let fails = 3;
    const q = new WorkQueue<string>({ clock, name: 't', process: () => {
      times.push(clock.now());
      if (fails-- > 0) throw new Error('boom');
    } });
    q.add('k');
    clock.advance(1000);
    expect(times).toEqual([0, 5, 15, 35]);
    expect(q.numRequeues('k')).toBe(0);
  });

  it('addAfter keeps the earliest due time', () => {
    const clock = new SimClock({ start: 0 });
    const times: number[] = [];
    const q = new WorkQueue<string>({ clock, name: 't', process: () => { times.push(clock.now()); } });
    q.addAfter('k', 100);
    q.addAfter('k', 50);
    q.addAfter('k', 200);
    clock.advance(1000);
    expect(times).toEqual([50]);
  });

  it('caps the rate limiter at its maximum', () => {
    const rl = new ItemExponentialRateLimiter<string>(5, 1000);
    const d = Array.from({ length: 12 }, () => rl.when('k'));
    expect(d.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(d[11]).toBe(1000);
  });
});

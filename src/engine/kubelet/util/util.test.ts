import { describe, expect, it } from 'vitest';
import { SimClock } from '../../clock';
import { Backoff } from './backoff';
import { formatPod, goDuration, goStringList } from './format';

describe('goDuration', () => {
  it.each([
    { name: 'zero', ms: 0, want: '0s' },
    { name: 'millis', ms: 512, want: '512ms' },
    { name: 'fraction', ms: 2100, want: '2.1s' },
    { name: 'whole seconds', ms: 10_000, want: '10s' },
    { name: 'minutes', ms: 80_000, want: '1m20s' },
    { name: 'five minutes', ms: 300_000, want: '5m0s' },
    { name: 'minutes with fraction', ms: 61_250, want: '1m1.25s' },
    { name: 'hours', ms: 3_600_000, want: '1h0m0s' },
    { name: 'negative', ms: -1500, want: '-1.5s' },
  ])('$name', ({ ms, want }) => {
    expect(goDuration(ms)).toBe(want);
  });

  it('formats pods and lists as Go does', () => {
    expect(formatPod({ metadata: { name: 'web', namespace: 'default', uid: 'u-1' } })).toBe('web_default(u-1)');
    expect(goStringList(['a', 'b'])).toBe('[a b]');
    expect(goStringList([])).toBe('[]');
  });
});

describe('Backoff', () => {
  it('starts at 10s, doubles to 300s, and resets after 10 idle minutes', () => {
    const clock = new SimClock({ start: 0 });
    const b = new Backoff(clock);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      b.next('k', clock.now());
      seen.push(b.get('k'));
      clock.advance(1000);
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    clock.advance(601_000);
    b.next('k', clock.now());
    expect(b.get('k')).toBe(10_000);
  });

  it('answers IsInBackOffSince from an event time and IsInBackOffSinceUpdate from the last failure', () => {
    const clock = new SimClock({ start: 0 });
    const b = new Backoff(clock);
    expect(b.isInBackOffSince('k', 0)).toBe(false);
    b.next('k', 0);
    clock.advance(9_999);
    expect(b.isInBackOffSince('k', 0)).toBe(true);
    expect(b.isInBackOffSinceUpdate('k', clock.now())).toBe(true);
    clock.advance(1);
    expect(b.isInBackOffSince('k', 0)).toBe(false);
    expect(b.isInBackOffSinceUpdate('k', clock.now())).toBe(false);
    expect(b.expiry('k', 0)).toBe(10_000);
  });
});

// Cases ported from k8s.io/apimachinery/pkg/util/duration/duration_test.go (v0.32) and
// pkg/printers/internalversion/printers_test.go TestTranslateTimestampSince.
import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, timestampMillis, translateTimestampSince } from './duration';

const NS = 1e-6; // one nanosecond, in ms
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  // TestHumanDuration
  const basic: [number, string][] = [
    [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'], [367 * 24 * H, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
  ];
  // TestHumanDurationBoundaries
  const boundaries: [number, string][] = [
    [-2 * S, '<invalid>'], [-2 * S + NS, '0s'], [0, '0s'], [S - 1, '0s'],
    [2 * M - 1, '119s'], [2 * M, '2m'], [2 * M + S, '2m1s'], [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'],
    [3 * H - 1, '179m'], [3 * H, '3h'], [3 * H + M, '3h1m'], [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'],
    [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'], [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'],
    [2 * Y - 1, '729d'], [2 * Y, '2y'], [2 * Y + 23 * H, '2y'], [2 * Y + 23 * H + 59 * M, '2y'], [2 * Y + D - 1, '2y'],
    [2 * Y + D, '2y1d'], [3 * Y, '3y'], [4 * Y, '4y'], [5 * Y, '5y'], [6 * Y, '6y'], [7 * Y, '7y'], [8 * Y - 1, '7y364d'],
    [8 * Y, '8y'], [8 * Y + 364 * D, '8y'], [9 * Y, '9y'],
  ];
  it.each([...basic, ...boundaries])('%s ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration', () => {
  // TestShortHumanDurationBoundaries
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'], [-2 * S + NS, '0s'], [0, '0s'], [S - 1, '0s'], [S, '1s'], [2 * S - 1, '1s'],
    [M - 1, '59s'], [M, '1m'], [2 * M - 1, '1m'], [H - 1, '59m'], [H, '1h'], [2 * H - 1, '1h'], [D - 1, '23h'],
    [D, '1d'], [2 * D - 1, '1d'], [Y - 1, '364d'], [Y, '1y'], [2 * Y - 1, '1y'], [2 * Y, '2y'],
  ];
  it.each(cases)('%s ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe('translateTimestampSince', () => {
  const now = Date.UTC(2025, 0, 15, 9, 0, 0);
  const at = (ms: number) => new Date(now + ms).toISOString();
  const cases: { name: string; ts: string | undefined | null; want: string }[] = [
    { name: 'a while from now', ts: at(2.1 * S), want: '<invalid>' },
    { name: 'almost now', ts: at(1.9 * S), want: '0s' },
    { name: 'now', ts: at(0), want: '0s' },
    { name: 'unknown (absent)', ts: undefined, want: '<unknown>' },
    { name: 'unknown (null)', ts: null, want: '<unknown>' },
    { name: 'unknown (empty)', ts: '', want: '<unknown>' },
    { name: 'unknown (Go zero time)', ts: '0001-01-01T00:00:00Z', want: '<unknown>' },
    { name: '30 seconds ago', ts: at(-30 * S), want: '30s' },
    { name: '5 minutes ago', ts: at(-5 * M), want: '5m' },
    { name: 'an hour ago', ts: at(-100 * M), want: '100m' },
    { name: '2 days ago', ts: at(-2 * D), want: '2d' },
    { name: 'months ago', ts: at(-90 * D), want: '90d' },
    { name: '10 years ago', ts: at(-10 * Y), want: '10y' },
    { name: 'RFC 3339 seconds', ts: '2025-01-15T08:57:00Z', want: '3m' },
    { name: 'MicroTime', ts: '2025-01-15T08:59:40.123456Z', want: '19s' },
  ];
  it.each(cases)('$name', ({ ts, want }) => {
    expect(translateTimestampSince(ts, now)).toBe(want);
  });

  it('timestampMillis treats zero and junk as unset', () => {
    expect(timestampMillis('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(timestampMillis('not a time')).toBeUndefined();
    expect(timestampMillis('2025-01-15T09:00:00Z')).toBe(now);
  });
});

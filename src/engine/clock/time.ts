// Timestamps as the API writes them. Models apimachinery metav1.Time (RFC 3339, seconds) and
// metav1.MicroTime (RFC 3339 with microseconds).
import type { SimMillis } from './clock';

/** metav1.Time: "2025-01-15T09:00:00Z" (whole seconds, UTC). */
export function rfc3339(t: SimMillis): string {
  const sec = Math.floor(t / 1000);
  // Every write stamps the time; most land in the same second as the previous one.
  if (sec !== lastSec) {
    lastSec = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
let lastSec = Number.NaN;
let lastText = '';

/** metav1.MicroTime: "2025-01-15T09:00:00.123000Z". */
export function rfc3339Micro(t: SimMillis): string {
  const iso = new Date(Math.floor(t)).toISOString(); // …T09:00:00.123Z
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Parses an RFC 3339 timestamp written by rfc3339/rfc3339Micro (or any ISO-8601 string). */
export function parseTime(s: string | undefined | null): SimMillis | undefined {
  if (!s) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Where a default cluster's timeline starts: a fixed instant, so transcripts are reproducible. */
export const DEFAULT_EPOCH: SimMillis = Date.UTC(2025, 0, 15, 9, 0, 0);

// Simulated time as the page shows it: the last clock reading, extrapolated at its speed so ages
// and the clock tick smoothly between readings.
import { useEffect, useState } from 'react';
import type { ClockState } from '../../worker';
import { useCluster } from './cluster-store';

/** The simulated time now, by extrapolating a reading. */
export function extrapolate(c: ClockState, wallNow: number): number {
  return c.speed === 0 ? c.now : c.now + Math.max(0, wallNow - c.wallAt) * c.speed;
}

/** The simulated time, re-rendering every `everyMs` of wall time while time runs. */
export function useSimNow(everyMs = 1000): number {
  const clock = useCluster((s) => s.clock);
  const [, force] = useState(0);
  useEffect(() => {
    if (clock.speed === 0) return undefined;
    const id = setInterval(() => force((n) => n + 1), everyMs);
    return () => clearInterval(id);
  }, [clock, everyMs]);
  return extrapolate(clock, Date.now());
}

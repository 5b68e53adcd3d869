// The failure-detection timings a class demo shortens, as command-line flags named after the
// Kubernetes flags they stand for: kube-controller-manager --node-monitor-grace-period (a Go
// duration, default 40s) and kube-apiserver --default-unreachable-toleration-seconds (default 300;
// the simulator uses it for --default-not-ready-toleration-seconds too).
import type { ClusterTimings } from '../engine/cluster';

/** The usage lines of the timing flags. */
export const TIMING_FLAGS_USAGE = `  timings (shorten for demos): [--node-monitor-grace-period DURATION (40s)] [--default-unreachable-toleration-seconds N (300)]
`;

/** Milliseconds of a Go duration ("40s", "1m30s", "500ms"), or undefined when it is not one. */
export function parseGoDuration(s: string): number | undefined {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * unit[m[2]];
  return ms;
}

/**
 * Applies one timing flag to `into`: 'ok' when it was one and its value is valid, 'invalid' when it
 * was one with a bad value, 'unknown' when the flag is not a timing flag.
 */
export function applyTimingFlag(flag: string, value: string | undefined, into: Partial<ClusterTimings>): 'ok' | 'invalid' | 'unknown' {
  if (flag === '--node-monitor-grace-period') {
    const ms = value === undefined ? undefined : parseGoDuration(value);
    if (ms === undefined || ms <= 0) return 'invalid';
    into.nodeMonitorGracePeriodMs = ms;
    return 'ok';
  }
  if (flag === '--default-unreachable-toleration-seconds') {
    const n = Number(value);
    if (value === undefined || value === '' || !Number.isInteger(n) || n < 0) return 'invalid';
    into.podEvictionTolerationSeconds = n;
    return 'ok';
  }
  return 'unknown';
}

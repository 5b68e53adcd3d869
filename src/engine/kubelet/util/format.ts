// Small formatting helpers the kubelet's messages need, each as Go prints it.
import type { Pod } from '../../api/types';

/**
 * time.Duration.String for a millisecond count: "0s", "512ms", "2.1s", "1m20s", "5m0s", "1h0m0s".
 * Models go/src/time/time.go (Duration).String, restricted to millisecond precision.
 * @example goDuration(80_000) === '1m20s'
 */
export function goDuration(ms: number): string {
  let d = Math.round(ms);
  if (d === 0) return '0s';
  const neg = d < 0;
  if (neg) d = -d;
  let out: string;
  if (d < 1000) {
    out = `${d}ms`;
  } else {
    const h = Math.floor(d / 3_600_000);
    const m = Math.floor((d % 3_600_000) / 60_000);
    const sMs = d % 60_000;
    const whole = Math.floor(sMs / 1000);
    const frac = sMs % 1000;
    const secs = frac ? `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${whole}s`;
    out = h > 0 ? `${h}h${m}m${secs}` : m > 0 ? `${m}m${secs}` : secs;
  }
  return neg ? `-${out}` : out;
}

/** format.Pod: "name_namespace(uid)", how the kubelet names a pod in messages. */
export function formatPod(pod: Pod): string {
  const m = pod.metadata ?? {};
  return `${m.name ?? ''}_${m.namespace ?? ''}(${m.uid ?? ''})`;
}

/** fmt's %v of a []string: "[a b c]". */
export function goStringList(xs: readonly string[]): string {
  return `[${xs.join(' ')}]`;
}

// How simulated time reads in the time controls.

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:03:27": the simulated wall clock, in the page's time zone. */
export function clockText(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "+4m12s", "+2h05m", "+3d4h": how long the cluster has run (simulated). */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `+${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `+${m}m${pad(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `+${h}h${pad(m % 60)}m`;
  return `+${Math.floor(h / 24)}d${h % 24}h`;
}

/** The speed as the control labels it. */
export function speedLabel(speed: number): string {
  return speed === 0 ? 'Paused' : `${speed}×`;
}

// The cluster a page asks for, from its address: ?seed=42&nodes=3&speed=10. Without a seed, a random
// one (shown in the header, so the same cluster can be had again).
import type { Speed } from '../../worker';

/** Boot parameters from the page's URL: ?seed=42&nodes=3&speed=10. */
export function bootParams(search: string, random: () => number = Math.random): { seed: number; nodes: number; speed: Speed } {
  const q = new URLSearchParams(search);
  const int = (k: string) => {
    const v = Number.parseInt(q.get(k) ?? '', 10);
    return Number.isFinite(v) ? v : undefined;
  };
  const seedParam = int('seed');
  const seed = seedParam !== undefined && seedParam >= 0 ? seedParam : Math.floor(random() * 100_000);
  const nodes = Math.min(Math.max(int('nodes') ?? 1, 1), 1000);
  const speedParam = int('speed');
  const speed = ([0, 1, 10, 60] as const).find((s) => s === speedParam) ?? 1;
  return { seed, nodes, speed };
}

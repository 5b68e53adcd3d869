// The one source of randomness in the engine: seeded, forkable, reproducible.

/** A seeded pseudo-random source. Same seed, same sequence. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(xs: readonly T[]): T;
  /**
   * An independent stream derived from this seed and a label. Components take a fork each so that
   * a new draw in one (say the scheduler) does not shift the names another (say the ReplicaSet
   * controller) generates: golden transcripts stay stable as the engine grows.
   */
  fork(label: string): Rng;
}

/** FNV-1a 32-bit hash of a string (used to derive fork seeds and stable hashes). */
export function fnv1a32(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** sfc32 generator seeded through splitmix32; small, fast and statistically sound for a simulator. */
export class SeededRng implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seed: number) {
    const sm = splitmix32(seed >>> 0);
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    for (let i = 0; i < 12; i++) this.u32();
  }

  private u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('rng.pick: empty array');
    return xs[this.int(xs.length)];
  }

  fork(label: string): Rng {
    return new SeededRng(fnv1a32(label, fnv1a32(String(this.seed))));
  }
}

// Models pkg/scheduler/internal/heap/heap.go: a binary heap keyed by string, with update and delete
// of any element (activeQ and backoffQ are two of these).

/** A keyed heap; `less(a, b)` true when a comes out first. */
export class KeyedHeap<T> {
  private readonly items: T[] = [];
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly keyOf: (x: T) => string, private readonly less: (a: T, b: T) => boolean) {}

  get length(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds, or replaces and re-sorts the element with the same key. */
  addOrUpdate(x: T): void {
    const k = this.keyOf(x);
    const i = this.index.get(k);
    if (i !== undefined) {
      this.items[i] = x;
      this.fix(i);
      return;
    }
    this.items.push(x);
    this.keys.push(k);
    this.index.set(k, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0];
    this.removeAt(0);
    return top;
  }

  delete(key: string): T | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const x = this.items[i];
    this.removeAt(i);
    return x;
  }

  /** The elements in no particular order. */
  values(): readonly T[] {
    return this.items;
  }

  private removeAt(i: number): void {
    const last = this.items.length - 1;
    this.index.delete(this.keys[i]);
    if (i !== last) {
      this.items[i] = this.items[last];
      this.keys[i] = this.keys[last];
      this.index.set(this.keys[i], i);
    }
    this.items.pop();
    this.keys.pop();
    if (i < this.items.length) this.fix(i);
  }

  private fix(i: number): void {
    if (!this.down(i)) this.up(i);
  }

  private place(i: number, x: T, k: string): void {
    this.items[i] = x;
    this.keys[i] = k;
    this.index.set(k, i);
  }

  // Sifting moves a hole instead of swapping, so each level costs one index update.
  private up(i0: number): void {
    const x = this.items[i0];
    const k = this.keys[i0];
    let i = i0;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(x, this.items[p])) break;
      this.place(i, this.items[p], this.keys[p]);
      i = p;
    }
    if (i !== i0) this.place(i, x, k);
  }

  private down(i0: number): boolean {
    const x = this.items[i0];
    const k = this.keys[i0];
    const n = this.items.length;
    let i = i0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      const r = l + 1;
      if (r < n && this.less(this.items[r], this.items[l])) m = r;
      if (!this.less(this.items[m], x)) break;
      this.place(i, this.items[m], this.keys[m]);
      i = m;
    }
    if (i !== i0) this.place(i, x, k);
    return i > i0;
  }
}

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

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    this.index.set(this.keys[a], a);
    this.index.set(this.keys[b], b);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.items[i], this.items[p])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i0: number): boolean {
    let i = i0;
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      const r = l + 1;
      if (r < n && this.less(this.items[r], this.items[l])) m = r;
      if (!this.less(this.items[m], this.items[i])) break;
      this.swap(i, m);
      i = m;
    }
    return i > i0;
  }
}

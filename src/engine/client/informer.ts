// List, then watch, keep a cache, tell handlers. Models client-go tools/cache (Reflector +
// sharedIndexInformer): a watch that ends is resumed from the last resourceVersion; a 410 Expired
// makes it re-list and replace the cache, telling handlers what changed meanwhile.
import type { KubeObject, KubeList, ApiStatus } from '../api/types';
import { keyOf } from '../api/meta';
import type { WatchHandle } from '../api/request';
import type { Client, ListOpts } from './client';
import type { ResourceRef } from './resources';
import { Indexer, type IndexFunc } from './indexer';
import { Lister } from './lister';

/** Event handlers. Handlers should only enqueue work; they run inside the informer's delivery. */
export interface EventHandlers<T> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** Options of an informer. */
export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A shared informer for one resource (and scope). */
export class Informer<T extends KubeObject = KubeObject> {
  readonly indexer = new Indexer<T>();
  readonly lister = new Lister<T>(this.indexer);
  private readonly handlers: EventHandlers<T>[] = [];
  private watch?: WatchHandle;
  private lastRV = '';
  private started = false;
  private stopped = false;
  /** True once the initial list is in the cache. */
  synced = false;

  constructor(private readonly client: Client, readonly resource: ResourceRef, private readonly opts: InformerOptions = {}) {}

  addIndexer(name: string, fn: IndexFunc<T>): this {
    this.indexer.addIndexer(name, fn);
    return this;
  }

  /** Registers handlers; when the informer already has objects, `add` is called for each at once. */
  onEvent(h: EventHandlers<T>): this {
    this.handlers.push(h);
    if (this.synced && h.add) for (const o of this.lister.list()) h.add(o);
    return this;
  }

  /** Lists and starts watching (idempotent). */
  start(): this {
    if (this.started) return this;
    this.started = true;
    this.relist();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
  }

  private listOpts(): ListOpts {
    return { labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector };
  }

  private relist(): void {
    if (this.stopped) return;
    const list = this.client.list<T>(this.resource, this.opts.namespace, this.listOpts()) as KubeList<T>;
    const seen = new Set<string>();
    for (const item of list.items) {
      seen.add(keyOf(item));
      this.apply('ADDED', item);
    }
    for (const k of [...this.indexer.keys()]) if (!seen.has(k)) this.apply('DELETED', this.indexer.get(k)!);
    this.lastRV = list.metadata.resourceVersion ?? '';
    this.synced = true;
    this.startWatch();
  }

  private startWatch(): void {
    if (this.stopped) return;
    this.watch = this.client.watch(this.resource, this.opts.namespace, { ...this.listOpts(), resourceVersion: this.lastRV },
      (ev) => {
        if (ev.type === 'ERROR') {
          const st = ev.object as ApiStatus;
          if (st.code === 410) {
            this.watch?.stop();
            this.relist();
          }
          return;
        }
        if (ev.type === 'BOOKMARK') {
          this.lastRV = ev.object.metadata?.resourceVersion ?? this.lastRV;
          return;
        }
        const obj = ev.object as T;
        this.lastRV = obj.metadata?.resourceVersion ?? this.lastRV;
        this.apply(ev.type, obj);
      },
      () => {
        // A watch that ends (timeout, server close) is resumed from where it was.
        if (!this.stopped) this.startWatch();
      });
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: T): void {
    if (type === 'DELETED') {
      const old = this.indexer.delete(keyOf(obj));
      if (old) for (const h of this.handlers) h.delete?.(obj);
      return;
    }
    const old = this.indexer.set(obj);
    if (old) {
      if (old.metadata?.resourceVersion === obj.metadata?.resourceVersion) return;
      for (const h of this.handlers) h.update?.(old, obj);
    } else for (const h of this.handlers) h.add?.(obj);
  }
}

/** One informer per resource and scope, shared by the controllers of one process (SharedInformerFactory). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer<any>>();
  constructor(private readonly client: Client) {}

  /** The shared informer for a resource (created on first use; call start() or startAll()). */
  for<T extends KubeObject>(r: ResourceRef, opts: InformerOptions = {}): Informer<T> {
    const k = `${r.group}/${r.resource}|${opts.namespace ?? ''}|${opts.labelSelector ?? ''}|${opts.fieldSelector ?? ''}`;
    let inf = this.informers.get(k);
    if (!inf) this.informers.set(k, (inf = new Informer<T>(this.client, r, opts)));
    return inf as Informer<T>;
  }

  startAll(): void {
    for (const i of this.informers.values()) i.start();
  }

  stopAll(): void {
    for (const i of this.informers.values()) i.stop();
  }
}

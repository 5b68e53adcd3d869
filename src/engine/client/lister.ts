// Read-only views of an informer's cache. Models client-go listers: objects are shared and frozen;
// copy (clone) before changing one.
import type { KubeObject } from '../api/types';
import { makeKey, type ObjectKey } from '../api/meta';
import type { Selector } from '../api/labels';
import type { Indexer } from './indexer';

/** Lists and gets from a cache. */
export class Lister<T extends KubeObject> {
  constructor(private readonly indexer: Indexer<T>) {}

  /** By key ("ns/name" or "name"). */
  getByKey(key: ObjectKey): T | undefined {
    return this.indexer.get(key);
  }

  /** By namespace and name. */
  get(namespace: string | undefined, name: string): T | undefined {
    return this.indexer.get(makeKey(namespace, name));
  }

  /** All objects (of one namespace when given), optionally filtered by a label selector, in key order. */
  list(namespace?: string, selector?: Selector): T[] {
    let out: T[];
    if (namespace !== undefined) out = this.indexer.byIndex('namespace', namespace);
    else out = this.indexer.sortedKeyList().map((k) => this.indexer.get(k)!);
    return selector ? out.filter((o) => selector.matches(o.metadata?.labels)) : out;
  }

  /** Objects with an index value, in key order. */
  byIndex(index: string, value: string): T[] {
    return this.indexer.byIndex(index, value);
  }

  /** How many objects there are. */
  size(): number {
    return this.indexer.size();
  }
}

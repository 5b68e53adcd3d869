// The namespace controller: deletes everything in a namespace being deleted, then the namespace.
// Models pkg/controller/namespace/namespace_controller.go (enqueueNamespace, worker, syncNamespaceFromKey).
import type { Namespace } from '../../api';
import { ItemExponentialRateLimiter, WorkQueue, type Client, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { NamespacedResourcesDeleter, ResourcesRemainingError } from './namespaced-resources-deleter';

/** The controller's name (its client runs as "namespace-controller"). */
export const NAME = 'namespace-controller';
/**
 * namespaceDeletionGracePeriod: a deleted namespace is processed this long after the event, so that
 * caches have caught up with content created just before the deletion.
 */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5000;

/** What the controller is built from. */
export interface NamespaceControllerDeps {
  namespaces: Informer<Namespace>;
  client: Client;
  clock: Clock;
}

/** The namespace controller. */
export class NamespaceController {
  readonly queue: WorkQueue<string>;
  readonly deleter: NamespacedResourcesDeleter;

  constructor(private readonly deps: NamespaceControllerDeps) {
    this.deleter = new NamespacedResourcesDeleter(deps.client, () => deps.clock.now());
    // nsControllerRateLimiter: 5 ms doubling up to 60 s.
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'namespace', process: (k) => this.sync(k),
      rateLimiter: new ItemExponentialRateLimiter<string>(5, 60_000) });
    const enqueue = (ns: Namespace) => {
      if (!ns.metadata?.deletionTimestamp) return;
      this.queue.addAfter(ns.metadata.name ?? '', NAMESPACE_DELETION_GRACE_PERIOD_MS);
    };
    deps.namespaces.onEvent({ add: enqueue, update: (_o, ns) => enqueue(ns) });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** syncNamespaceFromKey; content still going away is checked again after estimate/2 + 1 seconds. */
  sync(key: string): void {
    if (!this.deps.namespaces.lister.get(undefined, key)) return;
    try {
      this.deleter.delete(key);
    } catch (e) {
      if (e instanceof ResourcesRemainingError) {
        this.queue.addAfter(key, (Math.floor(e.estimate / 2) + 1) * 1000);
        return;
      }
      throw e;
    }
  }
}

// Ensures every active namespace has its "default" ServiceAccount, re-creating it when deleted.
// Models pkg/controller/serviceaccount/serviceaccounts_controller.go (ServiceAccountsController.syncNamespace).
import type { Namespace, ServiceAccount } from '../../api';
import { aggregateMessages, isAlreadyExists } from '../../api';
import { R, WorkQueue, type Client, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { NAMESPACE_TERMINATING_CAUSE, hasStatusCause } from '../shared';

/** The controller's name in kube-controller-manager. */
export const NAME = 'serviceaccount-controller';
/** The service account its client runs as. */
export const CLIENT_NAME = 'service-account-controller';
/** DefaultServiceAccountsControllerOptions: the accounts every namespace gets. */
export const SERVICE_ACCOUNTS_TO_ENSURE: readonly string[] = ['default'];

/** What the controller is built from. */
export interface ServiceAccountsControllerDeps {
  serviceAccounts: Informer<ServiceAccount>;
  namespaces: Informer<Namespace>;
  client: Client;
  clock: Clock;
}

/** The ServiceAccounts controller. */
export class ServiceAccountsController {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: ServiceAccountsControllerDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'serviceaccount', process: (k) => this.syncNamespace(k) });
    deps.serviceAccounts.onEvent({ delete: (sa) => this.queue.add(sa.metadata?.namespace ?? '') });
    deps.namespaces.onEvent({ add: (ns) => this.queue.add(ns.metadata?.name ?? ''), update: (_o, ns) => this.queue.add(ns.metadata?.name ?? '') });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** syncNamespace: creates the missing accounts of an Active namespace. */
  syncNamespace(name: string): void {
    const ns = this.deps.namespaces.lister.get(undefined, name);
    if (!ns || ns.status?.phase !== 'Active') return;
    const failures: string[] = [];
    for (const sa of SERVICE_ACCOUNTS_TO_ENSURE) {
      if (this.deps.serviceAccounts.lister.get(name, sa)) continue;
      try {
        this.deps.client.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: name } });
      } catch (e) {
        if (isAlreadyExists(e) || hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) continue;
        failures.push((e as Error).message);
      }
    }
    if (failures.length) throw new Error(aggregateMessages(failures));
  }
}

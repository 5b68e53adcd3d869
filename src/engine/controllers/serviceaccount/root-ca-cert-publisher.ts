// Publishes the cluster CA into every namespace as ConfigMap kube-root-ca.crt (key ca.crt), which the
// projected service-account token volume of every pod mounts.
// Models pkg/controller/certificates/rootcacertpublisher/publisher.go (Publisher.syncNamespace).
import type { ConfigMap, Namespace } from '../../api';
import { deepEqual, isNotFound } from '../../api';
import { R, WorkQueue, type Client, type Informer } from '../../client';
import type { Clock } from '../../clock';
import { NAMESPACE_TERMINATING_CAUSE, hasStatusCause } from '../shared';

/** The controller's name in kube-controller-manager (its client runs as "root-ca-cert-publisher"). */
export const NAME = 'root-ca-certificate-publisher-controller';
/** The service account its client runs as. */
export const CLIENT_NAME = 'root-ca-cert-publisher';
/** RootCACertConfigMapName. */
export const ROOT_CA_CONFIG_MAP_NAME = 'kube-root-ca.crt';
/** DescriptionAnnotation and its text. */
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. '
  + 'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** What the publisher is built from. */
export interface PublisherDeps {
  configMaps: Informer<ConfigMap>;
  namespaces: Informer<Namespace>;
  client: Client;
  clock: Clock;
  rootCA: string;
}

/** The root CA publisher. */
export class RootCACertPublisher {
  readonly queue: WorkQueue<string>;

  constructor(private readonly deps: PublisherDeps) {
    this.queue = new WorkQueue<string>({ clock: deps.clock, name: 'root_ca_cert_publisher', process: (k) => this.syncNamespace(k) });
    const cmChanged = (cm: ConfigMap) => {
      if (cm.metadata?.name === ROOT_CA_CONFIG_MAP_NAME) this.queue.add(cm.metadata.namespace ?? '');
    };
    deps.configMaps.onEvent({ update: (_o, cm) => cmChanged(cm), delete: cmChanged });
    deps.namespaces.onEvent({
      add: (ns) => this.queue.add(ns.metadata?.name ?? ''),
      update: (_o, ns) => {
        if (ns.status?.phase === 'Active') this.queue.add(ns.metadata?.name ?? '');
      },
    });
  }

  /** Stops the worker. */
  stop(): void {
    this.queue.shutDown();
  }

  /** syncNamespace: create the ConfigMap, or put back its data and description when someone changed them. */
  syncNamespace(ns: string): void {
    const data = { 'ca.crt': this.deps.rootCA };
    const cm = this.deps.configMaps.lister.get(ns, ROOT_CA_CONFIG_MAP_NAME);
    if (!cm) {
      try {
        this.deps.client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIG_MAP_NAME, namespace: ns, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data } as ConfigMap);
      } catch (e) {
        if (isNotFound(e) || hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
        throw e;
      }
      return;
    }
    if (deepEqual(cm.data, data) && cm.metadata?.annotations?.[DESCRIPTION_ANNOTATION]) return;
    this.deps.client.update(R.configmaps, { ...cm, data,
      metadata: { ...cm.metadata, annotations: { ...cm.metadata?.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION } } } as ConfigMap);
  }
}

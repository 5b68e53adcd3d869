// The ServiceAccounts controller (pkg/controller/serviceaccount) and the root CA publisher
// (pkg/controller/certificates/rootcacertpublisher).
import type { ConfigMap, Namespace, ServiceAccount } from '../../api';
import { R } from '../../client';
import type { ControllerDescriptor } from '../shared';
import { ROOT_CA_PEM } from './root-ca';
import { CLIENT_NAME as PUBLISHER_CLIENT, NAME as PUBLISHER_NAME, RootCACertPublisher } from './root-ca-cert-publisher';
import { CLIENT_NAME as SA_CLIENT, NAME as SA_NAME, ServiceAccountsController } from './serviceaccounts-controller';

export { ServiceAccountsController, NAME as SERVICE_ACCOUNT_CONTROLLER_NAME, SERVICE_ACCOUNTS_TO_ENSURE } from './serviceaccounts-controller';
export type { ServiceAccountsControllerDeps } from './serviceaccounts-controller';
export { RootCACertPublisher, NAME as ROOT_CA_PUBLISHER_NAME, ROOT_CA_CONFIG_MAP_NAME, DESCRIPTION_ANNOTATION, DESCRIPTION } from './root-ca-cert-publisher';
export type { PublisherDeps } from './root-ca-cert-publisher';
export { ROOT_CA_PEM } from './root-ca';

/** startServiceAccountController (cmd/kube-controller-manager/app/core.go). */
export const serviceAccountDescriptor: ControllerDescriptor = {
  name: SA_NAME,
  start(ctx) {
    return new ServiceAccountsController({ serviceAccounts: ctx.informers.for<ServiceAccount>(R.serviceaccounts),
      namespaces: ctx.informers.for<Namespace>(R.namespaces), client: ctx.clientFor(SA_CLIENT), clock: ctx.clock });
  },
};

/** startRootCACertPublisher (cmd/kube-controller-manager/app/certificates.go). */
export const rootCACertPublisherDescriptor: ControllerDescriptor = {
  name: PUBLISHER_NAME,
  start(ctx) {
    return new RootCACertPublisher({ configMaps: ctx.informers.for<ConfigMap>(R.configmaps), namespaces: ctx.informers.for<Namespace>(R.namespaces),
      client: ctx.clientFor(PUBLISHER_CLIENT), clock: ctx.clock, rootCA: ROOT_CA_PEM });
  },
};

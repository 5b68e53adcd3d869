// A RestClient over an in-process API server (the worker and the script harness use it).
import type { ApiHandler } from '../engine/api/request';
import type { KubeConfig, RestClient } from './types';

/** Wraps a synchronous API handler as the asynchronous client kubectl expects. */
export function inProcessClient(api: ApiHandler): RestClient {
  return {
    request: async (req) => api.handle(req),
    watch: (req, onEvent, onClose) => api.watch(req, onEvent, onClose),
  };
}

/** The kubeconfig `minikube start` writes (started at `startedAt`, ms since the epoch, when known). */
export function minikubeKubeConfig(startedAt?: number): KubeConfig {
  // minikube stamps its extensions with time.Now().Format(time.RFC1123) (UTC on the minikube machine).
  const ext = (name: string) => (startedAt === undefined ? undefined : [{ name, extension: {
    'last-update': new Date(startedAt).toUTCString().replace('GMT', 'UTC'), provider: 'minikube.sigs.k8s.io', version: 'v1.35.0' } }]);
  return {
    currentContext: 'minikube',
    contexts: [{ name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default', ...(ext('context_info') ? { extensions: ext('context_info') } : {}) }],
    clusters: [{ name: 'minikube', server: 'https://192.168.49.2:8443', certificateAuthority: '/home/learner/.minikube/ca.crt',
      ...(ext('cluster_info') ? { extensions: ext('cluster_info') } : {}) }],
    users: [{ name: 'minikube', clientCertificate: '/home/learner/.minikube/profiles/minikube/client.crt',
      clientKey: '/home/learner/.minikube/profiles/minikube/client.key' }],
  };
}

// A RestClient over an in-process API server (the worker and the script harness use it).
import type { ApiHandler } from '../engine/api/request';
import type { RestClient } from './types';

/** Wraps a synchronous API handler as the asynchronous client kubectl expects. */
export function inProcessClient(api: ApiHandler): RestClient {
  return {
    request: async (req) => api.handle(req),
    watch: (req, onEvent, onClose) => api.watch(req, onEvent, onClose),
  };
}

/** The kubeconfig `minikube start` writes. */
export function minikubeKubeConfig() {
  return {
    currentContext: 'minikube',
    contexts: [{ name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default' }],
    clusters: [{ name: 'minikube', server: 'https://192.168.49.2:8443' }],
    users: [{ name: 'minikube' }],
  };
}

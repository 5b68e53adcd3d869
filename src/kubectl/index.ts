export { runKubectl, COMMANDS } from './kubectl';
export type { KubectlEnv, KubectlIO, RestClient, FileSystem, KubeConfig, PortForwardRequest } from './types';
export { formatError } from './errors';
export { inProcessClient, minikubeKubeConfig } from './in-process';

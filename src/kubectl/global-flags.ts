// kubectl's global flags (`kubectl options`): accepted on every command.
import type { FlagDef } from './flags';

/** Flags every command accepts. Only --namespace and --context change behaviour here. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', default: '', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', default: '', usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', default: '', usage: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', default: '', usage: 'Bearer token for authentication to the API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'int', default: 0, usage: 'number for the log level verbosity' },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false },
  { name: 'as', type: 'string', default: '' },
  { name: 'as-group', type: 'stringArray', default: [] },
  { name: 'as-uid', type: 'string', default: '' },
  { name: 'cache-dir', type: 'string', default: '' },
  { name: 'certificate-authority', type: 'string', default: '' },
  { name: 'client-certificate', type: 'string', default: '' },
  { name: 'client-key', type: 'string', default: '' },
  { name: 'disable-compression', type: 'bool', default: false },
  { name: 'match-server-version', type: 'bool', default: false },
  { name: 'password', type: 'string', default: '' },
  { name: 'username', type: 'string', default: '' },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
  { name: 'tls-server-name', type: 'string', default: '' },
  { name: 'warnings-as-errors', type: 'bool', default: false },
  { name: 'log-flush-frequency', type: 'duration', default: 5000 },
  { name: 'vmodule', type: 'string', default: '' },
];

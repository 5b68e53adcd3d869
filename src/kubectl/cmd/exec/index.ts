// kubectl exec and attach (remote command streams).
export { execCommand, execInPod, podFromArgs } from './exec';
export { setupTTY, finishRemote } from './stream';
export type { StreamSetup } from './stream';

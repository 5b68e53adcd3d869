// kubectl exec, attach and cp (remote command streams).
export { execCommand, execInPod, podFromArgs } from './exec';
export { attachCommand } from './attach';
export { cpCommand } from './cp';
export { setupTTY, finishRemote } from './stream';
export type { StreamSetup } from './stream';

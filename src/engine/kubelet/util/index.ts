export { goDuration, formatPod, goStringList } from './format';
export { Backoff, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS } from './backoff';
export { runCommand } from './run-command';
export type { CommandResult } from './run-command';

export { ContainerLog, formatLine, rfc3339NanoFixed, MAX_LOG_LINES } from './container-log';
export type { LogLine, LogReadOptions } from './container-log';

export { ApiServer, statusOf } from './server';
export type { ApiServerOptions, Connector } from './server';
export type { Strategy, StrategyContext } from './registry';
export { podQOSClass, NAMESPACE_NAME_LABEL } from './registry';

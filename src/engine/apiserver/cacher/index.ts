export { Cacher } from './cacher';
export type { WatcherSpec, WatcherHandle, WatchFilter, WatchTransform } from './cacher';

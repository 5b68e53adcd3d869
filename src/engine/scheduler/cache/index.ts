// The scheduler's cache (upstream pkg/scheduler/internal/cache).
export { Cache } from './cache';
export { NodeTree, zoneKey } from './node-tree';

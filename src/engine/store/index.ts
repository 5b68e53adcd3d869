export { Store } from './store';
export type { Stored, StoreEvent, StoreWatch, StoreOptions } from './store';

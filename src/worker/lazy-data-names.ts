// The globals the build's data stubs use (see scripts/vite-lazy-data.ts, which writes the same name).

/** Name of the globalThis property holding the stubs' objects, by data module name. */
export const LAZY_DATA_GLOBAL_NAME = '__kubesimLazyData';

/** Name of the globalThis flag set once the data is in place (the check build's stubs throw before it). */
export const LAZY_DATA_FILLED_NAME = '__kubesimLazyDataFilled';

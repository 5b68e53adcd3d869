// The global the build's data stubs register on (see scripts/vite-lazy-data.ts, which writes the same name).

/** Name of the globalThis property holding the stubs' objects, by data module name. */
export const LAZY_DATA_GLOBAL_NAME = '__kubesimLazyData';

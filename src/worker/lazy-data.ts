// The worker's large data modules (the generated schema, kubectl's help texts and completion scripts),
// fetched as chunks of their own at boot, in parallel, before the engine starts. In the built worker the
// modules the engine imports are stubs (scripts/vite-lazy-data.ts) whose objects are filled here; in
// tests and `vite dev` there are no stubs and this only loads modules that are already there.
import { LAZY_DATA_GLOBAL_NAME } from './lazy-data-names';

type Exports = Record<string, unknown>;

// Keyed by file name; the same list as LAZY_DATA_MODULES in scripts/vite-lazy-data.ts.
const LOADERS: Record<string, () => Promise<Exports>> = {
  'k8s-schema.generated': () => import('../engine/api/schema/k8s-schema.generated'),
  'texts.generated': () => import('../kubectl/help/texts.generated'),
  'completion.generated': () => import('../kubectl/help/completion.generated'),
};

/** The data module names preloadLazyData loads. */
export const LAZY_DATA_NAMES = Object.keys(LOADERS);

/** Copies a loaded module's data into its stub's (empty, shared) objects and arrays. */
export function fillStub(stub: Exports, full: Exports): void {
  for (const [id, target] of Object.entries(stub)) {
    const source = full[id];
    if (Array.isArray(target) && Array.isArray(source)) target.push(...(source as unknown[]));
    else if (target && typeof target === 'object' && source && typeof source === 'object') Object.assign(target, source);
    else throw new Error(`lazy data: ${id} is not an object in the loaded module`);
  }
}

/** Loads every data module and fills the stubs the engine reads; resolves once all are in place. */
export async function preloadLazyData(): Promise<void> {
  const stubs = (globalThis as Record<string, unknown>)[LAZY_DATA_GLOBAL_NAME] as Record<string, Exports> | undefined;
  await Promise.all(Object.entries(LOADERS).map(async ([name, load]) => {
    const full = await load();
    const stub = stubs?.[name];
    if (stub) fillStub(stub, full);
  }));
}

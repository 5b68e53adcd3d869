// The worker's large data modules the engine reads synchronously (the generated schema without its
// descriptions, its hand-kept Go facts) and kubectl's commands, fetched as one chunk at boot before the
// engine starts. In the built worker
// the modules the engine imports are stubs (scripts/vite-lazy-data.ts) whose objects are filled here;
// in tests and `vite dev` there are no stubs and this only loads modules that are already there.
import { provideKubectl } from './kubectl-entry';
import { LAZY_DATA_FILLED_NAME, LAZY_DATA_GLOBAL_NAME } from './lazy-data-names';

type Exports = Readonly<Record<string, unknown>>;

/** Copies a loaded module's data into its stub's (empty, shared) objects and arrays. */
export function fillStub(stub: Exports, full: Exports): void {
  for (const [id, target] of Object.entries(stub)) {
    const source = full[id];
    if (Array.isArray(target) && Array.isArray(source)) target.push(...(source as unknown[]));
    else if (target && typeof target === 'object' && source && typeof source === 'object') Object.assign(target, source);
    else throw new Error(`lazy data: ${id} is not an object in the loaded module`);
  }
}

/** Loads the data chunk (and kubectl), fills the stubs the engine reads; resolves once all are in place. */
export async function preloadLazyData(): Promise<void> {
  const { KUBECTL, LAZY_MODULES } = await import('./lazy-data-modules');
  provideKubectl(KUBECTL);
  const scope = globalThis as Record<string, unknown>;
  const stubs = scope[LAZY_DATA_GLOBAL_NAME] as Record<string, Exports> | undefined;
  scope[LAZY_DATA_FILLED_NAME] = true;
  for (const [name, full] of Object.entries(LAZY_MODULES)) {
    const stub = stubs?.[name];
    if (stub) fillStub(stub, full);
  }
}

// The worker's large data modules the engine reads synchronously (the generated schema without its
// descriptions, its hand-kept Go facts, the printers' column descriptions, kubectl's flag tables) and
// kubectl's commands, fetched as one chunk at boot before the engine starts. In the built worker the
// modules the engine imports are stubs (scripts/vite-lazy-data.ts) whose objects are filled here, when
// lazy-data-modules.ts runs: before kubectl's modules (lazy-data-boot.ts imports the data first), which
// read the flag tables as they are evaluated. In tests and `vite dev` there are no stubs and this only
// loads modules that are already there.
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

/** Fills every registered stub from the loaded modules (by file name); called by lazy-data-modules.ts as it runs. */
export function fillLazyData(modules: Readonly<Record<string, Exports>>): void {
  const scope = globalThis as Record<string, unknown>;
  const stubs = scope[LAZY_DATA_GLOBAL_NAME] as Record<string, Exports> | undefined;
  scope[LAZY_DATA_FILLED_NAME] = true;
  for (const [name, full] of Object.entries(modules)) {
    const stub = stubs?.[name];
    if (stub) fillStub(stub, full);
  }
}

/** Loads the boot chunk (data, then kubectl); resolves once the data is in place and kubectl handed over. */
export async function preloadLazyData(): Promise<void> {
  const { KUBECTL } = await import('./lazy-data-boot');
  provideKubectl(KUBECTL);
}

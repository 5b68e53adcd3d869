// A Vite plugin for the worker build only: large generated data modules leave the worker's first chunk.
// Every import of one of them (except from src/worker/lazy-data-modules.ts) gets a stub whose exported
// objects and arrays start empty and register themselves on globalThis; src/worker/lazy-data.ts imports
// the real modules dynamically (one chunk) at boot and copies the data into the stubs before the engine
// starts, so
// the engine stays synchronous and reads the same objects as before. Tests and `vite dev` never use the
// plugin: there the modules are imported as they are.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { LAZY_DATA_FILLED_NAME, LAZY_DATA_GLOBAL_NAME } from '../src/worker/lazy-data-names';

/** The data modules split off the worker's first chunk (keep in step with src/worker/lazy-data-modules.ts). */
export const LAZY_DATA_MODULES = [
  'src/engine/api/schema/k8s-schema.generated.ts',
  'src/engine/api/schema/go-emit.ts',
  'src/engine/api/schema/go-enums.ts',
  'src/engine/api/schema/go-order.ts',
  'src/engine/api/schema/v1-32-additions.ts',
  'src/engine/api/schema/v1-32-descriptions.ts',
  'src/kubectl/help/texts.generated.ts',
  'src/kubectl/help/completion.generated.ts',
];

const STUB = '\0lazy-data-stub:';
// kubectl's commands leave the first chunk too: the worker's imports of src/kubectl/index.ts (from
// outside src/kubectl) get src/worker/kubectl-entry.ts, which runs them once the boot chunk has loaded.
const KUBECTL_INDEX = 'src/kubectl/index.ts';
const KUBECTL_ENTRY = 'src/worker/kubectl-entry.ts';
const PRELOADER = 'src/worker/lazy-data-modules.ts';

// The check build's stubs throw on any read before the data is in place: code that reads the data while
// modules are evaluated (a table built at import) would otherwise see it empty, silently.
const GUARD = `const guard = (t, what) => new Proxy(t, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor']
  .map((trap) => [trap, (...a) => {
    if (!globalThis.${LAZY_DATA_FILLED_NAME}) throw new Error(\`lazy data: \${what} read before its chunk loaded\`);
    return Reflect[trap](...a);
  }])));`;

/**
 * The stub of a data module: each `export const` as an empty object/array (or the literal itself); with
 * `check`, each wrapped in a Proxy that throws when read before the data chunk has filled it.
 */
export function stubSource(path: string, text: string, check = false): string {
  const name = basename(path).replace(/\.ts$/, '');
  const lines: string[] = check ? [GUARD] : [];
  const filled: string[] = [];
  const empty = (init: string, id: string) => (check ? `guard(${init}, ${JSON.stringify(`${name}.${id}`)})` : init);
  for (const m of text.matchAll(/^export const (\w+)(?::[^=\n]+)? = (.*)$/gm)) {
    const [, id, init] = m;
    if (init.startsWith('{')) lines.push(`export const ${id} = ${empty('{}', id)};`);
    else if (init.startsWith('[')) lines.push(`export const ${id} = ${empty('[]', id)};`);
    else if (init.endsWith(';')) {
      lines.push(`export const ${id} = ${init}`);
      continue;
    } else throw new Error(`lazy-data: cannot stub ${id} in ${path}`);
    filled.push(id);
  }
  lines.push(`(globalThis.${LAZY_DATA_GLOBAL_NAME} ??= {})[${JSON.stringify(name)}] = { ${filled.join(', ')} };`);
  return `${lines.join('\n')}\n`;
}

/** The plugin (for `worker.plugins`); `check` builds the guarded stubs (KUBESIM_LAZY_DATA_CHECK=1). */
export function lazyData(check = false): Plugin {
  const isLazy = (id: string) => LAZY_DATA_MODULES.some((p) => id.endsWith(`/${p}`));
  const names = new Set(LAZY_DATA_MODULES.map((p) => basename(p).replace(/\.ts$/, '')));
  return {
    name: 'kubesim-lazy-data',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.endsWith(`/${PRELOADER}`) || importer.startsWith(STUB)) return null;
      if (/(^|\/)kubectl$/.test(source) && !importer.includes('/src/kubectl/')) {
        const r = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (r?.id.endsWith(`/${KUBECTL_INDEX}`)) return r.id.slice(0, -KUBECTL_INDEX.length) + KUBECTL_ENTRY;
        return null;
      }
      if (!names.has(basename(source).replace(/\.ts$/, ''))) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r && isLazy(r.id) ? `${STUB}${r.id}` : null;
    },
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const path = id.slice(STUB.length);
      return stubSource(path, readFileSync(path, 'utf8'), check);
    },
  };
}

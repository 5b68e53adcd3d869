// A Vite plugin for the worker build only: large generated data modules leave the worker's first chunk.
// Every import of one of them (except from the file that gathers it into its chunk) gets a stub whose
// exported objects and arrays start empty and register themselves on globalThis.
// - Boot data (LAZY_DATA_MODULES): src/worker/lazy-data.ts imports the real modules dynamically (one chunk)
//   at boot and copies the data into the stubs before the engine starts, so the engine stays synchronous
//   and reads the same objects as before.
// - On-demand data (ON_DEMAND_MODULES): read only by paths that can wait (kubectl help, completion,
//   explain, the editor's schema). Each has a chunk file, imported dynamically by its loader on first
//   use; the plugin appends to that file the code that fills the stubs. The schema's descriptions are
//   split off k8s-schema.generated the same way (the boot chunk gets its definitions with empty
//   descriptions, src/engine/api/schema/docs-chunk.ts the descriptions).
// Tests and `vite dev` never use the plugin: there the modules are imported as they are, and every
// loader finds its data already in place.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { LAZY_DATA_FILLED_NAME, LAZY_DATA_GLOBAL_NAME } from '../src/worker/lazy-data-names';

/** The data modules split off the worker's first chunk (keep in step with src/worker/lazy-data-modules.ts). */
export const LAZY_DATA_MODULES = [
  'src/engine/api/schema/k8s-schema.generated.ts',
  'src/engine/api/schema/go-emit.ts',
  'src/engine/api/schema/go-enums.ts',
  'src/engine/api/schema/go-order.ts',
  'src/engine/api/schema/v1-32-additions.ts',
  'src/engine/apiserver/printers/descriptions.ts',
  'src/kubectl/help/flags.generated.ts',
];

/** The data modules fetched on first use, each with the chunk file that is its only real importer. */
export const ON_DEMAND_MODULES: Readonly<Record<string, string>> = {
  'src/kubectl/help/texts.generated.ts': 'src/kubectl/help/texts-chunk.ts',
  'src/kubectl/help/completion.generated.ts': 'src/kubectl/help/completion-chunk.ts',
  'src/engine/api/schema/v1-32-descriptions.ts': 'src/engine/api/schema/docs-chunk.ts',
};

// Boot data whose descriptions go with the on-demand schema docs (docs-chunk.ts): where the texts are in
// each module's exports, as key paths ('*' any key). The boot chunk gets the module with those texts "".
export const DOC_PATHS: Readonly<Record<string, Readonly<Record<string, readonly (readonly string[])[]>>>> = {
  'src/engine/api/schema/k8s-schema.generated.ts': { DEFS: [['*', '0'], ['*', '1', '*', '1']], SPECIAL_DOCS: [['*']] },
  'src/engine/api/schema/v1-32-additions.ts': { ADDED_DEFS: [['*', '0'], ['*', '1', '*', '1']], ADDED_FIELDS: [['*', '*', '1']] },
  'src/engine/api/schema/go-enums.ts': { ENUMS: [['*', '*', '1']] },
};
const SCHEMA_DOCS_CHUNK = 'src/engine/api/schema/docs-chunk.ts';

const STUB = '\0lazy-data-stub:';
// kubectl's commands leave the first chunk too: the worker's imports of src/kubectl/index.ts (from
// outside src/kubectl) get src/worker/kubectl-entry.ts, which runs them once the boot chunk has loaded.
const KUBECTL_INDEX = 'src/kubectl/index.ts';
const KUBECTL_ENTRY = 'src/worker/kubectl-entry.ts';
const PRELOADER = 'src/worker/lazy-data-modules.ts';
// The stubs are filled as the preloader runs, before kubectl's modules (imported after it by the boot
// chunk's entry, src/worker/lazy-data-boot.ts), so kubectl may read the flag tables at import.

// The check build's stubs throw on any read before the data is in place: code that reads the data while
// modules are evaluated (a table built at import) would otherwise see it empty, silently.
const GUARD = `const guard = (t, what) => new Proxy(t, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor']
  .map((trap) => [trap, (...a) => {
    if (!globalThis.${LAZY_DATA_FILLED_NAME}) throw new Error(\`lazy data: \${what} read before its chunk loaded\`);
    return Reflect[trap](...a);
  }])));`;

/** The `export const NAME … = {` blocks of a generated module: each entry one line `  key: <JSON>,`. */
function exportBlocks(text: string): Map<string, { keys: string[]; values: unknown[] } | undefined> {
  const blocks = new Map<string, { keys: string[]; values: unknown[] } | undefined>();
  for (const m of text.matchAll(/^export const (\w+)(?::[^=\n]+)? = \{\n([\s\S]*?)^\};$/gm)) {
    const keys: string[] = [];
    const values: unknown[] = [];
    let flat = true;
    for (const line of m[2].split('\n')) {
      if (line === '' || /^\s*\/\//.test(line)) continue;
      const e = /^ {2}("(?:[^"\\]|\\.)*"|[\w$]+): (.*),$/.exec(line);
      if (!e) { flat = false; break; }
      try {
        values.push(JSON.parse(e[2]));
      } catch {
        flat = false;
        break;
      }
      keys.push(e[1].startsWith('"') ? JSON.parse(e[1]) as string : e[1]);
    }
    blocks.set(m[1], flat ? { keys, values } : undefined);
  }
  return blocks;
}

/**
 * The stub of a data module: each `export const` as an empty object/array (or the literal itself); with
 * `check`, each wrapped in a Proxy that throws when read before the data chunk has filled it. With
 * `keysOnly` (on-demand modules), an object of strings keeps its keys, each value "" until filled: code
 * may ask which keys exist (kubectl's command paths) before the texts are loaded.
 */
export function stubSource(path: string, text: string, check = false, keysOnly = false): string {
  const name = basename(path).replace(/\.ts$/, '');
  const lines: string[] = check ? [GUARD] : [];
  const filled: string[] = [];
  const empty = (init: string, id: string) => (check ? `guard(${init}, ${JSON.stringify(`${name}.${id}`)})` : init);
  const blocks = keysOnly ? exportBlocks(text) : new Map();
  for (const m of text.matchAll(/^export const (\w+)(?::[^=\n]+)? = (.*)$/gm)) {
    const [, id, init] = m;
    const block = blocks.get(id);
    if (block && block.values.every((v: unknown) => typeof v === 'string')) {
      lines.push(`export const ${id} = ${JSON.stringify(Object.fromEntries(block.keys.map((k: string) => [k, ''])))};`);
    } else if (init.startsWith('{')) lines.push(`export const ${id} = ${empty('{}', id)};`);
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

/** A data module's exports, evaluated (its TypeScript transpiled; data modules import only types). */
export async function evaluateModule(path: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return { ...(await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`) as Record<string, unknown>) };
}

type Tree = { [key: string]: Tree | string };

/**
 * A data module split in two: `shape` its source with every text at `paths` "" (what the engine needs:
 * types, flags, enum values), `docs` those texts as a tree of the same keys, for the on-demand docs chunk.
 */
export function splitDocs(exports: Record<string, unknown>, paths: Readonly<Record<string, readonly (readonly string[])[]>>): { shape: string; docs: Tree } {
  const docs: Tree = {};
  const lines: string[] = [];
  const take = (node: unknown, path: readonly string[], tree: Tree) => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const [head, ...rest] = path;
    for (const k of head === '*' ? Object.keys(o) : head in o ? [head] : []) {
      if (rest.length === 0) {
        if (typeof o[k] !== 'string') throw new Error(`lazy-data: ${k} is not a text`);
        if (o[k]) tree[k] = o[k] as string;
        o[k] = '';
      } else {
        const sub = (tree[k] ??= {}) as Tree;
        take(o[k], rest, sub);
        if (!Object.keys(sub).length) delete tree[k];
      }
    }
  };
  for (const [name, value] of Object.entries(exports)) {
    const copy: unknown = JSON.parse(JSON.stringify(value));
    const tree: Tree = {};
    for (const p of paths[name] ?? []) take(copy, p, tree);
    if (Object.keys(tree).length) docs[name] = tree;
    lines.push(`export const ${name} = ${JSON.stringify(copy)};`);
  }
  return { shape: `${lines.join('\n')}\n`, docs };
}

// What the docs chunk gets appended: each text put back at its place in the (shared) objects.
const PUT = `const __kubesimPut = (t, tree) => { for (const k of Object.keys(tree)) {
  if (typeof tree[k] === 'string') t[k] = tree[k]; else __kubesimPut(t[k], tree[k]); } };`;

// What a chunk file gets appended: its real modules' data copied into the stubs everyone else reads.
const FILL = `const __kubesimFill = (stub, full) => { if (stub) for (const k of Object.keys(stub)) {
  if (Array.isArray(stub[k])) stub[k].push(...full[k]); else Object.assign(stub[k], full[k]); } };`;

/** The plugin (for `worker.plugins`); `check` builds the guarded stubs (KUBESIM_LAZY_DATA_CHECK=1). */
export function lazyData(check = false): Plugin {
  const onDemand = Object.entries(ON_DEMAND_MODULES);
  const isBoot = (id: string) => LAZY_DATA_MODULES.some((p) => id.endsWith(`/${p}`));
  const onDemandOf = (id: string) => onDemand.find(([p]) => id.endsWith(`/${p}`));
  const chunkModules = (id: string) => onDemand.filter(([, c]) => id.endsWith(`/${c}`)).map(([p]) => p);
  const names = new Set([...LAZY_DATA_MODULES, ...onDemand.map(([p]) => p)].map((p) => basename(p).replace(/\.ts$/, '')));
  const splitOf = (id: string) => Object.keys(DOC_PATHS).find((p) => id.endsWith(`/${p}`));
  let root = '';
  return {
    name: 'kubesim-lazy-data',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    async resolveId(source, importer, options) {
      if (!importer || importer.endsWith(`/${PRELOADER}`) || importer.startsWith(STUB)) return null;
      if (/(^|\/)kubectl$/.test(source) && !importer.includes('/src/kubectl/')) {
        const r = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (r?.id.endsWith(`/${KUBECTL_INDEX}`)) return r.id.slice(0, -KUBECTL_INDEX.length) + KUBECTL_ENTRY;
        return null;
      }
      if (!names.has(basename(source).replace(/\.ts$/, ''))) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!r) return null;
      if (isBoot(r.id)) return `${STUB}${r.id}`;
      const lazy = onDemandOf(r.id);
      // A chunk file imports its real modules; everyone else gets the stub.
      return lazy && !importer.endsWith(`/${lazy[1]}`) ? `${STUB}${r.id}` : null;
    },
    async load(id) {
      if (id.startsWith(STUB)) {
        const path = id.slice(STUB.length);
        return stubSource(path, readFileSync(path, 'utf8'), check && isBoot(path), !!onDemandOf(path));
      }
      // The real module (imported by the boot chunk only) without the texts the docs chunk carries.
      const split = splitOf(id);
      if (split) return splitDocs(await evaluateModule(id), DOC_PATHS[split]).shape;
      return null;
    },
    async transform(code, id) {
      const modules = chunkModules(id);
      if (!modules.length) return null;
      const lines = [code, FILL];
      modules.forEach((p, i) => {
        const name = basename(p).replace(/\.ts$/, '');
        lines.push(`import * as __kubesimReal${i} from ${JSON.stringify(resolve(root, p))};`,
          `__kubesimFill(globalThis.${LAZY_DATA_GLOBAL_NAME}?.[${JSON.stringify(name)}], __kubesimReal${i});`);
      });
      if (id.endsWith(`/${SCHEMA_DOCS_CHUNK}`)) {
        // The descriptions go back into the objects the engine already holds (the boot stubs').
        lines.push(PUT);
        for (const [i, [p, paths]] of Object.entries(DOC_PATHS).entries()) {
          const { docs } = splitDocs(await evaluateModule(resolve(root, p)), paths);
          lines.push(`import * as __kubesimDocs${i} from ${JSON.stringify(resolve(root, p))};`,
            `__kubesimPut(__kubesimDocs${i}, ${JSON.stringify(docs)});`);
        }
      }
      return { code: lines.join('\n'), map: null };
    },
  };
}

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { lazyData } from './scripts/vite-lazy-data';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

// The app is served from the built bundle (npm start). The simulator is a module worker
// (src/worker/worker.ts, bundled by Vite from `new URL(..., import.meta.url)`). Monaco is bundled,
// never fetched from a CDN, and only reaches the page through a dynamic import('monaco-editor'):
// Vite puts it, its CSS and its workers (`…editor.worker?worker`, `monaco-yaml/yaml.worker?worker`)
// in chunks of their own, so the first paint never waits for them.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-editor ≥ 0.55 maps "monaco-editor/*.js" to esm/vs/*; monaco-yaml's worker manager still
      // imports "monaco-editor/esm/vs/…". Point that old deep path at the files.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
    ],
  },
  // The worker's large data modules are chunks of their own (scripts/vite-lazy-data.ts): what the engine
  // reads synchronously is loaded at its boot, help texts, completion scripts and the schema's descriptions
  // on first use; KUBESIM_LAZY_DATA_CHECK=1 builds stubs that throw if anything reads the boot data early.
  // The worker's output is final (no bundler reads it after us): its /* @__PURE__ */ annotations and legal
  // comments are dropped.
  worker: {
    format: 'es',
    plugins: () => [lazyData(process.env.KUBESIM_LAZY_DATA_CHECK === '1')],
    rolldownOptions: { output: { comments: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Only what the first paint needs is preloaded; lazy chunks (monaco) load when asked for.
    modulePreload: { polyfill: false },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});

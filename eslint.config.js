// Lint enforces the layering of ../shared/DESIGN.md; review does not. Do not relax these rules:
// widen an interface in engine/api instead.
import { readdirSync, existsSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import restrictedPaths from './tools/eslint/restricted-paths.js';

const dirs = (p) => (existsSync(p) ? readdirSync(p, { withFileTypes: true }) : [])
  .filter((d) => d.isDirectory() && d.name !== 'shared' && d.name !== 'framework').map((d) => d.name);
const ctrls = dirs('src/engine/controllers');
const plugins = dirs('src/engine/scheduler/plugins');
const onlyItself = (root, names, message) =>
  names.map((d) => ({ target: `${root}/${d}`, from: root, except: [`./${d}`, './shared'], message }));

export default [
  { ignores: ['tools/**', 'dist/**', 'node_modules/**', 'public/**', '**/*.generated.*'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    plugins: { layering: { rules: { 'no-restricted-paths': restrictedPaths } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'layering/no-restricted-paths': ['error', { zones: [
        { target: './src/engine', from: ['./src/ui', './src/kubectl', './src/worker', './src/server'],
          message: 'engine is the bottom layer: it never imports the UI, kubectl, the worker or the server.' },
        { target: './src/engine/api', from: ['./src/engine/store', './src/engine/apiserver', './src/engine/client',
          './src/engine/controllers', './src/engine/scheduler', './src/engine/kubelet', './src/engine/runtime',
          './src/engine/network', './src/engine/cluster.ts'], message: 'engine/api holds types and pure helpers only.' },
        { target: './src/engine/clock', from: ['./src/engine/api', './src/engine/store', './src/engine/apiserver',
          './src/engine/client', './src/engine/controllers', './src/engine/scheduler', './src/engine/kubelet',
          './src/engine/runtime', './src/engine/network'], message: 'engine/clock stands alone.' },
        { target: './src/engine/store', from: ['./src/engine/apiserver', './src/engine/client', './src/engine/controllers',
          './src/engine/scheduler', './src/engine/kubelet', './src/engine/runtime', './src/engine/network'],
          message: 'the store is the etcd: it knows only api and clock.' },
        { target: ['./src/engine/client', './src/engine/controllers', './src/engine/scheduler', './src/engine/kubelet',
          './src/engine/runtime', './src/engine/network'], from: ['./src/engine/store', './src/engine/apiserver'],
          message: 'Everything goes through the API server: use the Client, never the store or the server internals.' },
        { target: './src/engine/controllers', from: ['./src/engine/scheduler', './src/engine/kubelet'],
          message: 'Controllers meet other components only in API objects.' },
        { target: './src/kubectl', from: ['./src/ui', './src/worker', './src/server', './src/engine/apiserver',
          './src/engine/store', './src/engine/controllers', './src/engine/scheduler', './src/engine/kubelet'],
          message: 'kubectl talks to a client, like the real one.' },
        { target: './src/ui', from: ['./src/engine', './src/kubectl', './src/server'],
          message: 'UI reaches the engine only through src/worker/protocol.' },
        ...onlyItself('./src/engine/controllers', ctrls, 'Controllers never import each other; use API objects.'),
        ...onlyItself('./src/engine/scheduler/plugins', plugins, 'Plugins are independent; share via framework/.'),
      ] }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name='postMessage']", message: 'Only src/worker/ posts messages.' }],
    },
  },
  {
    files: ['src/worker/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/engine/clock/**'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use clock.after(); engine time is simulated.' },
        { name: 'setInterval', message: 'Use clock.after(); engine time is simulated.' },
        { name: 'setImmediate', message: 'Use clock.after(0, …).' },
        { name: 'queueMicrotask', message: 'Use clock.after(0, …).' },
        { name: 'performance', message: 'Use clock.now().' },
        { name: 'window', message: 'No DOM in the engine.' }, { name: 'document', message: 'No DOM in the engine.' },
        { name: 'self', message: 'No worker globals in the engine.' }, { name: 'postMessage', message: 'Only src/worker/ posts messages.' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use clock.now().' },
        { object: 'Math', property: 'random', message: 'Use the seeded Rng you were given.' },
        { object: 'crypto', property: 'randomUUID', message: 'Use the seeded Rng you were given.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads wall time; use clock.now().' },
        { selector: "CallExpression[callee.property.name='postMessage']", message: 'Only src/worker/ posts messages.' }],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'd3', 'd3-*', '@xterm/*', 'monaco-editor', 'monaco-yaml'],
          message: 'No UI libraries in the engine.' },
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net'], message: 'The engine runs in a browser worker: no node modules.' }] }],
    },
  },
];

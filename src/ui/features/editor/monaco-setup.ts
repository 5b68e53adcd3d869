// Monaco and monaco-yaml, loaded on demand (import('./monaco-setup')): the editor, its workers
// (bundled by Vite, never fetched from a CDN) and the Kubernetes schema of every built-in kind,
// which the simulator's worker generates from the engine's own schema (editor-schema.ts).
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import type { ApplyMarker } from './apply-errors';

/** The Monaco namespace (for types). */
export type Monaco = typeof monaco;

(globalThis as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// The app's pane colours, so the editor sits in the page instead of on it.
monaco.editor.defineTheme('kubesim-dark', { base: 'vs-dark', inherit: true, rules: [],
  colors: { 'editor.background': '#11161d', 'editorGutter.background': '#11161d', 'editor.lineHighlightBackground': '#161c25' } });
monaco.editor.defineTheme('kubesim-light', { base: 'vs', inherit: true, rules: [],
  colors: { 'editor.background': '#ffffff', 'editor.lineHighlightBackground': '#f6f8fa' } });

const SCHEMA_URI = 'kubesim://schemas/all-kinds.json';

const yamlOptions = (schema: object | undefined) => ({
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: true },
    schemas: schema ? [{ uri: SCHEMA_URI, fileMatch: ['*', '**/*'], schema: schema as never }] : [],
});

// monaco-yaml's worker manager still calls createWebWorker({ label, createData }), which Monaco ≥ 0.55
// no longer takes: it wants the Worker itself. Give it one the way Monaco's own language workers are
// started (monaco-editor/esm/vs/internal/common/workers.js): a first message to wake the worker,
// then the create data.
const yamlMonaco = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: { createData?: unknown; host?: Record<string, () => unknown>; keepIdleModels?: boolean }) => {
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
    },
  },
} as unknown as Monaco;

// YAML support at once (syntax errors, folding); the schema follows when the simulator sends it.
const yaml: MonacoYaml = configureMonacoYaml(yamlMonaco, yamlOptions(undefined));

/** Validation, completion and hover from the schema of every built-in kind. */
export function setSchema(schema: object): void {
  void yaml.update(yamlOptions(schema));
}

/** The model of a file (one per path, so undo history survives switching files). */
export function modelFor(path: string, content: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.file(path);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  return monaco.editor.createModel(content, 'yaml', uri);
}

/** Drops a file's model (the file was deleted or renamed). */
export function disposeModel(path: string): void {
  monaco.editor.getModel(monaco.Uri.file(path))?.dispose();
}

/** Creates the editor in a container. */
export function createEditor(el: HTMLElement, theme: 'dark' | 'light'): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(el, {
    theme: theme === 'dark' ? 'kubesim-dark' : 'kubesim-light',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    renderWhitespace: 'boundary',
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
    ariaLabel: 'YAML editor',
  });
}

/** Switches the editor's colours. */
export function setTheme(theme: 'dark' | 'light'): void {
  monaco.editor.setTheme(theme === 'dark' ? 'kubesim-dark' : 'kubesim-light');
}

/** The owner of markers from kubectl apply (separate from the schema's). */
export const APPLY_OWNER = 'kubectl-apply';

/** Shows kubectl apply's errors on their lines (an empty list clears them). */
export function setApplyMarkers(model: monaco.editor.ITextModel, markers: ApplyMarker[]): void {
  monaco.editor.setModelMarkers(model, APPLY_OWNER, markers.map((m) => {
    const line = Math.min(Math.max(m.line, 1), model.getLineCount());
    return { severity: monaco.MarkerSeverity.Error, message: m.message, source: 'kubectl apply',
      startLineNumber: line, startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
      endLineNumber: line, endColumn: model.getLineMaxColumn(line) };
  }));
}

/** Every marker of a model (schema and apply), for tests and the status line. */
export function markersOf(model: monaco.editor.ITextModel): { line: number; message: string; owner: string }[] {
  return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ line: m.startLineNumber, message: m.message, owner: m.owner }));
}

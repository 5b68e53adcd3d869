// Mount point of the YAML editor. FileList is a placeholder the monaco editor replaces; monaco
// must be imported lazily (import('monaco-editor')) so the first paint does not wait for it.
export { FileList as EditorPane } from './FileList';

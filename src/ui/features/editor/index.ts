// The files pane and its YAML editor (Monaco, loaded lazily by EditorPane).
export { EditorPane } from './EditorPane';
export { EditorIcon } from './icons';
export { writeFile, relPath, absPath, freshName } from './files';
export { stripForEdit } from './strip-for-edit';

export { Shell } from './shell';
export { isComplete } from './syntax';
export type { ShellHost, ShellIO, Program } from './shell';
export { MemFS, resolvePath } from './memfs';
export type { Fallback } from './memfs';
export { BUILTINS } from './builtins';
export type { ProcIO, Builtin } from './builtins';

export { TerminalPanel } from './TerminalPanel';
export { TerminalView } from './TerminalView';
export type { TerminalViewProps } from './TerminalView';
export { TerminalController } from './terminal-controller';
export type { TermLike, ShellLink } from './terminal-controller';
export { hooks, markInteractive } from './test-hooks';
export type { TerminalHook } from './test-hooks';

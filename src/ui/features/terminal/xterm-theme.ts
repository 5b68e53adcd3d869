// Terminal colours for the dark and light themes: the 16 ANSI colours tuned so kubectl's and the
// prompt's colours stay legible on each background (contrast ≥ 4.5:1 for normal text).
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../../store';

const DARK: ITheme = {
  background: '#0d1117', foreground: '#d6dde6', cursor: '#7aa7ff', cursorAccent: '#0d1117',
  selectionBackground: '#2f4a7a', selectionInactiveBackground: '#263449',
  black: '#1b2129', red: '#ff7b72', green: '#56d364', yellow: '#e3b341', blue: '#79a8ff', magenta: '#d2a8ff', cyan: '#56d4dd', white: '#c9d1d9',
  brightBlack: '#8b949e', brightRed: '#ffa198', brightGreen: '#7ee787', brightYellow: '#f2cc60', brightBlue: '#a5c4ff',
  brightMagenta: '#e2c5ff', brightCyan: '#8ae6ec', brightWhite: '#f0f6fc',
};

const LIGHT: ITheme = {
  background: '#fbfcfe', foreground: '#1f2733', cursor: '#2357c6', cursorAccent: '#fbfcfe',
  selectionBackground: '#c5d8ff', selectionInactiveBackground: '#dde6f5',
  black: '#1f2733', red: '#c4262e', green: '#1a7f37', yellow: '#8a6100', blue: '#1f5fcc', magenta: '#8e3bbf', cyan: '#0b7a8a', white: '#6e7781',
  brightBlack: '#57606a', brightRed: '#a40e26', brightGreen: '#116329', brightYellow: '#6f4e00', brightBlue: '#174ba3',
  brightMagenta: '#6e2a99', brightCyan: '#055d6b', brightWhite: '#1f2733',
};

/** xterm's theme for a UI theme. */
export function xtermTheme(theme: Theme): ITheme {
  return theme === 'dark' ? DARK : LIGHT;
}

/** Monospace fonts available without a download, best first. */
export const TERMINAL_FONT = 'ui-monospace, "SF Mono", "JetBrains Mono", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** The terminal's font size for a window width (bigger on a projector). */
export function terminalFontSize(width: number): number {
  return width >= 1800 ? 15 : width >= 1440 ? 14 : 13;
}

// What browser tests and the benchmark read from the page: each terminal's text, a way to paste,
// and the moment the first prompt appeared. Small, always present, harmless.
import type { Terminal } from '@xterm/xterm';

/** A terminal as tests see it. */
export interface TerminalHook {
  /** The buffer's text, wrapped rows joined, trailing blanks trimmed. */
  text(): string;
  /** Pastes as the browser's paste would. */
  paste(text: string): void;
  /** Selects everything (as a mouse drag would). */
  selectAll(): void;
}

interface KubesimHooks {
  terminals: Record<string, TerminalHook>;
  /** Milliseconds from Enter to the first output of each command (the benchmark's ui.command_ms). */
  commandLatencies: number[];
  [k: string]: unknown;
}

/** The page's hooks object (window.__kubesim). */
export function hooks(): KubesimHooks {
  const w = globalThis as unknown as { __kubesim?: KubesimHooks };
  w.__kubesim ??= { terminals: {}, commandLatencies: [] };
  return w.__kubesim;
}

/** Registers a terminal; returns the unregister function. */
export function registerTerminal(tab: string, term: Terminal): () => void {
  hooks().terminals[tab] = {
    text: () => {
      const b = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < b.length; i++) {
        const line = b.getLine(i);
        if (!line) continue;
        const s = line.translateToString(true);
        if (line.isWrapped && lines.length) lines[lines.length - 1] += s;
        else lines.push(s);
      }
      return lines.join('\n').trimEnd();
    },
    paste: (text) => term.paste(text),
    selectAll: () => term.selectAll(),
  };
  return () => { delete hooks().terminals[tab]; };
}

let interactive = false;

/** Marks the first prompt (the page is interactive). */
export function markInteractive(): void {
  if (interactive) return;
  interactive = true;
  performance.mark('kubesim:interactive');
  document.documentElement.dataset.interactive = 'true';
}

let submittedAt: number | undefined;

/** A line went to the shell. */
export function noteSubmit(): void {
  submittedAt = performance.now();
}

/** Output arrived: the first after a submit closes a latency sample. */
export function noteOutput(): void {
  if (submittedAt === undefined) return;
  const samples = hooks().commandLatencies;
  samples.push(performance.now() - submittedAt);
  if (samples.length > 100) samples.shift();
  submittedAt = undefined;
}

// One terminal tab: an xterm wired to its TerminalController and to the tab's shell in the worker.
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { getConnection, takeTabCommand, useCluster, useUi } from '../../store';
import { TerminalController, type ShellLink } from './terminal-controller';
import { tabHistory } from './history-store';
import { TERMINAL_FONT, terminalFontSize, xtermTheme } from './xterm-theme';
import { markInteractive, noteOutput, noteSubmit, registerTerminal } from './test-hooks';

/** The first lines of the first tab. */
function banner(): string {
  const s = useCluster.getState();
  const nodes = s.nodeCount === 1 ? '1 node' : `${s.nodeCount} nodes`;
  return `\x1b[1mkubesim\x1b[0m\x1b[2m · Kubernetes ${s.kubernetesVersion ?? 'v1.32'} (minikube, ${nodes}) running in this tab · seed ${s.seed}\x1b[0m\r\n`
    + '\x1b[2mTry \x1b[0mkubectl get nodes\x1b[2m. Tab completes, ↑/↓ recall, Ctrl-C stops a command, Ctrl-L clears.\x1b[0m\r\n\r\n';
}

/** Props of a terminal tab. */
export interface TerminalViewProps {
  tab: string;
  active: boolean;
  /** Print the welcome lines before the first prompt. */
  welcome: boolean;
}

/** An xterm terminal connected to a shell in the worker. */
export function TerminalView({ tab, active, welcome }: TerminalViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | undefined>(undefined);
  const fitRef = useRef<FitAddon | undefined>(undefined);
  const theme = useUi((s) => s.theme);
  const screenReader = useUi((s) => s.screenReader);

  useEffect(() => {
    const el = host.current!;
    const ui = useUi.getState();
    const term = new Terminal({
      fontFamily: TERMINAL_FONT,
      fontSize: terminalFontSize(window.innerWidth),
      lineHeight: 1.2,
      theme: xtermTheme(ui.theme),
      convertEol: true,
      cursorBlink: true,
      scrollback: 5000,
      screenReaderMode: ui.screenReader,
      macOptionIsMeta: true,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    if (term.textarea) term.textarea.setAttribute('aria-label', `Terminal ${tab.replace(/^t/, '')}: type commands here`);
    termRef.current = term;
    fitRef.current = fit;
    try { fit.fit(); } catch { /* not laid out yet */ }
    // Pastes arrive bracketed, so the controller can tell them from typing.
    term.write('\x1b[?2004h');

    const conn = getConnection();
    const link: ShellLink = {
      open: () => conn.send({ type: 'term-open', tab, cols: term.cols, rows: term.rows }),
      input: (lines, echoed, seq) => {
        noteSubmit();
        conn.send({ type: 'term-input', tab, lines, echoed, seq });
      },
      interrupt: (seq) => conn.send({ type: 'term-interrupt', tab, seq }),
      eof: (seq) => conn.send({ type: 'term-eof', tab, seq }),
      complete: (line, cursor) => conn.client.complete(tab, line, cursor),
      ack: (bytes) => conn.send({ type: 'term-ack', tab, bytes }),
    };
    const controller = new TerminalController(term, link, tabHistory());
    let greeted = !welcome;
    const detach = conn.attachTerminal(tab, {
      output: (d) => {
        noteOutput();
        controller.output(d);
      },
      ready: (prompt, continuation, seq, raw) => {
        controller.ready(prompt, continuation, seq, raw);
        markInteractive();
        // A tab opened to run something (the inspector's Exec) types it at its first prompt.
        const command = continuation ? undefined : takeTabCommand(tab);
        if (command) controller.onData(`${command}\r`);
      },
      booted: (reason, notice) => {
        if (!greeted) {
          term.write(banner());
          greeted = true;
        }
        // A planned restart (the failover demo) says what it set up; a crash says what happened, in yellow.
        controller.booted(notice ?? (reason ? `\x1b[33m⚠ ${reason} A new cluster was started; your files were kept.\x1b[0m` : undefined));
      },
    });
    const data = term.onData((d) => controller.onData(d));

    // Copy: Ctrl-Shift-C, or Ctrl-C with a selection (as VS Code's terminal). Paste: the browser's
    // paste event (Ctrl-V, Ctrl-Shift-V, the context menu) reaches xterm, which brackets it.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && e.key.toLowerCase() === 'c' && (e.shiftKey || term.hasSelection())) {
        const text = term.getSelection();
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
        term.clearSelection();
        e.preventDefault();
        return false;
      }
      if (ctrl && e.key.toLowerCase() === 'v') return false;
      return true;
    });

    let cols = term.cols;
    const ro = new ResizeObserver(() => {
      if (!el.offsetParent) return;
      try { fit.fit(); } catch { return; }
      if (term.cols !== cols) {
        cols = term.cols;
        conn.send({ type: 'term-resize', tab, cols: term.cols, rows: term.rows });
      }
    });
    ro.observe(el);
    const unregister = registerTerminal(tab, term);
    return () => {
      unregister();
      ro.disconnect();
      data.dispose();
      detach();
      term.dispose();
      termRef.current = undefined;
    };
  }, [tab, welcome]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = xtermTheme(theme);
  }, [theme]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  useEffect(() => {
    if (!active) return;
    try { fitRef.current?.fit(); } catch { /* hidden */ }
    termRef.current?.focus();
  }, [active]);

  return <div className="terminal-host" ref={host} hidden={!active} role="tabpanel" id={`terminal-${tab}`} aria-labelledby={`tab-${tab}`} />;
}

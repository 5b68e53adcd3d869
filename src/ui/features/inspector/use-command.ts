// Runs a kubectl command line through a terminal-less stream and keeps its output, running it
// again when `rev` changes (the object's resourceVersion), so describe and YAML follow the object.
import { useEffect, useState } from 'react';
import { getConnection, useCluster } from '../../store';

/** A command's latest output. */
export interface CommandOutput {
  text: string;
  /** Exit code; undefined while it runs for the first time. */
  code: number | undefined;
  running: boolean;
}

/** Quiet time after a change before the command runs again (a rollout changes an object many times a second). */
const RERUN_DELAY_MS = 250;

/** The output of `line` (nothing runs while it is undefined). */
export function useCommandOutput(line: string | undefined, rev: string | undefined): CommandOutput {
  const [out, setOut] = useState<CommandOutput>({ text: '', code: undefined, running: false });
  const booted = useCluster((s) => s.booted);
  // A new command starts from nothing; a new revision keeps the old text until the new one is there.
  useEffect(() => setOut({ text: '', code: undefined, running: false }), [line]);
  useEffect(() => {
    if (!line || !booted) return;
    let cancelled = false;
    let cancel: (() => void) | undefined;
    const timer = setTimeout(() => {
      let text = '';
      setOut((o) => ({ ...o, running: true }));
      const s = getConnection().client.stream({ kind: 'command', line }, (d) => { text += d; });
      cancel = s.cancel;
      s.done.then((code) => { if (!cancelled) setOut({ text, code, running: false }); },
        (e: Error) => { if (!cancelled) setOut({ text: `${text}${e.message}\n`, code: 1, running: false }); });
    }, rev === undefined ? 0 : RERUN_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cancel?.();
    };
  }, [line, rev, booted]);
  return out;
}

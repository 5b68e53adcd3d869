// POSIX signals the simulated processes know, with Linux numbers (exit code = 128 + number).

/** A signal name as `kill -l` and Dockerfile STOPSIGNAL spell it. */
export type Signal = 'SIGHUP' | 'SIGINT' | 'SIGQUIT' | 'SIGKILL' | 'SIGUSR1' | 'SIGUSR2' | 'SIGTERM' | 'SIGCHLD' | 'SIGWINCH';

/** Linux signal numbers (asm-generic/signal.h). */
export const SIGNAL_NUMBERS: Record<Signal, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGCHLD: 17, SIGWINCH: 28,
};

/** Parses "TERM", "SIGTERM", "15" (as `kill` and `trap` accept them). */
export function parseSignal(s: string): Signal | undefined {
  const up = s.toUpperCase();
  if (/^\d+$/.test(up)) {
    const n = Number(up);
    return (Object.keys(SIGNAL_NUMBERS) as Signal[]).find((k) => SIGNAL_NUMBERS[k] === n);
  }
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as Signal;
  return name in SIGNAL_NUMBERS ? name : undefined;
}

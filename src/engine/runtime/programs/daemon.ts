// What long-running servers share: listen on ports, hold memory, wait for signals, and die the way
// their runtime makes them die. A Go binary that does not handle SIGTERM still exits when PID 1
// (the Go runtime re-raises, then exits with status 2: runtime/signal_unix.go dieFromSignal).
import type { HttpRequest, HttpResponse } from '../cri';
import type { ProcCtx } from '../process/context';
import type { Effect, Proc } from '../process/effects';
import { SIGNAL_NUMBERS, type Signal } from '../process/signals';

type Gen<T> = Generator<Effect, T, unknown>;

/** How a server serves and stops. */
export interface DaemonSpec {
  /** HTTP handlers by port (a TCP-only service answers undefined). */
  ports?: Record<number, ((req: HttpRequest) => HttpResponse | undefined) | 'tcp'>;
  memoryBytes: number;
  cpuMilli?: number;
  /** Signals the program handles; others keep their default disposition. */
  catches?: Signal[];
  /** Runs on a caught signal; returns an exit code to stop, or undefined to keep serving. */
  onSignal?: (sig: Signal) => Gen<number | undefined>;
  /** A Go binary without signal handling: SIGTERM/SIGINT end it with status 2 (as PID 1) or 128+n. */
  goDefault?: boolean;
}

/** Serves until a signal stops it. */
export function* daemon(ctx: ProcCtx, spec: DaemonSpec): Proc {
  for (const [port, h] of Object.entries(spec.ports ?? {})) {
    ctx.sys.listen(Number(port), h === 'tcp' ? {} : { http: h });
  }
  ctx.sys.setMemory(ctx.pid, spec.memoryBytes);
  if (spec.cpuMilli) ctx.sys.setCpu(ctx.pid, spec.cpuMilli);
  const goSignals: Signal[] = spec.goDefault ? ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP'] : [];
  ctx.signals.catchSignals([...(spec.catches ?? []), ...goSignals]);
  for (;;) {
    const sig = yield* ctx.signals.nextSignal();
    if (spec.catches?.includes(sig) && spec.onSignal) {
      const code = yield* spec.onSignal(sig);
      if (code !== undefined) return stop(ctx, spec, code);
      continue;
    }
    if (goSignals.includes(sig)) {
      if (sig === 'SIGQUIT') ctx.err(`SIGQUIT: quit\nPC=0x46e2a1 m=0 sigcode=0\n\ngoroutine 0 gp=0x0 m=0 mp=0x0 [idle]:\n`);
      return stop(ctx, spec, ctx.pid === 1 ? 2 : 128 + SIGNAL_NUMBERS[sig]);
    }
  }
}

function stop(ctx: ProcCtx, spec: DaemonSpec, code: number): number {
  for (const port of Object.keys(spec.ports ?? {})) ctx.sys.unlisten(Number(port));
  return code;
}

/** A plain-text HTTP response. */
export function text(status: number, body: string, headers: Record<string, string> = {}, now?: string): HttpResponse {
  return {
    status,
    headers: { ...(now ? { Date: now } : {}), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(new TextEncoder().encode(body).length), ...headers },
    body,
  };
}

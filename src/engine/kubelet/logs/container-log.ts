// One container instance's log, as the runtime's log file holds it (CRI log format: a timestamp,
// the stream, the line). Models pkg/kubelet/kuberuntime/logs/logs.go (ReadLogs): tail, since,
// limitBytes, timestamps and follow.
import { rfc3339 } from '../../clock';

/** One line of output. */
export interface LogLine {
  /** Simulated time (ms) the line was written. */
  t: number;
  /** Nanoseconds within the millisecond (000000-999999), so timestamps print with nine digits. */
  subMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** PodLogOptions as the kubelet applies them. */
export interface LogReadOptions {
  tailLines?: number;
  /** Only lines at or after this time (ms). */
  since?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** Lines kept per container instance (the runtime rotates logs; this bounds memory). */
export const MAX_LOG_LINES = 5000;

/** RFC3339NanoFixed (types.RFC3339NanoFixed): "2025-01-15T09:00:05.123456789Z". */
export function rfc3339NanoFixed(t: number, subMs: number): string {
  const base = rfc3339(t).replace(/Z$/, '');
  const ms = String(Math.floor(t) % 1000).padStart(3, '0');
  return `${base}.${ms}${String(subMs).padStart(6, '0')}Z`;
}

/** A container's log with followers. */
export class ContainerLog {
  private lines: LogLine[] = [];
  private dropped = 0;
  private readonly followers = new Set<{ onLine: (l: LogLine) => void; onEnd: () => void }>();
  /** True once the container has exited: followers are told the log ended. */
  closed = false;

  /** Appends a line and hands it to followers. */
  append(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length > MAX_LOG_LINES) {
      this.lines = this.lines.slice(this.lines.length - MAX_LOG_LINES);
      this.dropped++;
    }
    for (const f of [...this.followers]) f.onLine(line);
  }

  /** The container exited: no more lines; followers end. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of [...this.followers]) f.onEnd();
    this.followers.clear();
  }

  /** Number of lines held. */
  size(): number {
    return this.lines.length;
  }

  /** All lines (read-only). */
  all(): readonly LogLine[] {
    return this.lines;
  }

  /** The lines selected by since and tail, in order. */
  select(opts: LogReadOptions): LogLine[] {
    let out = this.lines;
    if (opts.since !== undefined) {
      const since = opts.since;
      out = out.filter((l) => l.t >= since);
    }
    if (opts.tailLines !== undefined && opts.tailLines >= 0) out = opts.tailLines === 0 ? [] : out.slice(-opts.tailLines);
    return out;
  }

  /** The text `kubectl logs` prints for these options. */
  read(opts: LogReadOptions): string {
    let s = '';
    for (const l of this.select(opts)) s += formatLine(l, opts.timestamps);
    if (opts.limitBytes !== undefined && opts.limitBytes >= 0) s = truncateBytes(s, opts.limitBytes);
    return s;
  }

  /** Follows new lines until the container exits; returns a function that stops following. */
  follow(onLine: (l: LogLine) => void, onEnd: () => void): () => void {
    if (this.closed) {
      onEnd();
      return () => {};
    }
    const f = { onLine, onEnd };
    this.followers.add(f);
    return () => {
      this.followers.delete(f);
    };
  }
}

/** One line as printed, with its newline (and timestamp prefix when asked). */
export function formatLine(l: LogLine, timestamps?: boolean): string {
  return timestamps ? `${rfc3339NanoFixed(l.t, l.subMs)} ${l.text}\n` : `${l.text}\n`;
}

function truncateBytes(s: string, n: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= n) return s;
  return new TextDecoder().decode(bytes.slice(0, n));
}

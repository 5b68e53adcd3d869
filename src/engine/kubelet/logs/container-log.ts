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

// Log texts repeat across containers (an image's startup lines, the same second's notices): each
// distinct text is kept once. Bounded: when full, the table starts over (texts already stored stay shared).
const INTERN_MAX = 16_384;
const interned = new Map<string, string>();

function intern(text: string): string {
  const hit = interned.get(text);
  if (hit !== undefined) return hit;
  if (interned.size >= INTERN_MAX) interned.clear();
  interned.set(text, text);
  return text;
}

// subMs is below 1e6; a stderr line stores subMs + STDERR (one small integer per line for both).
const STDERR = 1_000_000;

/**
 * A container's log with followers. Lines are held column-wise (times, subMs and stream, texts): a
 * container keeps its lines for its whole life, and an object per line cost more than its text.
 */
export class ContainerLog {
  private times: number[] = [];
  private subs: number[] = [];
  private texts: string[] = [];
  private dropped = 0;
  // Made by the first follow: most logs are never followed.
  private followers?: Set<{ onLine: (l: LogLine) => void; onEnd: () => void }>;
  /** True once the container has exited: followers are told the log ended. */
  closed = false;

  /** Appends a line and hands it to followers. */
  append(line: LogLine): void {
    this.times.push(line.t);
    this.subs.push(line.stream === 'stderr' ? line.subMs + STDERR : line.subMs);
    this.texts.push(intern(line.text));
    if (this.texts.length > MAX_LOG_LINES) {
      const from = this.texts.length - MAX_LOG_LINES;
      this.times = this.times.slice(from);
      this.subs = this.subs.slice(from);
      this.texts = this.texts.slice(from);
      this.dropped++;
    }
    if (this.followers?.size) for (const f of [...this.followers]) f.onLine(line);
  }

  /** The container exited: no more lines; followers end. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of [...(this.followers ?? [])]) f.onEnd();
    this.followers?.clear();
  }

  /** Number of lines held. */
  size(): number {
    return this.texts.length;
  }

  /** All lines (a copy). */
  all(): readonly LogLine[] {
    return this.linesFrom(0);
  }

  /** The lines selected by since and tail, in order. */
  select(opts: LogReadOptions): LogLine[] {
    let from = 0;
    if (opts.since !== undefined) {
      // Times only grow: the first line at or after `since` starts the selection.
      while (from < this.times.length && this.times[from] < opts.since) from++;
    }
    if (opts.tailLines !== undefined && opts.tailLines >= 0) from = Math.max(from, this.texts.length - opts.tailLines);
    return this.linesFrom(from);
  }

  private linesFrom(from: number): LogLine[] {
    const out: LogLine[] = [];
    for (let i = from; i < this.texts.length; i++) {
      const sub = this.subs[i];
      out.push({ t: this.times[i], subMs: sub >= STDERR ? sub - STDERR : sub, stream: sub >= STDERR ? 'stderr' : 'stdout', text: this.texts[i] });
    }
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
    (this.followers ??= new Set()).add(f);
    return () => {
      this.followers?.delete(f);
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

// A container's attach point: PID 1's standard input when the container has `stdin: true` (docker's
// OpenStdin), and the clients attached to its output (`kubectl attach`, `kubectl run -i`). Models what
// dockerd does for cri-dockerd's Attach: the attached client gets the output from now on (stderr folded into
// stdout with a TTY), its typed lines reach PID 1's stdin, and with `stdinOnce` stdin closes when the first
// attached client detaches or ends its input (StdinOnce), so a shell reading it exits.
import type { ExecIO } from '../cri';
import { type Effect, waitFor } from './effects';
import type { Stdin } from './context';

/** PID 1's standard input, fed by attached clients; reads wait until a line arrives or stdin closes. */
export class AttachedStdin implements Stdin {
  readonly live = true;
  private readonly lines: string[] = [];
  private closed = false;
  private waiter?: (line: string | undefined) => void;
  /** Called when a read finds nothing queued: lines are pulled from an attached client only when wanted. */
  onDemand?: () => void;

  constructor(readonly interactive: boolean) {}

  /** Is a read waiting for a line? */
  get waiting(): boolean {
    return this.waiter !== undefined;
  }

  /** A line typed by an attached client. */
  push(line: string): void {
    if (this.closed) return;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w(line);
    } else this.lines.push(line);
  }

  /** End of input (what is queued is still read first). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.(undefined);
  }

  *readLine(): Generator<Effect, string | undefined, unknown> {
    if (this.lines.length) return this.lines.shift();
    if (this.closed) return undefined;
    return yield* waitFor<string | undefined>((resume) => {
      this.waiter = resume;
      this.onDemand?.();
      return () => { this.waiter = undefined; };
    });
  }

  *readAll(): Generator<Effect, string, unknown> {
    let all = '';
    for (let l = yield* this.readLine(); l !== undefined; l = yield* this.readLine()) all += `${l}\n`;
    return all;
  }
}

interface Attached {
  io: ExecIO;
  end(): void;
}

/** The clients attached to one container. */
export class AttachPoint {
  private readonly clients = new Set<Attached>();
  private detachedOnce = false;

  private pulling = false;

  constructor(private readonly stdin: AttachedStdin | undefined, private readonly stdinOnce: boolean, private readonly tty: boolean) {
    if (stdin) stdin.onDemand = () => this.pull();
  }

  /** Output PID 1 (or a child sharing its streams) wrote. */
  write(s: string, stream: 'stdout' | 'stderr'): void {
    for (const c of this.clients) {
      // As exec's streams, the program's text as written: the wire (serve-stream) turns a TTY's \n into \r\n.
      if (stream === 'stdout' || this.tty) c.io.stdout(s);
      else c.io.stderr(s);
    }
  }

  /** Attaches a client until it detaches (its signal), ends its input (stdinOnce), or the container exits. */
  attach(io: ExecIO): Promise<void> {
    return new Promise<void>((resolve) => {
      let done = false;
      const c: Attached = {
        io,
        end: () => {
          if (done) return;
          done = true;
          this.clients.delete(c);
          resolve();
        },
      };
      this.clients.add(c);
      const detach = () => {
        c.end();
        this.afterDetach();
      };
      if (io.signal?.aborted) return detach();
      io.signal?.addEventListener('abort', detach, { once: true });
      // A process already waiting for input gets this client's next line.
      if (this.stdin?.waiting) this.pull();
    });
  }

  // Reads one line from the first attached client with input, for a process waiting on stdin. Typed lines
  // are taken only when the program asks for one, so nothing typed after it exits is swallowed.
  private pull(): void {
    if (this.pulling || !this.stdin) return;
    const c = [...this.clients].find((x) => x.io.readLine);
    if (!c) return;
    this.pulling = true;
    void c.io.readLine!().then((line) => {
      this.pulling = false;
      if (!this.clients.has(c)) return;
      if (line === undefined) {
        // The client's end of input (Ctrl-D, or a pipe drained) closes stdin when stdinOnce.
        if (this.stdinOnce) this.stdin!.close();
        return;
      }
      this.stdin!.push(line);
    }, () => { this.pulling = false; });
  }

  private afterDetach(): void {
    if (this.detachedOnce) return;
    this.detachedOnce = true;
    if (this.stdinOnce) this.stdin?.close();
  }

  /** The container exited: every client's stream ends. */
  exited(): void {
    for (const c of [...this.clients]) c.end();
    this.stdin?.close();
  }
}

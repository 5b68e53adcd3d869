// A fake worker environment for node tests: wall time is a number the test moves, timers fire when
// it passes them, and every message the host posts is recorded.
import { setImmediate as nodeSetImmediate } from 'node:timers';
import { WorkerHost, type HostEnv } from './host';
import type { FromWorker, ToWorker } from './protocol';

/** Lets pending promise continuations run. */
export const settle = () => new Promise<void>((r) => nodeSetImmediate(r));

/** A host driven by a fake wall clock. */
export class FakeWorker {
  readonly messages: FromWorker[] = [];
  readonly host: WorkerHost;
  wallMs = 0;
  closed = false;
  private timers: { due: number; fn: () => void; seq: number }[] = [];
  private seq = 0;

  constructor() {
    const env: HostEnv = {
      post: (m) => this.messages.push(m),
      wall: () => this.wallMs,
      epochNow: () => 1_700_000_000_000 + this.wallMs,
      setTimer: (fn, ms) => {
        const t = { due: this.wallMs + ms, fn, seq: this.seq++ };
        this.timers.push(t);
        return () => { this.timers = this.timers.filter((x) => x !== t); };
      },
      yieldTask: settle,
      close: () => { this.closed = true; },
      freeze: true,
    };
    this.host = new WorkerHost(env);
  }

  send(msg: ToWorker): void {
    this.host.receive(msg);
  }

  /** Moves wall time forward, firing timers in order and letting their promises settle. */
  async run(ms: number): Promise<void> {
    const end = this.wallMs + ms;
    for (;;) {
      // A tick is async (it yields between timers while a command waits): let it finish and
      // schedule the next one before looking for due timers.
      for (let i = 0; i < 20; i++) await settle();
      const due = this.timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.wallMs = Math.max(this.wallMs, due.due);
      due.fn();
    }
    this.wallMs = end;
    await settle();
  }

  /** Messages of one type, in order. */
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[] {
    return this.messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  }

  private taken = new Map<string, number>();
  /** The page's counter of inputs and interrupts. */
  inputSeq = 0;

  /** What a tab printed since the last take, acknowledged as the page does. */
  takeOutput(tab: string): string {
    const msgs = this.of('term-output').filter((m) => m.tab === tab);
    const from = this.taken.get(tab) ?? 0;
    this.taken.set(tab, msgs.length);
    const out = msgs.slice(from).map((m) => m.data).join('');
    if (out) this.send({ type: 'term-ack', tab, bytes: out.length });
    return out;
  }

  /** Sends input lines and waits (in fake wall time) until the shell is ready again; returns the output. */
  async input(tab: string, lines: string[], echoed = lines.length, timeoutMs = 30_000): Promise<string> {
    const ready = () => this.of('term-ready').filter((m) => m.tab === tab).length;
    const before = ready();
    this.send({ type: 'term-input', tab, lines, echoed, seq: ++this.inputSeq });
    for (let t = 0; ready() === before; t += 16) {
      if (t > timeoutMs) throw new Error(`tab ${tab} not ready after ${timeoutMs} ms`);
      await this.run(16);
    }
    return this.takeOutput(tab);
  }
}

// The page's side of the worker: starts it, sends typed messages, pairs requests with answers,
// and keeps the simulator alive. A worker that throws, reports a fatal error, closes or stops
// answering pings is replaced by a fresh one (booted with the options the page gives at that
// moment, e.g. the learner's files), and listeners are told why, so the UI can say so and go on.
import type { ApiRequest, ApiResponse, BootOptions, Completion, CrashMode, FileOp, FileResult, FromWorker, HttpResult, SchedulingAttempt,
  StreamSource, ToWorker } from './protocol';

/** Where the connection stands. */
export type ConnectionState =
  | { state: 'starting' }
  | { state: 'running' }
  /** A fresh worker replaces one that failed; `reason` says what happened, in plain words. */
  | { state: 'restarting'; reason: string }
  /** It failed again and again: the page should offer a reload. */
  | { state: 'failed'; reason: string };

/** A worker-like object (the real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Options of a client. */
export interface WorkerClientOptions {
  /** Makes a worker (default: the simulator's module worker). */
  createWorker?: () => WorkerLike;
  /** Boot options, asked at every (re)start. */
  boot: () => BootOptions;
  /** How often to ping. */
  heartbeatMs?: number;
  /** Silence after which a running worker counts as hung. */
  hangTimeoutMs?: number;
  /** Silence allowed while the worker boots. */
  bootTimeoutMs?: number;
}

/** Restarts allowed within RESTART_WINDOW_MS before giving up. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void; expect: FromWorker['type'] };

/** Creates the simulator's worker (bundled by Vite from the URL below). */
export function createSimulatorWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kubesim' }) as unknown as WorkerLike;
}

interface Prespawned {
  worker: WorkerLike;
  options: BootOptions;
  /** What the worker said before the client took it over. */
  buffered: FromWorker[];
  error: string | undefined;
}

let prespawned: Prespawned | undefined;

/**
 * Starts the simulator and boots its cluster before the rest of the page has loaded (a tiny entry
 * script calls this first), so the cluster boots while the UI's code is still being parsed. The
 * WorkerClient adopts this worker on start().
 */
export function prespawnSimulator(options: BootOptions, create: () => WorkerLike = createSimulatorWorker): void {
  if (prespawned) return;
  const p: Prespawned = { worker: create(), options, buffered: [], error: undefined };
  p.worker.onmessage = (e) => p.buffered.push(e.data);
  p.worker.onerror = (e) => { p.error = e.message || 'uncaught error'; };
  p.worker.postMessage({ type: 'boot', options });
  prespawned = p;
}

/** The boot options the prespawned simulator was started with, if any. */
export function prespawnedOptions(): BootOptions | undefined {
  return prespawned?.options;
}

/** The page's connection to the simulator. */
export class WorkerClient {
  private worker: WorkerLike | undefined;
  private readonly listeners = new Set<(msg: FromWorker) => void>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly pending = new Map<number, Pending>();
  private readonly streams = new Map<number, { onData(d: string): void; resolve(code: number): void; reject(e: Error): void }>();
  private nextId = 1;
  private lastHeard = 0;
  private booted = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private restarts: number[] = [];
  private current: ConnectionState = { state: 'starting' };
  private readonly opts: Required<WorkerClientOptions>;

  constructor(opts: WorkerClientOptions) {
    this.opts = { createWorker: createSimulatorWorker, heartbeatMs: 2_000, hangTimeoutMs: 10_000, bootTimeoutMs: 60_000, ...opts };
  }

  /** The connection's state. */
  get state(): ConnectionState {
    return this.current;
  }

  /** Starts the worker and boots the cluster. */
  start(): void {
    this.spawn();
    this.heartbeat = setInterval(() => this.checkAlive(), this.opts.heartbeatMs);
  }

  /** Stops everything. */
  dispose(): void {
    clearInterval(this.heartbeat);
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll('closed');
  }

  /** Listens to every message from the worker; returns the unsubscribe function. */
  on(listener: (msg: FromWorker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to connection state changes. */
  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Sends a message (dropped while no worker runs). */
  send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  /** An API request, answered by the API server in the worker. */
  api(request: ApiRequest): Promise<ApiResponse> {
    return this.call<ApiResponse>((id) => ({ type: 'api', id, request }), 'api-result');
  }

  /** A file operation on the learner's files. */
  fs(op: FileOp): Promise<FileResult> {
    return this.call<FileResult>((id) => ({ type: 'fs', id, op }), 'fs-result');
  }

  /** Tab completion for a terminal line. */
  complete(tab: string, line: string, cursor: number): Promise<Completion> {
    return this.call<Completion>((id) => ({ type: 'term-complete', id, tab, line, cursor }), 'term-completion');
  }

  /** The scheduler's last attempt for a pod ("namespace/name"). */
  explain(pod: string): Promise<SchedulingAttempt | undefined> {
    return this.call<SchedulingAttempt | undefined>((id) => ({ type: 'explain', id, pod }), 'explain-result');
  }

  /** The editor's JSON schema of every built-in kind. */
  editorSchema(): Promise<object> {
    return this.call<object>((id) => ({ type: 'editor-schema', id }), 'editor-schema-result');
  }

  /** A GET from the learner's machine (the browser pane). */
  http(url: string): Promise<HttpResult> {
    return this.call<HttpResult>((id) => ({ type: 'http', id, url }), 'http-result');
  }

  /**
   * Starts a terminal-less stream (a command line, a pod's log): `onData` gets each chunk, `done`
   * the exit code (130 when cancelled; rejected if the simulator restarts), `cancel` is Ctrl-C.
   */
  stream(source: StreamSource, onData: (data: string) => void): { done: Promise<number>; cancel(): void } {
    const id = this.nextId++;
    const done = new Promise<number>((resolve, reject) => {
      if (!this.worker) return reject(new Error('the simulator is not running'));
      this.streams.set(id, { onData, resolve, reject });
      this.send({ type: 'stream-start', id, source });
    });
    return { done, cancel: () => { if (this.streams.has(id)) this.send({ type: 'stream-cancel', id }); } };
  }

  /** Breaks the worker on purpose (tests of the restart path). */
  crash(mode: CrashMode): void {
    this.send({ type: 'crash', mode });
  }

  private call<T>(make: (id: number) => ToWorker, expect: FromWorker['type']): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.worker) return reject(new Error('the simulator is not running'));
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, expect });
      this.send(make(id));
    });
  }

  private spawn(): void {
    const early = prespawned;
    prespawned = undefined;
    const w = early?.worker ?? this.opts.createWorker();
    this.worker = w;
    this.booted = false;
    this.lastHeard = Date.now();
    w.onmessage = (e) => {
      if (this.worker !== w) return;
      this.lastHeard = Date.now();
      this.onMessage(e.data);
    };
    w.onerror = (e) => {
      if (this.worker !== w) return;
      e.preventDefault?.();
      this.restart(`The simulator crashed (${e.message || 'uncaught error'}).`);
    };
    if (!early) {
      w.postMessage({ type: 'boot', options: this.opts.boot() });
      return;
    }
    for (const m of early.buffered) {
      if (this.worker === w) this.onMessage(m);
    }
    if (early.error && this.worker === w) this.restart(`The simulator crashed (${early.error}).`);
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'booted':
        this.booted = true;
        this.setState({ state: 'running' });
        break;
      case 'fatal':
        this.restart(`The simulator hit an internal error (${msg.message}).`);
        return;
      case 'pong':
        return;
      case 'stream-data':
        this.streams.get(msg.id)?.onData(msg.data);
        return;
      case 'stream-end':
        this.streams.get(msg.id)?.resolve(msg.code);
        this.streams.delete(msg.id);
        return;
      case 'editor-schema-result': case 'http-result': {
        const p = this.pending.get(msg.id);
        if (p) {
          this.pending.delete(msg.id);
          p.resolve((msg.type === 'http-result' ? msg.result : msg.schema) as never);
        }
        return;
      }
      case 'api-result': case 'fs-result': case 'term-completion': case 'explain-result': {
        const p = this.pending.get(msg.id);
        if (p) {
          this.pending.delete(msg.id);
          p.resolve((msg.type === 'api-result' ? msg.response : msg.type === 'fs-result' ? msg.result
            : msg.type === 'explain-result' ? msg.attempt : msg.completion) as never);
        }
        break;
      }
      default:
        break;
    }
    for (const l of this.listeners) l(msg);
  }

  private checkAlive(): void {
    if (!this.worker) return;
    const silence = Date.now() - this.lastHeard;
    if (silence > (this.booted ? this.opts.hangTimeoutMs : this.opts.bootTimeoutMs)) {
      this.restart('The simulator stopped responding.');
      return;
    }
    this.send({ type: 'ping', id: this.nextId++ });
  }

  /** Replaces the worker with a fresh one. */
  restart(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll('the simulator restarted');
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      this.setState({ state: 'failed', reason });
      return;
    }
    this.setState({ state: 'restarting', reason });
    this.spawn();
  }

  private rejectAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
    for (const s of this.streams.values()) s.reject(new Error(why));
    this.streams.clear();
  }

  private setState(s: ConnectionState): void {
    this.current = s;
    for (const l of this.stateListeners) l(s);
  }
}

// The dedicated worker's entry: the simulator (WorkerHost) wired to the worker's globals. The page
// starts it with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
import { WorkerHost } from './host';
import { preloadLazyData } from './lazy-data';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(msg: FromWorker): void;
  close(): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', fn: (e: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

// A macrotask turn that is not clamped like setTimeout(0): the clock yields here between timers so
// promise continuations (a command waiting on `sleep`) run at the simulated instant they woke at.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

// The engine reads its large data (schema, help texts) synchronously: those chunks are fetched first and
// the page's messages wait, in order, until the host exists.
const early: ToWorker[] = [];
let host: WorkerHost | undefined;
scope.addEventListener('message', (e) => (host ? host.receive(e.data) : early.push(e.data)));

void preloadLazyData().then(() => {
  host = startHost();
  for (const msg of early.splice(0)) host.receive(msg);
}, (err: unknown) => {
  scope.postMessage({ type: 'fatal', message: `loading the simulator failed: ${String(err)}` });
});

function startHost(): WorkerHost {
  return new WorkerHost({
    post: (msg) => scope.postMessage(msg),
    wall: () => performance.now(),
    epochNow: () => Date.now(),
    setTimer: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    yieldTask: () => new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
    close: () => scope.close(),
    freeze: import.meta.env.DEV,
  });
}

scope.addEventListener('error', (e) => {
  scope.postMessage({ type: 'fatal', message: e.message || 'uncaught error' });
});
// A rejected promise nobody awaited is a bug in a command or a component, not a reason to throw the
// cluster away: it is logged for whoever debugs it.
scope.addEventListener('unhandledrejection', (e) => {
  console.error('kubesim worker: unhandled rejection', e.reason);
});

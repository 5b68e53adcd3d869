// The simulator behind the page: one cluster, the learner's files, a shell per terminal tab, the
// mirror of the cluster the UI draws, and the loop that lets simulated time pass. It only sees
// messages (ToWorker in, FromWorker out), so node tests drive it exactly as the page does.
import { Cluster, defaultWorkerJoinIntervalMs } from '../engine/cluster';
import { runCurl } from '../engine/network';
import type { ResourceInfo } from '../engine/api';
import { inProcessClient, minikubeKubeConfig, runKubectl, type KubectlEnv, type RestClient } from '../kubectl';
import { Shell, MemFS, BUILTINS } from '../shell';
import { minikubeProgram, newMinikubeState, portForwardHook, type MinikubeState } from '../minikube';
import { completeLine, type CompletionContext } from './completion';
import { helpTextsLoaded, loadHelpTexts } from '../kubectl/help/help';
import { FileTracker, withOwnCwd } from './file-tracker';
import { Mirror } from './mirror';
import { TerminalSession } from './terminal-session';
import { TimeDriver } from './time-driver';
import { handleFileOp } from './file-ops';
import { SideChannels } from './side-channels';
import { EditSessions } from './edit-sessions';
import { HOME, type BootOptions, type ClockState, type FromWorker, type ToWorker } from './protocol';

/** Output a tab may have in flight (sent, not yet written by the page) before the worker holds back. */
export const OUTPUT_IN_FLIGHT_MAX = 256 * 1024;
/** Output held back beyond this is cut (a command that prints forever must not eat the memory). */
export const OUTPUT_PENDING_MAX = 2 * 1024 * 1024;
/** How often the page gets a clock reading while time runs (it extrapolates in between). */
export const CLOCK_BROADCAST_MS = 500;
/** The loop's period. */
export const TICK_MS = 16;
/**
 * How long before the learner's first prompt the cluster was started: `minikube start` returns once
 * the system pods run (Cluster.waitForSystemPods, about ten simulated seconds), so the clock starts
 * that much earlier and reads about the page's wall time when the prompt appears.
 */
export const MINIKUBE_START_MS = 10_000;
/** The Kubernetes version the cluster reports. */
export const KUBERNETES_VERSION = 'v1.32.0';

/** What the host runs on: a worker's globals in the browser, fakes in tests. */
export interface HostEnv {
  post(msg: FromWorker): void;
  /** Wall time in ms (monotonic). */
  wall(): number;
  /** Wall-clock time since the epoch (for clock readings the page extrapolates from). */
  epochNow(): number;
  setTimer(fn: () => void, ms: number): () => void;
  yieldTask(): Promise<void>;
  /** Ends the worker (crash tests). */
  close(): void;
  /** Whether stored objects are deep-frozen (development). */
  freeze?: boolean;
}

interface TabOutput {
  pending: string;
  inFlight: number;
  dropped: number;
}

/** The worker's state machine. */
export class WorkerHost {
  private cluster: Cluster | undefined;
  private fs = new MemFS(HOME);
  private files = new FileTracker(this.fs);
  private client: RestClient | undefined;
  private readonly kubeconfig = minikubeKubeConfig();
  private minikube: { cluster: Cluster; state: MinikubeState } | undefined;
  private readonly terms = new Map<string, TerminalSession>();
  private readonly termFs = new Map<string, MemFS>();
  private readonly output = new Map<string, TabOutput>();
  private mirror: Mirror | undefined;
  private driver: TimeDriver | undefined;
  private awaitingMirrorAck = false;
  private lastClockPost = 0;
  private stopped = false;
  private ticking = false;
  private readonly side = new SideChannels({
    post: (m) => this.env.post(m),
    shell: (columns) => this.makeShell(withOwnCwd(this.fs), () => columns),
    api: () => this.cluster!.api,
    request: (r) => this.cluster!.network.request(r),
    afterCommand: () => {
      this.cluster!.flush();
      this.postFileChanges();
    },
  });

  private readonly edits = new EditSessions({
    post: (m) => this.env.post(m),
    fs: () => this.fs,
    filesChanged: () => this.postFileChanges(),
  });

  constructor(private readonly env: HostEnv) {}

  /** Handles one message from the page. Never throws: a failure becomes a `fatal` message. */
  receive(msg: ToWorker): void {
    if (this.stopped) return;
    try {
      this.dispatch(msg);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'boot': return this.boot(msg.options);
      case 'ping': return this.env.post({ type: 'pong', id: msg.id });
      case 'crash': return this.crash(msg.mode);
      default: break;
    }
    if (!this.cluster || !this.driver || !this.mirror) throw new Error(`${msg.type} before boot`);
    switch (msg.type) {
      case 'stream-start': case 'stream-cancel': case 'editor-schema': case 'http':
        return this.side.receive(msg);
      case 'edit-done':
        return this.edits.done(msg.id, msg.save);
      case 'term-open': return this.openTerminal(msg.tab, msg.cols);
      case 'term-close': {
        this.terms.get(msg.tab)?.close();
        this.terms.delete(msg.tab);
        this.termFs.delete(msg.tab);
        this.output.delete(msg.tab);
        return;
      }
      case 'term-resize': {
        const t = this.terms.get(msg.tab);
        if (t) t.columns = msg.cols;
        return;
      }
      case 'term-input': return this.terms.get(msg.tab)?.input(msg.lines, msg.echoed, msg.seq);
      case 'term-interrupt': return this.terms.get(msg.tab)?.interrupt(msg.seq);
      case 'term-eof': return this.terms.get(msg.tab)?.eof(msg.seq);
      case 'term-ack': {
        const o = this.output.get(msg.tab);
        if (o) o.inFlight = Math.max(0, o.inFlight - msg.bytes);
        this.flushOutput(msg.tab, false);
        return;
      }
      case 'term-complete': {
        // Completion shows kubectl's help descriptions: in the built worker a chunk fetched on first use.
        if (!helpTextsLoaded()) {
          void loadHelpTexts().catch(() => undefined).then(() => this.complete(msg));
          return;
        }
        return this.complete(msg);
      }
      case 'api': {
        let response;
        try {
          response = this.cluster.api.handle(msg.request);
        } catch (e) {
          response = { code: 500, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 500, reason: 'InternalError',
            message: `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`, metadata: {} } };
        }
        this.cluster.flush();
        this.env.post({ type: 'api-result', id: msg.id, response });
        return;
      }
      case 'fs': {
        const result = handleFileOp(this.fs, msg.op);
        this.env.post({ type: 'fs-result', id: msg.id, result });
        this.postFileChanges();
        return;
      }
      case 'set-speed':
        this.driver.setSpeed(msg.speed);
        return this.postClock();
      case 'step':
        this.driver.step();
        this.afterTick();
        return this.postClock();
      case 'mirror-ack':
        this.awaitingMirrorAck = false;
        return this.flushMirror();
      case 'explain':
        return this.env.post({ type: 'explain-result', id: msg.id, attempt: this.cluster.scheduler.explain(msg.pod) });
      case 'node-power': {
        const k = this.cluster.nodes.get(msg.node);
        if (k && msg.action === 'stop') k.stop();
        if (k && msg.action === 'start') k.start();
        this.cluster.flush();
        this.afterTick();
        return this.postNodePower();
      }
    }
  }

  private boot(o: BootOptions): void {
    this.stopLoop();
    this.mirror?.stop();
    this.side.stopAll();
    this.edits.cancelAll();
    for (const t of this.terms.values()) t.close();
    this.terms.clear();
    this.termFs.clear();
    this.output.clear();
    // Each worker joins some seconds after the one before it, and the wait covers that too.
    const startMs = MINIKUBE_START_MS + Math.max(0, (o.nodes ?? 1) - 1) * defaultWorkerJoinIntervalMs(o.nodes ?? 1);
    this.cluster = new Cluster({ seed: o.seed, nodes: o.nodes, epoch: o.epoch - startMs, freeze: this.env.freeze ?? false,
      timings: o.timings });
    this.cluster.waitForSystemPods();
    this.client = inProcessClient(this.cluster.api);
    this.fs = new MemFS(HOME);
    this.files = new FileTracker(this.fs);
    for (const f of o.files ?? []) this.fs.write(f.path, f.content);
    this.cluster.network.setHostsFile(() => this.fs.read('/etc/hosts'));
    this.driver = new TimeDriver({ clock: this.cluster.clock, wall: () => this.env.wall(), busy: () => this.anyBusy(),
      yieldTask: () => this.env.yieldTask() }, o.speed);
    this.mirror = new Mirror(this.cluster.api);
    const objects = this.mirror.snapshot();
    this.awaitingMirrorAck = true;
    const clock = this.clockState();
    this.env.post({ type: 'booted', seed: o.seed, nodes: o.nodes, clock, kubernetesVersion: KUBERNETES_VERSION });
    this.env.post({ type: 'mirror-snapshot', objects, clock });
    this.postNodePower();
    this.postFileChanges();
    this.stopped = false;
    this.scheduleTick();
  }

  private openTerminal(tab: string, cols: number): void {
    if (this.terms.has(tab)) return;
    const fs = withOwnCwd(this.fs);
    const cluster = this.cluster!;
    const shell = this.makeShell(fs, () => session.columns, (data) => this.write(tab, data));
    const session: TerminalSession = new TerminalSession(tab, {
      shell,
      cwd: () => fs.cwd,
      write: (data) => this.write(tab, data),
      ready: (prompt, continuation, seq, raw) => {
        this.flushOutput(tab, true);
        this.env.post({ type: 'term-ready', tab, prompt, continuation, seq, ...(raw ? { raw } : {}) });
      },
      afterCommand: () => {
        cluster.flush();
        this.postFileChanges();
      },
      setTimer: (fn, ms) => this.env.setTimer(fn, ms),
    });
    session.columns = cols;
    this.terms.set(tab, session);
    this.termFs.set(tab, fs);
    this.output.set(tab, { pending: '', inFlight: 0, dropped: 0 });
    this.env.post({ type: 'term-ready', tab, prompt: session.prompt(), continuation: false, seq: 0 });
  }

  /**
   * A shell over the learner's files with kubectl, wired as src/server/session.ts wires the node
   * session, so a transcript and the browser terminal behave alike: kubectl's sleep, `kubectl edit`
   * through $KUBE_EDITOR, the host's curl.
   */
  private makeShell(fs: MemFS, columns: () => number, backgroundOutput?: (s: string) => void): Shell {
    const cluster = this.cluster!;
    // One minikube profile per cluster, shared by the tabs.
    if (this.minikube?.cluster !== cluster) this.minikube = { cluster, state: newMinikubeState() };
    const minikube = this.minikube.state;
    const api = this.client!;
    // The abort listener goes when the sleep ends: long runs (minikube tunnel's 5 s loop) reuse one signal.
    const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('interrupted'));
      const onAbort = () => { cancel(); reject(new Error('interrupted')); };
      const cancel = cluster.clock.after(ms, () => { signal?.removeEventListener('abort', onAbort); resolve(); });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const portForward = portForwardHook(cluster);
    const kubectlEnv = (signal: AbortSignal | undefined): KubectlEnv => ({ api, fs, config: this.kubeconfig, now: () => cluster.clock.now(),
      signal, sleep, columns: columns(), portForward,
      // $KUBE_EDITOR/$EDITOR run through the shell (scripts, transcripts); without them the editor pane opens the file.
      editor: (text, fileName) => (shell.vars.KUBE_EDITOR || shell.vars.EDITOR
        ? editWithShellEditor(shell, fs, text, fileName) : this.edits.edit(text, fileName, signal)) });
    const shell: Shell = new Shell({
      fs,
      kubectlEnv,
      sleep,
      backgroundOutput,
      programs: {
        minikube: minikubeProgram({ cluster, sleep,
          kubectl: (args, io) => runKubectl(args, kubectlEnv(io.signal), { stdout: io.out, stderr: io.err, stdin: io.stdin }) }, minikube),
        curl: (io) => runCurl(io.args, { request: (r) => cluster.network.request(r), sleep, out: io.out, err: io.err,
          signal: io.signal, writeFile: (p, c) => { fs.write(p, c); return true; } }),
      },
    });
    return shell;
  }

  private complete(msg: Extract<ToWorker, { type: 'term-complete' }>): void {
    const fs = this.termFs.get(msg.tab) ?? this.fs;
    const completion = completeLine(msg.line, Math.min(msg.cursor, msg.line.length), this.completionContext(fs));
    this.env.post({ type: 'term-completion', id: msg.id, completion });
  }

  private completionContext(fs: MemFS): CompletionContext {
    const api = this.cluster!.api;
    return {
      listDir: (p) => (fs.isDir(p) ? fs.list(p) : undefined),
      isDir: (p) => fs.isDir(p),
      listNames: (info: ResourceInfo, namespace: string) => {
        const res = api.handle({ verb: 'list', group: info.group, version: info.version, resource: info.resource,
          namespace: info.namespaced ? namespace : undefined });
        const items = (res.body as { items?: { metadata?: { name?: string } }[] }).items ?? [];
        return res.code === 200 ? items.map((i) => i.metadata?.name ?? '').filter(Boolean) : [];
      },
      containers: (pod, namespace) => {
        const res = api.handle({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: pod });
        if (res.code !== 200) return [];
        const spec = (res.body as { spec?: { initContainers?: { name: string }[]; containers?: { name: string }[] } }).spec;
        return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
      },
      namespace: this.kubeconfig.contexts[0]?.namespace ?? 'default',
      contexts: this.kubeconfig.contexts.map((c) => c.name),
      commands: ['kubectl', 'cd', 'pwd', 'export', 'exit', 'sleep', 'timeout', 'which', ...Object.keys(BUILTINS)],
    };
  }

  // ---- output flow control ----

  private write(tab: string, data: string): void {
    const o = this.output.get(tab);
    if (!o || data === '') return;
    o.pending += data;
    if (o.pending.length > OUTPUT_PENDING_MAX) {
      // Keep the newest output; the page shows how much was skipped.
      const cut = o.pending.length - OUTPUT_PENDING_MAX / 2;
      o.dropped += cut;
      o.pending = o.pending.slice(cut);
    }
  }

  private flushOutput(tab: string, force: boolean): void {
    const o = this.output.get(tab);
    if (!o || (!o.pending && !o.dropped)) return;
    if (!force && o.inFlight >= OUTPUT_IN_FLIGHT_MAX) return;
    let data = o.pending;
    if (o.dropped) {
      data = `\n\x1b[2m[kubesim: ${formatBytes(o.dropped)} of output skipped: the terminal could not keep up]\x1b[0m\n${data}`;
      o.dropped = 0;
    }
    o.pending = '';
    o.inFlight += data.length;
    this.env.post({ type: 'term-output', tab, data });
  }

  // ---- the loop ----

  private anyBusy(): boolean {
    for (const t of this.terms.values()) if (t.busy) return true;
    return false;
  }

  private cancelTick: (() => void) | undefined;

  private scheduleTick(): void {
    this.cancelTick = this.env.setTimer(() => void this.tick(), TICK_MS);
  }

  private stopLoop(): void {
    this.cancelTick?.();
    this.cancelTick = undefined;
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.ticking || !this.driver) return;
    this.ticking = true;
    try {
      await this.driver.tick();
      this.afterTick();
      if (this.driver.speed !== 0 && this.env.wall() - this.lastClockPost >= CLOCK_BROADCAST_MS) this.postClock();
    } catch (e) {
      this.fail(e);
      return;
    } finally {
      this.ticking = false;
    }
    if (!this.stopped) this.scheduleTick();
  }

  private afterTick(): void {
    this.flushMirror();
    for (const tab of this.output.keys()) this.flushOutput(tab, false);
  }

  private flushMirror(): void {
    const m = this.mirror;
    if (!m || this.awaitingMirrorAck) return;
    if (m.needsSnapshot) {
      this.awaitingMirrorAck = true;
      this.env.post({ type: 'mirror-snapshot', objects: m.snapshot(), clock: this.clockState() });
      return;
    }
    if (!m.hasChanges()) return;
    this.awaitingMirrorAck = true;
    this.env.post({ type: 'mirror-batch', changes: m.take(), clock: this.clockState() });
  }

  private clockState(): ClockState {
    return { now: this.cluster!.clock.now(), speed: this.driver?.speed ?? 0, wallAt: this.env.epochNow(),
      lagging: this.driver?.lagging ?? false };
  }

  private postClock(): void {
    this.lastClockPost = this.env.wall();
    this.env.post({ type: 'clock', clock: this.clockState() });
  }

  private postNodePower(): void {
    const stopped = [...this.cluster!.nodes].filter(([, k]) => !k.running).map(([name]) => name);
    this.env.post({ type: 'node-power-state', stopped });
  }

  private postFileChanges(): void {
    const { changed, removed } = this.files.diff();
    if (changed.length || removed.length) this.env.post({ type: 'files', changed, removed });
  }

  private crash(mode: 'throw' | 'hang' | 'close'): void {
    if (mode === 'close') return this.env.close();
    if (mode === 'hang') {
      const until = this.env.wall() + 60_000;
      while (this.env.wall() < until) { /* spin: a hung simulator */ }
      return;
    }
    this.env.setTimer(() => { throw new Error('kubesim: simulated crash'); }, 0);
  }

  private fail(e: unknown): void {
    this.stopped = true;
    this.stopLoop();
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    this.env.post({ type: 'fatal', message });
  }
}

/**
 * `kubectl edit`'s editor when $KUBE_EDITOR (else $EDITOR) is set, as the node session runs it:
 * `$KUBE_EDITOR FILE` through the shell on a temporary file, read back afterwards. Without either,
 * the page's editor pane opens the file (EditSessions).
 */
async function editWithShellEditor(shell: Shell, fs: MemFS, text: string, fileName: string): Promise<string | undefined> {
  const editor = shell.vars.KUBE_EDITOR || shell.vars.EDITOR;
  if (!editor) return text;
  const path = `/tmp/${fileName}`;
  fs.write(path, text);
  const code = await shell.run(`${editor} ${path}`, { stdout: () => undefined, stderr: () => undefined });
  const edited = fs.read(path);
  fs.remove(path);
  if (code !== 0) throw new Error(`there was a problem with the editor "${editor}"`);
  return edited;
}

/** "1.5 MB", "320 kB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}

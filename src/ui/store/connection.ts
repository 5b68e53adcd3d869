// The page's one connection to the simulator: starts the worker, feeds the mirror store (batches
// applied once per animation frame, then acknowledged so the worker sends the next), and routes
// terminal traffic to the terminal tab it belongs to.
import { WorkerClient, prespawnedOptions, type BootOptions, type ClockState, type DemoTimings, type FromWorker, type MirrorChange,
  type NodePowerAction, type SchedulingAttempt, type Speed, type ToWorker } from '../../worker';
import { applyBatches, applyFiles, applySnapshot, useCluster } from './cluster-store';
import { bootParams } from './boot-params';

/** What a terminal tab hears from its shell. */
export interface TerminalHandlers {
  output(data: string): void;
  /** `raw`: a remote TTY reads the line (exec/attach -it). */
  ready(prompt: string, continuation: boolean, seq: number, raw?: boolean): void;
  /** A (new) cluster booted: open the shell (again); `notice`: what a planned restart (the failover demo) set up. */
  booted(restartReason: string | undefined, notice?: string): void;
}

/** The connection: a WorkerClient plus the routing the UI needs. */
export class Connection {
  readonly client: WorkerClient;
  private readonly terminals = new Map<string, TerminalHandlers>();
  private batches: { changes: MirrorChange[]; clock: ClockState }[] = [];
  private frameScheduled = false;
  private restartReason: string | undefined;
  /** The banner of a planned restart (reboot's notice), printed by the terminals when it boots. */
  private restartNotice: string | undefined;
  private params: { seed: number; nodes: number; speed: Speed; timings?: DemoTimings };

  constructor(search: string, makeClient?: (boot: () => BootOptions) => WorkerClient) {
    // The page's first script may have started the simulator already (preboot.ts): same seed.
    const early = prespawnedOptions();
    this.params = early ? { seed: early.seed, nodes: early.nodes, speed: early.speed } : bootParams(search);
    const boot = (): BootOptions => ({
      ...this.params,
      // The speed survives a restart; ages start from the wall clock so they look natural.
      speed: useCluster.getState().booted || this.restartReason ? useCluster.getState().clock.speed : this.params.speed,
      epoch: Date.now(),
      files: [...useCluster.getState().files].map(([path, content]) => ({ path, content })),
    });
    this.client = makeClient ? makeClient(boot) : new WorkerClient({ boot });
    this.client.on((m) => this.onMessage(m));
    this.client.onState((connection) => {
      if (connection.state === 'restarting' || connection.state === 'failed') {
        this.restartReason = connection.reason;
        this.batches = [];
        useCluster.setState({ connection, booted: false });
      } else {
        useCluster.setState({ connection });
      }
    });
  }

  /** Starts the simulator. */
  start(): void {
    this.client.start();
  }

  /** Sends a message to the worker. */
  send(msg: ToWorker): void {
    this.client.send(msg);
  }

  /** Sets the simulated-time speed (0 pauses). */
  setSpeed(speed: Speed): void {
    this.send({ type: 'set-speed', speed });
  }

  /** Pauses and advances to the next scheduled event. */
  step(): void {
    this.send({ type: 'step' });
  }

  /** The scheduler's last attempt for a pod ("namespace/name"): why it is where it is, or not scheduled. */
  explain(pod: string): Promise<SchedulingAttempt | undefined> {
    return this.client.explain(pod);
  }

  /** Stops or starts a node's kubelet (instructor action). */
  nodePower(node: string, action: NodePowerAction): void {
    this.send({ type: 'node-power', node, action });
  }

  /**
   * Replaces the cluster with a fresh one (the failover demo: more nodes, shorter timings), keeping
   * the learner's files plus `files`. Later restarts keep these options.
   */
  reboot(o: { nodes: number; speed: Speed; timings?: DemoTimings; files?: { path: string; content: string }[]; notice?: string }): void {
    this.params = { ...this.params, nodes: o.nodes, speed: o.speed, timings: o.timings };
    // The terminals print it when the new cluster boots (and start on a fresh line).
    this.restartNotice = o.notice;
    const files = new Map(useCluster.getState().files);
    for (const f of o.files ?? []) files.set(f.path, f.content);
    this.batches = [];
    useCluster.setState({ booted: false, stoppedNodes: [] });
    this.send({ type: 'boot', options: { seed: this.params.seed, nodes: o.nodes, speed: o.speed, timings: o.timings, epoch: Date.now(),
      files: [...files].map(([path, content]) => ({ path, content })) } });
  }

  /** Attaches a terminal tab; returns the detach function. */
  attachTerminal(tab: string, handlers: TerminalHandlers): () => void {
    this.terminals.set(tab, handlers);
    if (useCluster.getState().booted) handlers.booted(undefined);
    return () => {
      this.terminals.delete(tab);
      this.send({ type: 'term-close', tab });
    };
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'booted': {
        performance.mark('kubesim:booted');
        const reason = this.restartReason;
        const notice = this.restartNotice;
        this.restartReason = undefined;
        this.restartNotice = undefined;
        useCluster.setState({ booted: true, seed: m.seed, nodeCount: m.nodes, kubernetesVersion: m.kubernetesVersion,
          bootedAt: m.clock.now, clock: m.clock });
        for (const t of this.terminals.values()) t.booted(reason, notice);
        return;
      }
      case 'mirror-snapshot':
        this.batches = [];
        applySnapshot(m.objects, m.clock);
        return this.send({ type: 'mirror-ack' });
      case 'mirror-batch':
        this.batches.push({ changes: m.changes, clock: m.clock });
        return this.scheduleFrame();
      case 'clock':
        useCluster.setState({ clock: m.clock });
        return;
      case 'files':
        return applyFiles(m.changed, m.removed);
      case 'node-power-state':
        useCluster.setState({ stoppedNodes: m.stopped });
        return;
      case 'term-output':
        this.terminals.get(m.tab)?.output(m.data);
        return;
      case 'term-ready':
        this.terminals.get(m.tab)?.ready(m.prompt, m.continuation, m.seq, m.raw);
        return;
      default:
        return;
    }
  }

  // One store update per frame; a hidden tab gets no frames, so a timer stands in.
  private scheduleFrame(): void {
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    const run = () => {
      this.frameScheduled = false;
      const batches = this.batches;
      this.batches = [];
      applyBatches(batches);
      this.send({ type: 'mirror-ack' });
    };
    if (typeof document !== 'undefined' && document.hidden) setTimeout(run, 100);
    else requestAnimationFrame(run);
  }
}

let singleton: Connection | undefined;

/** The page's connection (created on first use). */
export function getConnection(): Connection {
  singleton ??= new Connection(typeof location === 'undefined' ? '' : location.search);
  return singleton;
}

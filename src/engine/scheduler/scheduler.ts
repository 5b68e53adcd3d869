// kube-scheduler. Models pkg/scheduler/scheduler.go (v1.32 New, Run) and
// cmd/kube-scheduler/app/server.go for the one default profile: informers, the cache, the queue, the
// framework of plugins, and the loop that pops a pod and schedules it. Pods naming another
// schedulerName are left alone; bound pods only feed the cache.
import type { KubeObject, Node, Pod, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api';
import { EventsRecorder, InformerFactory, R, type Client, type Informer, type Lister, type ResourceRef } from '../client';
import type { Clock, Rng } from '../clock';
import { Framework, type Handle } from './framework';
import { Cache } from './cache';
import { SchedulingQueue, type QueueName } from './queue';
import { DEFAULT_PLUGINS, buildPlugins, type ProfilePlugin } from './plugins/registry';
import { addNodeHandlers, addPodHandlers, addVolumeHandlers } from './eventhandlers';
import { scheduleOne, type SchedulerCore } from './schedule-one';
import { ExplainRecorder, type SchedulingAttempt } from './explain';

/** The default profile's schedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** kube-scheduler's user agent. */
export const SCHEDULER_USER_AGENT = 'kube-scheduler/v1.32.0 (linux/amd64) kubernetes/70d3cc9';
/** The scheduler's pod informer skips finished pods (their resources are free). */
export const POD_FIELD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

/** What the scheduler is started with (the cluster's ComponentDeps). */
export interface SchedulerDeps {
  clock: Clock;
  rng: Rng;
  client: Client;
}

/** Options. */
export interface SchedulerOptions {
  /** The host kube-scheduler runs on; events report "default-scheduler-<host>". */
  hostname?: string;
  /** percentageOfNodesToScore (0: adaptive, the v1.32 default). */
  percentageOfNodesToScore?: number;
  /** The profile's plugins (default: v1.32's default plugins). */
  plugins?: readonly ProfilePlugin[];
  /** Most pods scheduled in one clock task before yielding to watch delivery. */
  batch?: number;
}

/** The running scheduler. */
export class Scheduler {
  readonly cache = new Cache();
  readonly queue: SchedulingQueue;
  readonly framework: Framework;
  readonly informers: InformerFactory;
  readonly recorder: EventsRecorder;
  readonly explainer = new ExplainRecorder();
  private readonly core: SchedulerCore;
  private readonly pods: Informer<Pod>;
  private scheduled = false;
  private stopped = false;
  private readonly batch: number;

  constructor(private readonly deps: SchedulerDeps, opts: SchedulerOptions = {}) {
    const { clock, rng, client } = deps;
    this.batch = opts.batch ?? 500;
    this.informers = new InformerFactory(client);
    this.pods = this.informers.for<Pod>(R.pods, { fieldSelector: POD_FIELD_SELECTOR });
    this.recorder = new EventsRecorder(client, clock, { reportingController: DEFAULT_SCHEDULER_NAME,
      reportingInstance: `${DEFAULT_SCHEDULER_NAME}-${opts.hostname ?? 'minikube'}` });
    // The plugins get the handle before the framework and queue exist; they reach them lazily.
    const late: { fwk?: Framework; queue?: SchedulingQueue } = {};
    const handle: Handle = {
      schedulerName: DEFAULT_SCHEDULER_NAME, client, clock, rng, recorder: this.recorder, nodeInfos: this.cache,
      get nominator() { return late.queue!.nominator; },
      get runner() { return late.fwk!; },
      lister: <T extends KubeObject>(r: ResourceRef) => this.lister<T>(r),
    };
    const { plugins, weights } = buildPlugins(opts.plugins ?? DEFAULT_PLUGINS, handle);
    const fwk = new Framework(DEFAULT_SCHEDULER_NAME, plugins, weights, {
      nominatedPodsForNode: (n) => late.queue!.nominator.nominatedPodsForNode(n),
      isEmpty: () => late.queue!.nominator.isEmpty(),
    });
    this.framework = late.fwk = fwk;
    const queue = new SchedulingQueue({ clock, framework: fwk, onActive: () => this.kick() });
    this.queue = late.queue = queue;
    this.core = {
      fwk, nodes: this.cache, rng, percentageOfNodesToScore: opts.percentageOfNodesToScore ?? 0, nextStartNodeIndex: 0,
      clock, client, cache: this.cache, queue, recorder: this.recorder, pods: this.pods.lister, explain: this.explainer,
      stats: { attempts: 0, scheduled: 0, unschedulable: 0, errors: 0 },
    };
    const hd = {
      cache: this.cache, queue,
      responsibleFor: (p: Pod) => (p.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME,
    };
    addPodHandlers(this.pods, hd);
    addNodeHandlers(this.informers.for<Node>(R.nodes), hd);
    addVolumeHandlers(this.informers.for<PersistentVolumeClaim>(R.persistentvolumeclaims), this.informers.for<PersistentVolume>(R.persistentvolumes),
      this.informers.for<StorageClass>(R.storageclasses), hd);
  }

  /** A lister of the shared informers (pods: the scheduler's filtered informer). */
  private lister<T extends KubeObject>(r: ResourceRef): Lister<T> {
    if (r.resource === 'pods' && r.group === '') return this.pods.lister as unknown as Lister<T>;
    return this.informers.for<T>(r).lister;
  }

  /** Starts the informers (Run). */
  start(): this {
    this.informers.startAll();
    return this;
  }

  /** Stops scheduling, the informers and the timers. */
  stop(): void {
    this.stopped = true;
    this.informers.stopAll();
    this.queue.close();
    this.recorder.stop();
  }

  /** The loop runs as a clock task whenever activeQ has pods. */
  private kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.deps.clock.after(0, () => this.run());
  }

  private run(): void {
    this.scheduled = false;
    if (this.stopped) return;
    for (let i = 0; i < this.batch; i++) {
      const q = this.queue.pop();
      if (!q) return;
      scheduleOne(this.core, q);
    }
    if (this.queue.hasActive()) this.kick();
  }

  /** The last scheduling attempt of a pod ("ns/name"): per-node filter verdicts and scores (see explain.ts). */
  explain(podKey: string): SchedulingAttempt | undefined {
    return this.explainer.explain(podKey);
  }

  /** Counters: attempts, pods bound, unschedulable verdicts, binding errors. */
  get stats(): Readonly<SchedulerCore['stats']> {
    return this.core.stats;
  }

  /** Queue sizes (activeQ, backoffQ, unschedulablePods). */
  pending(): Record<QueueName, number> {
    return this.queue.counts();
  }
}

/** Starts kube-scheduler (the cluster's scheduler section). */
export function startScheduler(deps: SchedulerDeps, opts: SchedulerOptions = {}): Scheduler {
  return new Scheduler(deps, opts).start();
}

// The engine's front door: wires the clock, RNG, store, API server and the cluster's components.
import { SimClock, SeededRng, DEFAULT_EPOCH, type Rng } from './clock';
import { Store } from './store';
import { ApiServer } from './apiserver';
import { Client } from './client';
import { bootstrapControlPlane, DEFAULT_CAPACITY, type NodeCapacity } from './bootstrap';

/** Options of a simulated cluster. */
export interface ClusterOptions {
  /** Seed of every random choice (names, IPs, jitter). Same seed + same inputs = same cluster. */
  seed?: number;
  /** Number of nodes (minikube, minikube-m02, …). */
  nodes?: number;
  /** Capacity of each node. */
  nodeCapacity?: Partial<NodeCapacity>;
  /** Where simulated time starts (ms since the Unix epoch). */
  epoch?: number;
  /** Deep-freeze stored objects (on in development and tests; off for production speed). */
  freeze?: boolean;
  /** Watch history kept for resuming watches. */
  historySize?: number;
}

/** A running simulated cluster. */
export class Cluster {
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly store: Store;
  readonly api: ApiServer;
  readonly options: Required<Pick<ClusterOptions, 'seed' | 'nodes'>> & { nodeCapacity: NodeCapacity };

  constructor(opts: ClusterOptions = {}) {
    const seed = opts.seed ?? 1;
    this.options = { seed, nodes: opts.nodes ?? 1, nodeCapacity: { ...DEFAULT_CAPACITY, ...opts.nodeCapacity } };
    this.clock = new SimClock({ start: opts.epoch ?? DEFAULT_EPOCH });
    this.rng = new SeededRng(seed);
    this.store = new Store({ freeze: opts.freeze ?? true, historySize: opts.historySize });
    this.api = new ApiServer({ store: this.store, clock: this.clock, rng: this.rng.fork('apiserver') });
    bootstrapControlPlane(this.client('kubeadm/v1.32.0'));
    this.clock.flush();
  }

  /** A client for a component, named by its user agent ("kube-controller-manager/v1.32.0 …"). */
  client(userAgent: string): Client {
    return new Client(this.api, userAgent);
  }

  /** Runs everything due now. */
  flush(): void {
    this.clock.flush();
  }

  /** Advances simulated time, running what falls due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /** A canonical dump of the whole store (determinism checks). */
  dump(): string {
    return this.store.dump();
  }
}

/** Creates a cluster. */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}

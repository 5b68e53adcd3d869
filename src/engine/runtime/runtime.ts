// A node's container runtime: Docker 27 behind cri-dockerd, as on a minikube node. It keeps the
// node's images, pulls from the catalog's registries on the simulated clock, starts containers and
// routes traffic between the pods of this node (localhost, pod IPs).
import type { Clock, Rng } from '../clock';
import type { Container, ContainerConfig, ContainerEvents, ContainerRuntime, HttpRequest, ImageInfo, PullError } from './cri';
import type { CatalogImage } from './images/catalog-types';
import { type ImageCatalog, defaultCatalog } from './images/catalog';
import { familiarName, parseNormalizedNamed, referenceString, withDefaultTag } from './images/reference';
import type { ConnectResult, NetResult, PodNetwork } from './network';
import { NO_NETWORK } from './network';
import { SimContainer, type PodRouter } from './process/container';
import type { NodeFacts } from './process/context';
import { programFor } from './programs/registry';

/** Images minikube v1.35 preloads for Kubernetes v1.32.0 (its preload tarball + storage-provisioner). */
export const MINIKUBE_PRELOADED = [
  'registry.k8s.io/kube-apiserver:v1.32.0', 'registry.k8s.io/kube-controller-manager:v1.32.0',
  'registry.k8s.io/kube-scheduler:v1.32.0', 'registry.k8s.io/kube-proxy:v1.32.0', 'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10', 'gcr.io/k8s-minikube/storage-provisioner:v5',
];

/** Options of a node's runtime. */
export interface RuntimeOptions {
  clock: Clock;
  /** The runtime's own random stream (pull jitter, container IDs, PIDs). */
  rng: Rng;
  /** The node: its name, or its facts (name, CPUs, memory, kernel release). */
  node: string | Partial<NodeFacts> & { name: string };
  /** The cluster network (default: none yet — names do not resolve, other nodes are unreachable). */
  network?: PodNetwork;
  catalog?: ImageCatalog;
  /** Images present when the node boots (default: minikube's preload). */
  preloaded?: string[];
  /** kubelet --serialize-image-pulls (default true): one pull at a time; the rest wait. */
  serializePulls?: boolean;
}

/** A pulled image on this node. */
interface LocalImage {
  readonly img: CatalogImage;
  readonly id: string;
  readonly digest: string;
  /** Familiar tags, in the order they were pulled ("nginx:latest", "nginx:1.27"). */
  readonly tags: readonly string[];
}

/**
 * Records a pulled (or preloaded) image under `ref`. LocalImage records are never changed in place
 * (a new tag makes a new record): every node starts with the same preloaded records, shared.
 */
function storeImage(catalog: ImageCatalog, local: Map<string, LocalImage>, byRef: Map<string, string>, img: CatalogImage,
  ref: string): LocalImage {
  const id = catalog.idOf(img);
  let li = local.get(id);
  if (!li) local.set(id, (li = { img, id, digest: catalog.digestOf(img), tags: [] }));
  const parsed = parseNormalizedNamed(ref);
  if (parsed.tag) {
    const tag = `${familiarName(parsed)}:${parsed.tag}`;
    if (!li.tags.includes(tag)) local.set(id, (li = { ...li, tags: [...li.tags, tag] }));
  }
  byRef.set(ref, id);
  byRef.set(`${parsed.domain}/${parsed.path}@${li.digest}`, id);
  return li;
}

// What a node's runtime holds after its preload, per catalog and preload list: the same for every
// node of the cluster (a thousand nodes would otherwise build a thousand copies of each table).
const preloads = new WeakMap<ImageCatalog, Map<string, { local: Map<string, LocalImage>; byRef: Map<string, string> }>>();

function preloadedImages(catalog: ImageCatalog, refs: readonly string[]): { local: Map<string, LocalImage>; byRef: Map<string, string> } {
  let perList = preloads.get(catalog);
  if (!perList) preloads.set(catalog, (perList = new Map()));
  const key = refs.join('\n');
  let base = perList.get(key);
  if (!base) {
    base = { local: new Map(), byRef: new Map() };
    for (const ref of refs) {
      const r = catalog.resolve(ref);
      if (!('error' in r)) storeImage(catalog, base.local, base.byRef, r.image, referenceString(r.ref));
    }
    perList.set(key, base);
  }
  return base;
}

const DOCKER_VERSION = 'docker://27.4.1';

/** Docker Hub and registry throughput in MB/s (jittered per pull), and per-pull round-trip overhead. */
const BANDWIDTH_MBPS = [22, 40] as const;
const HANDSHAKE_MS = [300, 800] as const;

/** A node's simulated Docker Engine. */
export class SimRuntime implements ContainerRuntime {
  readonly version = DOCKER_VERSION;
  readonly node: NodeFacts;
  private readonly catalog: ImageCatalog;
  private readonly network: PodNetwork;
  private readonly local = new Map<string, LocalImage>();
  private readonly byRef = new Map<string, string>();
  private readonly pods = new Map<string, Set<SimContainer>>();
  /** Pods that share a PID namespace (shareProcessNamespace): where each container's PIDs start, and the next free one. */
  private pidSpaces: Map<string, { next: number; bases: WeakMap<SimContainer, number> }> | undefined;
  private readonly podByIP = new Map<string, string>();
  private readonly serialize: boolean;
  private readonly router: PodRouter;

  constructor(private readonly opts: RuntimeOptions) {
    const n = typeof opts.node === 'string' ? { name: opts.node } : opts.node;
    this.node = { name: n.name, cpus: n.cpus ?? 2, memoryBytes: n.memoryBytes ?? 3912804 * 1024, kernel: n.kernel ?? '5.15.0-1075-gcp' };
    this.catalog = opts.catalog ?? defaultCatalog();
    this.network = opts.network ?? NO_NETWORK;
    this.serialize = opts.serializePulls ?? true;
    const base = preloadedImages(this.catalog, opts.preloaded ?? MINIKUBE_PRELOADED);
    for (const [id, li] of base.local) this.local.set(id, li);
    for (const [ref, id] of base.byRef) this.byRef.set(ref, id);
    this.router = {
      local: (ip, port, req, from) => this.serve(ip, port, req, from),
      localConnect: (ip, port, from) => this.connectLocal(ip, port, from),
    };
  }

  private store(img: CatalogImage, ref: string): LocalImage {
    return storeImage(this.catalog, this.local, this.byRef, img, ref);
  }

  private info(li: LocalImage, ref: string): ImageInfo {
    const name = familiarName(parseNormalizedNamed(li.img.repo));
    return {
      ref, imageID: `docker-pullable://${name}@${li.digest}`, sizeBytes: li.img.sizeBytes,
      repoTags: [...li.tags], repoDigests: [`${name}@${li.digest}`], id: li.id,
    };
  }

  private key(ref: string): string | undefined {
    try {
      return referenceString(withDefaultTag(parseNormalizedNamed(ref)));
    } catch {
      return undefined;
    }
  }

  imagePresent(ref: string): ImageInfo | undefined {
    const k = this.key(ref);
    const id = k && this.byRef.get(k);
    const li = id ? this.local.get(id) : undefined;
    return li && k ? this.info(li, k) : undefined;
  }

  images(): ImageInfo[] {
    return [...this.local.values()].map((li) => this.info(li, li.tags[0] ?? li.img.repo))
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.ref < b.ref ? -1 : 1));
  }

  private jitter([lo, hi]: readonly [number, number]): number {
    return lo + this.opts.rng.next() * (hi - lo);
  }

  /** How long dockerd takes for this pull (or failure), on the simulated clock. */
  private pullDuration(resolved: ReturnType<ImageCatalog['resolve']>, present: boolean): number {
    if ('error' in resolved) {
      // DNS failures are immediate; registry answers (401/404) take a round trip or two.
      return resolved.error.includes('no such host') || resolved.error.includes('connection refused')
        ? Math.round(this.jitter([10, 60])) : Math.round(this.jitter([450, 1300]));
    }
    if (present) return Math.round(this.jitter([350, 900])); // "Image is up to date": manifest check only
    const mbps = this.jitter(BANDWIDTH_MBPS);
    return Math.round(this.jitter(HANDSHAKE_MS) + (resolved.image.compressedBytes / 1_000_000 / mbps) * 1000);
  }

  pull(ref: string, done: (r: { image: ImageInfo; pullMs: number; waitedMs: number } | { error: PullError }) => void): void {
    const clock = this.opts.clock;
    const requested = clock.now();
    const job = () => {
      const started = clock.now();
      const resolved = this.catalog.resolve(ref);
      // Layers already on the node (this image under another tag too) are not downloaded again.
      const present = !('error' in resolved) && this.local.has(this.catalog.idOf(resolved.image));
      const ms = this.pullDuration(resolved, present);
      clock.after(ms, () => {
        let result: Parameters<typeof done>[0];
        if ('error' in resolved) result = { error: { message: resolved.error } };
        else {
          const k = referenceString(resolved.ref);
          result = { image: this.info(this.store(resolved.image, k), k), pullMs: ms, waitedMs: started - requested };
        }
        if (this.serialize) {
          this.pulling = false;
          this.nextPull();
        }
        done(result);
      });
    };
    if (!this.serialize) return job();
    // kubelet's serial image puller: one pull at a time, in request order.
    this.pullQueue.push(job);
    if (!this.pulling) this.nextPull();
  }

  private readonly pullQueue: (() => void)[] = [];
  private pulling = false;

  private nextPull(): void {
    const job = this.pullQueue.shift();
    if (!job) return;
    this.pulling = true;
    job();
  }

  start(config: ContainerConfig, events: ContainerEvents): Container {
    const rng = this.opts.rng;
    let hex = '';
    for (let i = 0; i < 64; i++) hex += rng.int(16).toString(16);
    const li = (config.image.id && this.local.get(config.image.id)) || this.lookupForStart(config.image);
    const podUid = config.podUid;
    const holder: { c?: SimContainer } = {};
    const wrapped: ContainerEvents = {
      log: (line, stream) => events.log(line, stream),
      exit: (status) => {
        this.pods.get(podUid)?.delete(holder.c!);
        if (this.pods.get(podUid)?.size === 0) {
          this.pods.delete(podUid);
          this.pidSpaces?.delete(podUid);
          if (this.podByIP.get(config.podIP) === podUid) this.podByIP.delete(config.podIP);
        }
        events.exit(status);
      },
    };
    const container = new SimContainer({
      id: hex, config, events: wrapped, clock: this.opts.clock, rng: rng.fork(hex), image: li.img, imageInfo: config.image,
      node: this.node, programs: programFor, network: this.network, router: this.router,
      ...(config.targetContainerName ? { pidNamespace: () => [...(this.pods.get(podUid) ?? [])]
        .find((c) => c !== holder.c && c.config.containerName === config.targetContainerName && !c.exitStatus) } : {}),
      ...(config.shareProcessNamespace ? { podPidNamespace: this.podPidNamespace(podUid) } : {}),
    });
    holder.c = container;
    let set = this.pods.get(podUid);
    if (!set) this.pods.set(podUid, (set = new Set()));
    set.add(container);
    if (config.podIP) this.podByIP.set(config.podIP, podUid);
    this.opts.clock.after(0, () => container.boot());
    return container;
  }

  // A pod's shared PID namespace: a container's PIDs start after those given out when it is first seen (the first
  // after the pause process and the runtime's helpers, the next ones 30 apart).
  private podPidNamespace(podUid: string): { members(): SimContainer[]; base(c: SimContainer): number } {
    return {
      members: () => [...(this.pods.get(podUid) ?? [])].filter((c) => !c.exitStatus),
      base: (c) => {
        this.pidSpaces ??= new Map();
        let space = this.pidSpaces.get(podUid);
        if (!space) this.pidSpaces.set(podUid, (space = { next: -24, bases: new WeakMap() }));
        let b = space.bases.get(c);
        if (b === undefined) {
          b = space.next += 30;
          space.bases.set(c, b);
        }
        return b;
      },
    };
  }

  private lookupForStart(image: ImageInfo): LocalImage {
    const id = this.byRef.get(image.ref) ?? this.byRef.get(this.key(image.ref) ?? '');
    const li = id && this.local.get(id);
    if (li) return li;
    // The kubelet pulls before it starts; a test that skips the pull still gets the catalog image.
    const r = this.catalog.resolve(image.ref);
    if ('error' in r) throw new Error(`runtime: no such image: ${image.ref}`);
    return this.store(r.image, referenceString(r.ref));
  }

  /** Serves an HTTP request addressed to a pod IP of this node (undefined: not a pod of this node). */
  serve(ip: string, port: number, req: HttpRequest, _fromPodUid?: string): NetResult | undefined {
    const uid = this.podByIP.get(ip);
    if (!uid) return undefined;
    for (const c of this.pods.get(uid) ?? []) {
      if (!c.listening(port)) continue;
      const response = c.http(port, req);
      return response ? { kind: 'response', response } : { kind: 'refused' };
    }
    return { kind: 'refused' };
  }

  /** A TCP connect to a pod IP of this node (undefined: not a pod of this node). */
  connectLocal(ip: string, port: number, _fromPodUid?: string): ConnectResult | undefined {
    const uid = this.podByIP.get(ip);
    if (!uid) return undefined;
    for (const c of this.pods.get(uid) ?? []) if (c.listening(port)) return 'open';
    return 'refused';
  }

  /** The running containers of a pod (tests, port-forward). */
  podContainers(podUid: string): SimContainer[] {
    return [...(this.pods.get(podUid) ?? [])];
  }
}

/** Creates a node's runtime. */
export function createRuntime(opts: RuntimeOptions): SimRuntime {
  return new SimRuntime(opts);
}

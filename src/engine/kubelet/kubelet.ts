// The kubelet of one node: registers the Node, keeps its status and Lease, watches the pods bound to
// it, admits them and runs one worker per pod, runs the static control-plane pods, and answers the
// API server's log/exec/port-forward requests. Models pkg/kubelet/kubelet.go (Run, syncLoop,
// HandlePodAdditions/Updates/Removes, rejectPod) with the PLEG's 1s relist.
import type { ApiRequest, ApiResponse } from '../api/request';
import type { KubeObject, Node, Pod, PodStatus } from '../api/types';
import { isAlreadyExists, isNotFound, isConflict } from '../api/errors';
import type { Clock, Rng } from '../clock';
import { EventRecorder, Informer, R, type Client } from '../client';
import type { ContainerRuntime } from '../runtime/cri';
import { events, isMirrorPod, isStaticPod, containerFieldPath, PodRuntimeState } from './container';
import { ObjectCaches } from './caches';
import { controlPlaneManifests, mirrorPodOf, staticPodFromManifest } from './config';
import { admitPod } from './lifecycle';
import { NodeLeaseController } from './nodelease';
import { NodeStatusManager, type MachineInfo } from './nodestatus';
import { HostLocalIPAM, type PodIPAllocator } from './pod-ip';
import { PodWorker, type WorkerHost } from './pod-worker';
import { ImageManager } from './images';
import { ProbeManager, type ProbeHost } from './prober';
import { serveAttach, serveExec, serveLogs, servePortForward, type ConnectorHost } from './server';
import { StatusManager } from './status';
import { Backoff } from './util';
import { PodVolumes, TokenManager, serviceAccountToken, type VolumeDataRegistry, type VolumeSources } from './volumemanager';

/** The kubelet's user agent. */
export const KUBELET_USER_AGENT = 'kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9';
/** The PLEG relist period (pkg/kubelet/pleg/generic.go genericPlegRelistPeriod). */
export const PLEG_RELIST_PERIOD_MS = 1000;

/** What a kubelet is started with. */
export interface KubeletOptions {
  clock: Clock;
  rng: Rng;
  client: Client;
  timings: { nodeStatusUpdateFrequencyMs: number };
  runtime: ContainerRuntime;
  volumeData: VolumeDataRegistry;
  /** Node identity and machine facts (labels, capacity, versions…). */
  machine: MachineInfo;
  /** Run the control plane's static pods (the first minikube node). */
  controlPlane?: { kubernetesVersion: string; etcdImage: string };
}

/** One node's kubelet. */
export class Kubelet {
  readonly nodeName: string;
  readonly runtime: ContainerRuntime;
  private readonly clock: Clock;
  private readonly client: Client;
  private readonly rng: Rng;
  private readonly recorder: EventRecorder;
  private readonly nodeStatus: NodeStatusManager;
  private readonly lease: NodeLeaseController;
  private readonly caches: ObjectCaches;
  private readonly ipam: PodIPAllocator;
  private readonly images: ImageManager;
  private readonly status: StatusManager;
  private readonly probes: ProbeManager;
  private readonly host: WorkerHost;
  private readonly volumeSources: VolumeSources;
  /** Runtime state per pod uid: it outlives a kubelet restart, as the runtime's containers do. */
  private readonly runtimeStates = new Map<string, { state: PodRuntimeState; volumes: PodVolumes }>();
  private readonly workers = new Map<string, PodWorker>();
  private readonly rejected = new Set<string>();
  private readonly staticPods: Pod[] = [];
  private podInformer?: Informer<Pod>;
  private pendingPodEvents: { type: 'add' | 'update' | 'delete'; pod: Pod }[] = [];
  private podEventsScheduled = false;
  private relistSet = new Set<PodWorker>();
  private relistTimer?: () => void;
  private startedAt = 0;
  private isRunning = false;

  constructor(private readonly opts: KubeletOptions) {
    const m = opts.machine;
    this.nodeName = m.nodeName;
    this.clock = opts.clock;
    this.client = opts.client;
    this.rng = opts.rng;
    this.runtime = opts.runtime;
    this.recorder = new EventRecorder(this.client, this.clock, { component: 'kubelet', host: this.nodeName });
    this.caches = new ObjectCaches(this.client);
    this.ipam = new HostLocalIPAM(m.podCIDR);
    this.images = new ImageManager(this.runtime, this.clock, new Backoff(this.clock));
    this.status = new StatusManager(this.client, this.clock, { get: (ns, name) => this.podInformer?.lister.get(ns, name) });
    this.nodeStatus = new NodeStatusManager({ client: this.client, clock: this.clock, machine: m, images: () => this.runtime.images(),
      updateFrequencyMs: opts.timings.nodeStatusUpdateFrequencyMs,
      record: (type, reason) => this.nodeEvent(type, reason, `Node ${this.nodeName} status is now: ${reason}`) });
    // The cluster's timing knob drives both (a demo may shorten it); v1.32 renews the lease every 10s.
    this.lease = new NodeLeaseController(this.client, this.clock, this.nodeName, () => this.nodeStatus.uid,
      opts.timings.nodeStatusUpdateFrequencyMs);
    this.probes = new ProbeManager(this.probeHost());
    const logRng = this.rng.fork('logs');
    const jitterRng = this.rng.fork('jitter');
    const tokenRng = this.rng.fork('tokens');
    const tokens = new TokenManager();
    const allocatable = { cpu: m.capacity.cpu, memory: m.capacity.memory, 'ephemeral-storage': m.capacity['ephemeral-storage'] };
    this.host = {
      clock: this.clock, runtime: this.runtime, images: this.images, crashBackOff: new Backoff(this.clock), logRng,
      nodeName: this.nodeName, probes: this.probes, status: this.status, ipam: this.ipam,
      env: { configMap: (ns, n) => this.caches.configMap(ns, n), secret: (ns, n) => this.caches.secret(ns, n),
        services: (ns) => this.caches.services(ns), allocatable },
      hostIPs: () => [m.nodeIP],
      gatewayIP: () => this.ipam.gateway(),
      containerEvent: (pod, name, type, reason, message) => this.podEvent(pod, type, reason, message, containerFieldPath(pod, name)),
      podEvent: (pod, type, reason, message) => this.podEvent(pod, type, reason, message),
      relistSoon: (w) => this.relistSoon(w),
      jitter: () => jitterRng.next(),
      apiRef: (pod) => (isStaticPod(pod) ? { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! } : undefined),
    };
    this.volumeSources = {
      configMap: (ns, n) => this.caches.configMap(ns, n), secret: (ns, n) => this.caches.secret(ns, n), pvc: (ns, n) => this.caches.pvc(ns, n),
      pv: (n) => this.caches.pv(n), registry: opts.volumeData, nodeName: this.nodeName, allocatable,
      token: (pod, aud, exp) => tokens.get(`${pod.metadata?.uid}/${aud ?? ''}/${exp}`, this.clock.now(), exp,
        () => serviceAccountToken(tokenRng, pod, this.nodeName, this.clock.now(), aud, exp, 'minikube-sa-key')),
    };
    this.caches.onChange((kind, ns) => {
      if (kind !== 'persistentvolumeclaims' && kind !== 'persistentvolumes') return;
      for (const w of this.workers.values()) {
        if ((ns === undefined || w.pod().metadata?.namespace === ns) && !w.volumes.ready(w.pod())) w.kick();
      }
    });
  }

  /** Is the kubelet running? */
  get running(): boolean {
    return this.isRunning;
  }

  /** Starts (or restarts) the kubelet: events, registration, heartbeats, pods. */
  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.startedAt = this.clock.now();
    this.caches.restart();
    this.nodeEvent('Normal', events.STARTING_KUBELET, 'Starting kubelet.');
    this.nodeEvent('Normal', events.NODE_ALLOCATABLE_ENFORCED, 'Updated Node Allocatable limit across pods');
    this.nodeStatus.register();
    this.nodeStatus.start();
    this.lease.start();
    this.startStaticPods();
    this.podInformer = new Informer<Pod>(this.client, R.pods, { fieldSelector: `spec.nodeName=${this.nodeName}` });
    this.podInformer.onEvent({
      add: (p) => this.queuePodEvent('add', p),
      update: (_o, p) => this.queuePodEvent('update', p),
      delete: (p) => this.queuePodEvent('delete', p),
    });
    this.podInformer.start();
    this.reconcileOrphans();
  }

  /** The kubelet dies: no heartbeats, no syncs; containers keep running as they are. */
  stop(): void {
    if (!this.isRunning) return;
    this.isRunning = false;
    this.podInformer?.stop();
    this.podInformer = undefined;
    this.nodeStatus.stop();
    this.nodeStatus.resetMemory();
    this.lease.stop();
    this.caches.stop();
    this.probes.stopAll();
    this.images.reset();
    this.status.reset();
    for (const w of this.workers.values()) w.kill();
    this.workers.clear();
    this.pendingPodEvents = [];
    this.relistTimer?.();
    this.relistTimer = undefined;
    this.relistSet.clear();
  }

  /** Simulated resource usage of a pod's running containers (for `kubectl top`). */
  podUsage(uid: string): { name: string; cpuMilli: number; memoryBytes: number }[] {
    const rt = this.runtimeStates.get(uid);
    if (!rt) return [];
    return rt.state.running().map((i) => ({ name: i.name, ...i.handle.usage() })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Pods this kubelet has runtime state for, by uid (tests, the metrics API). */
  podUids(): string[] {
    return [...this.runtimeStates.keys()].sort();
  }

  /** The runtime state of a pod (tests, exec shells). */
  podState(uid: string): PodRuntimeState | undefined {
    return this.runtimeStates.get(uid)?.state;
  }

  /** The volumes of a pod (tests, exec shells). */
  podVolumes(uid: string): PodVolumes | undefined {
    return this.runtimeStates.get(uid)?.volumes;
  }

  /** pods/log, pods/exec, pods/attach, pods/portforward for a pod bound to this node. */
  serve(sub: 'log' | 'exec' | 'attach' | 'portforward', req: ApiRequest, pod: KubeObject): ApiResponse {
    const host = this.connectorHost();
    if (sub === 'log') return serveLogs(host, req, pod);
    if (sub === 'exec') return serveExec(host, req, pod);
    if (sub === 'attach') return serveAttach(host, req, pod);
    return servePortForward(host, req, pod);
  }

  private connectorHost(): ConnectorHost {
    return {
      clock: this.clock, nodeIP: this.opts.machine.nodeIP, running: () => this.isRunning,
      podRuntime: (pod: Pod) => {
        const uid = this.internalUid(pod);
        const rt = uid ? this.runtimeStates.get(uid) : undefined;
        if (!rt) return undefined;
        const status: PodStatus | undefined = this.status.getPodStatus(uid!) ?? pod.status;
        const podIP = pod.spec?.hostNetwork ? this.opts.machine.nodeIP : rt.state.sandbox?.ip;
        return { state: rt.state, status, podIP };
      },
    };
  }

  /** The uid the kubelet runs an API pod under (a mirror pod maps to its static pod). */
  private internalUid(pod: Pod): string | undefined {
    if (isMirrorPod(pod)) {
      const hash = pod.metadata?.annotations?.['kubernetes.io/config.mirror'];
      return this.staticPods.find((s) => s.metadata?.uid === hash)?.metadata?.uid;
    }
    return pod.metadata?.uid;
  }

  private nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    // The kubelet's nodeRef has the node's name as its uid.
    this.recorder.event({ kind: 'Node', metadata: { name: this.nodeName, uid: this.nodeName } }, type, reason, message, { kind: 'Node' });
  }

  private podEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    if (!this.isRunning) return;
    this.recorder.event(pod, type, reason, message, { kind: 'Pod', apiVersion: 'v1', fieldPath });
  }

  private probeHost(): ProbeHost {
    return {
      clock: this.opts.clock,
      target: (uid, name) => {
        const w = this.workers.get(uid);
        const inst = w?.state.latest(name);
        if (!w || !inst) return undefined;
        const pod = w.pod();
        const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === name)!;
        return { pod, container, handle: inst.handle, inst, podIP: w.podIPs()[0] ?? '', remoteAddr: this.ipam.gateway(),
          podContainers: () => w.state.running().map((i) => i.handle) };
      },
      event: (pod, name, type, reason, message) => this.podEvent(pod, type, reason, message, containerFieldPath(pod, name)),
      changed: (uid, type, _name, result) => {
        const w = this.workers.get(uid);
        if (!w) return;
        if (type === 'readiness' || type === 'startup') w.refreshStatus();
        if (type !== 'liveness' || result === 'failure') w.kick();
      },
    };
  }

  /** PLEG: a container changed; the pod is synced at the next relist. */
  private relistSoon(w: PodWorker): void {
    this.relistSet.add(w);
    if (this.relistTimer) return;
    const now = this.clock.now();
    const next = this.startedAt + (Math.floor((now - this.startedAt) / PLEG_RELIST_PERIOD_MS) + 1) * PLEG_RELIST_PERIOD_MS;
    this.relistTimer = this.clock.after(next - now, () => {
      this.relistTimer = undefined;
      const ws = [...this.relistSet];
      this.relistSet.clear();
      for (const x of ws) if (x.alive()) x.run();
    });
  }

  // Handlers only queue; the queue is drained on the clock (HandlePodAdditions/Updates/Removes).
  private queuePodEvent(type: 'add' | 'update' | 'delete', pod: Pod): void {
    this.pendingPodEvents.push({ type, pod });
    if (this.podEventsScheduled) return;
    this.podEventsScheduled = true;
    this.clock.after(0, () => {
      this.podEventsScheduled = false;
      const list = this.pendingPodEvents;
      this.pendingPodEvents = [];
      for (const e of list) this.handlePodEvent(e.type, e.pod);
    });
  }

  private handlePodEvent(type: 'add' | 'update' | 'delete', pod: Pod): void {
    if (!this.isRunning) return;
    if (isMirrorPod(pod)) return this.handleMirrorPod(type, pod);
    const uid = pod.metadata!.uid!;
    if (type === 'delete') {
      this.workers.get(uid)?.remove();
      this.status.remove(uid);
      this.rejected.delete(uid);
      return;
    }
    if (this.rejected.has(uid)) return;
    const w = this.workers.get(uid);
    if (w) {
      const old = w.pod();
      if (statusOnlyChange(old, pod)) w.setPod(pod);
      else w.update(pod);
      return;
    }
    this.addPod(pod);
  }

  /** HandlePodAdditions: admission, then a worker. */
  private addPod(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    const phase = pod.status?.phase;
    const known = this.runtimeStates.get(uid);
    if (!known && (phase === 'Succeeded' || phase === 'Failed')) return;
    if (!known && !pod.metadata?.deletionTimestamp) {
      const node = this.podInformerNode();
      if (node) {
        const admitted = [...this.workers.values()].filter((w) => w.phase !== 'terminated' && !isStaticPod(w.pod())).map((w) => w.pod());
        const r = admitPod(pod, node, admitted);
        if (!r.admit) return this.rejectPod(pod, r.reason, r.message);
      }
    }
    const rt = known ?? { state: new PodRuntimeState(), volumes: new PodVolumes(this.volumeSources) };
    rt.state.podName = pod.metadata!.name!;
    rt.state.podNamespace = pod.metadata!.namespace!;
    this.runtimeStates.set(uid, rt);
    const w = new PodWorker(this.host, pod, rt.state, rt.volumes);
    this.workers.set(uid, w);
    w.kick();
  }

  private podInformerNode(): Node | undefined {
    // A fresh read: labels may have changed since the last status update (kubectl label node …).
    return this.client.tryGet<Node>(R.nodes, undefined, this.nodeName);
  }

  /** rejectPod: Failed with the admission reason; the pod never runs here. */
  private rejectPod(pod: Pod, reason: string, message: string): void {
    this.rejected.add(pod.metadata!.uid!);
    this.podEvent(pod, 'Warning', reason, message);
    this.status.setPodStatus(pod, { phase: 'Failed', reason, message: `Pod was rejected: ${message}`, qosClass: pod.status?.qosClass }, false);
  }

  /** Containers the runtime still runs for pods that no longer exist in the API are stopped (on restart). */
  private reconcileOrphans(): void {
    const live = new Set((this.podInformer?.lister.list() ?? []).map((p) => p.metadata!.uid!));
    for (const s of this.staticPods) live.add(s.metadata!.uid!);
    for (const [uid, rt] of [...this.runtimeStates].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (live.has(uid) || this.workers.has(uid) || !rt.state.anyRunning()) continue;
      // The runtime still knows the pod's name and namespace from its containers' labels.
      const orphan: Pod = { metadata: { uid, name: rt.state.podName, namespace: rt.state.podNamespace }, spec: { containers: [] } };
      const w = new PodWorker(this.host, orphan, rt.state, rt.volumes);
      this.workers.set(uid, w);
      w.remove();
    }
  }

  private startStaticPods(): void {
    const cp = this.opts.controlPlane;
    if (!cp) return;
    if (!this.staticPods.length) {
      const seenRng = this.rng.fork('static-pods');
      for (const m of controlPlaneManifests(this.nodeName, this.opts.machine.nodeIP, { kubernetes: cp.kubernetesVersion, etcd: cp.etcdImage })) {
        this.staticPods.push(staticPodFromManifest(m, this.nodeName, seenRng, this.clock.now()));
      }
    }
    for (let i = 0; i < this.staticPods.length; i++) {
      const mirror = this.ensureMirrorPod(this.staticPods[i]);
      // The kubelet runs the defaulted pod, as it decodes manifests with the scheme's defaults.
      if (mirror) this.staticPods[i] = { ...this.staticPods[i], spec: structuredClone(mirror.spec) };
      const sp = this.staticPods[i];
      const uid = sp.metadata!.uid!;
      const rt = this.runtimeStates.get(uid) ?? { state: new PodRuntimeState(), volumes: new PodVolumes(this.volumeSources) };
      this.runtimeStates.set(uid, rt);
      const w = new PodWorker(this.host, sp, rt.state, rt.volumes);
      this.workers.set(uid, w);
      w.kick();
    }
  }

  /** CreateMirrorPod unless one exists for this static pod. */
  private ensureMirrorPod(sp: Pod): Pod | undefined {
    const ns = sp.metadata!.namespace!;
    const name = sp.metadata!.name!;
    const existing = this.client.tryGet<Pod>(R.pods, ns, name);
    const hash = sp.metadata!.uid;
    if (existing && existing.metadata?.annotations?.['kubernetes.io/config.mirror'] === hash && !existing.metadata?.deletionTimestamp) return existing;
    if (existing) this.deleteMirror(existing);
    const uid = this.nodeStatus.uid;
    if (!uid) return undefined;
    try {
      return this.client.create<Pod>(R.pods, mirrorPodOf(sp, this.nodeName, uid));
    } catch (e) {
      if (isAlreadyExists(e)) return undefined;
      throw e;
    }
  }

  private deleteMirror(p: Pod): void {
    try {
      this.client.delete(R.pods, p.metadata!.namespace, p.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid: p.metadata!.uid } });
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e;
    }
  }

  /** A mirror pod deleted (or being deleted) is recreated: the static pod keeps running. */
  private handleMirrorPod(type: 'add' | 'update' | 'delete', pod: Pod): void {
    const hash = pod.metadata?.annotations?.['kubernetes.io/config.mirror'];
    const sp = this.staticPods.find((s) => s.metadata?.uid === hash);
    if (!sp) {
      if (type !== 'delete') this.deleteMirror(pod);
      return;
    }
    if (type === 'delete' || pod.metadata?.deletionTimestamp) {
      this.ensureMirrorPod(sp);
      this.status.resync(sp, true, { namespace: sp.metadata!.namespace!, name: sp.metadata!.name! });
      return;
    }
    if (type === 'add') this.workers.get(sp.metadata!.uid!)?.refreshStatus();
  }
}

/** A change the pod workers need not act on: only the status moved (kubetypes.RECONCILE). */
function statusOnlyChange(a: Pod, b: Pod): boolean {
  return a.spec === b.spec && a.metadata?.labels === b.metadata?.labels && a.metadata?.annotations === b.metadata?.annotations
    && a.metadata?.deletionTimestamp === b.metadata?.deletionTimestamp;
}

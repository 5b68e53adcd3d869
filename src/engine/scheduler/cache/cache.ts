// The scheduler's cache of nodes and the pods on them. Models pkg/scheduler/internal/cache/cache.go:
// pods the scheduler bound count on their node at once (assumed), before the informer reports the
// binding, so that a burst of pods cannot overfill a node; the informer's add confirms them.
//
// Deviation: no snapshot copy per cycle. Upstream copies changed NodeInfos into a snapshot because
// informer events arrive while a cycle runs; here watch events are delivered between clock tasks,
// never during a cycle, so the cycle reads the cache itself.
import type { Node, Pod } from '../../api';
import { NodeInfo, PodInfo, type ImageStateSummary, type NodeInfoLister } from '../framework';
import { NodeTree } from './node-tree';

interface PodState {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
}

interface ImageState {
  size: number;
  nodes: Set<string>;
}

/** The cache. */
export class Cache implements NodeInfoLister {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly tree = new NodeTree();
  private readonly podStates = new Map<string, PodState>();
  private readonly imageStates = new Map<string, ImageState>();
  private listCache?: NodeInfo[];
  private affinityPods = 0;
  private antiAffinityPods = 0;

  private static key(pod: Pod): string {
    return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
  }

  /** The nodes in node-tree order (nodes known only through their pods are left out). */
  list(): readonly NodeInfo[] {
    if (!this.listCache) this.listCache = this.tree.list().map((n) => this.nodes.get(n)!).filter((ni) => ni.node);
    return this.listCache;
  }

  get(name: string): NodeInfo | undefined {
    const ni = this.nodes.get(name);
    return ni?.node ? ni : undefined;
  }

  numNodes(): number {
    return this.list().length;
  }

  /** Nodes with at least one pod that has (anti-)affinity (HavePodsWithAffinityList). */
  havePodsWithAffinityList(): readonly NodeInfo[] {
    return this.affinityPods === 0 ? [] : this.list().filter((n) => n.podsWithAffinity.length > 0);
  }

  /** Nodes with at least one pod with required anti-affinity. */
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    return this.antiAffinityPods === 0 ? [] : this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
  }

  // ---- nodes ----

  addNode(node: Node): NodeInfo {
    const name = node.metadata!.name!;
    let ni = this.nodes.get(name);
    if (!ni) this.nodes.set(name, (ni = new NodeInfo()));
    else if (ni.node) this.removeNodeImageStates(ni.node);
    this.tree.addNode(node);
    this.addNodeImageStates(node, ni);
    ni.setNode(node);
    this.listCache = undefined;
    return ni;
  }

  updateNode(old: Node | undefined, node: Node): NodeInfo {
    const name = node.metadata!.name!;
    let ni = this.nodes.get(name);
    if (!ni) {
      this.nodes.set(name, (ni = new NodeInfo()));
      this.tree.addNode(node);
      this.listCache = undefined;
    } else {
      if (ni.node) this.removeNodeImageStates(ni.node);
      const before = ni.node ?? old;
      this.tree.updateNode(before, node);
      if (!before) this.listCache = undefined;
      else if (zoneChanged(before, node)) this.listCache = undefined;
    }
    this.addNodeImageStates(node, ni);
    ni.setNode(node);
    return ni;
  }

  /** RemoveNode: the NodeInfo stays (without its node) while pods still name it. */
  removeNode(node: Node): void {
    const name = node.metadata!.name!;
    const ni = this.nodes.get(name);
    if (!ni) return;
    if (ni.node) this.removeNodeImageStates(ni.node);
    this.tree.removeNode(ni.node ?? node);
    ni.node = undefined;
    if (ni.pods.length === 0) this.nodes.delete(name);
    this.listCache = undefined;
  }

  private addNodeImageStates(node: Node, ni: NodeInfo): void {
    const name = node.metadata!.name!;
    const sums = new Map<string, ImageStateSummary>();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) {
        let st = this.imageStates.get(n);
        if (!st) this.imageStates.set(n, (st = { size: img.sizeBytes ?? 0, nodes: new Set() }));
        st.nodes.add(name);
        if (!sums.has(n)) sums.set(n, st);
      }
    }
    ni.imageStates = sums;
  }

  private removeNodeImageStates(node: Node): void {
    const name = node.metadata!.name!;
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) {
        const st = this.imageStates.get(n);
        if (!st) continue;
        st.nodes.delete(name);
        if (st.nodes.size === 0) this.imageStates.delete(n);
      }
    }
  }

  // ---- pods ----

  private nodeFor(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) this.nodes.set(name, (ni = new NodeInfo()));
    return ni;
  }

  private addPodToNode(info: PodInfo, nodeName: string): void {
    this.nodeFor(nodeName).addPod(info);
    if (info.hasAffinity()) this.affinityPods++;
    if (info.hasRequiredAntiAffinity()) this.antiAffinityPods++;
  }

  private removePodFromNode(info: PodInfo, nodeName: string): void {
    const ni = this.nodes.get(nodeName);
    if (!ni) return;
    if (ni.removePod(info)) {
      if (info.hasAffinity()) this.affinityPods--;
      if (info.hasRequiredAntiAffinity()) this.antiAffinityPods--;
    }
    if (!ni.node && ni.pods.length === 0) this.nodes.delete(nodeName);
  }

  /** AssumePod: the pod (with spec.nodeName set) counts on its node before the binding is confirmed. */
  assumePod(pod: Pod): PodInfo {
    const key = Cache.key(pod);
    if (this.podStates.has(key)) throw new Error(`pod ${key} is in the cache, so can't be assumed`);
    const info = new PodInfo(pod);
    this.addPodToNode(info, pod.spec!.nodeName!);
    this.podStates.set(key, { info, nodeName: pod.spec!.nodeName!, assumed: true });
    return info;
  }

  /** ForgetPod: an assumed pod whose binding failed leaves its node. */
  forgetPod(pod: Pod): void {
    const key = Cache.key(pod);
    const st = this.podStates.get(key);
    if (!st || !st.assumed) return;
    this.removePodFromNode(st.info, st.nodeName);
    this.podStates.delete(key);
  }

  isAssumedPod(pod: Pod): boolean {
    return this.podStates.get(Cache.key(pod))?.assumed ?? false;
  }

  /** The cached pod (assumed or confirmed). */
  getPod(pod: Pod): Pod | undefined {
    return this.podStates.get(Cache.key(pod))?.info.pod;
  }

  /** AddPod (informer add of an assigned pod): confirms an assumed pod or adds a new one. */
  addPod(pod: Pod): void {
    const key = Cache.key(pod);
    const st = this.podStates.get(key);
    const nodeName = pod.spec!.nodeName!;
    if (st) {
      // Confirm the assumption; the informer's object replaces the assumed copy (the node may differ).
      this.removePodFromNode(st.info, st.nodeName);
    }
    const info = new PodInfo(pod);
    this.addPodToNode(info, nodeName);
    this.podStates.set(key, { info, nodeName, assumed: false });
  }

  /** UpdatePod: replaces the pod's record (requests, labels and ports may change). */
  updatePod(_old: Pod, pod: Pod): void {
    const key = Cache.key(pod);
    const st = this.podStates.get(key);
    if (!st) return this.addPod(pod);
    this.removePodFromNode(st.info, st.nodeName);
    const info = new PodInfo(pod);
    const nodeName = pod.spec!.nodeName!;
    this.addPodToNode(info, nodeName);
    this.podStates.set(key, { info, nodeName, assumed: false });
  }

  removePod(pod: Pod): void {
    const key = Cache.key(pod);
    const st = this.podStates.get(key);
    if (!st) return;
    this.removePodFromNode(st.info, st.nodeName);
    this.podStates.delete(key);
  }

  /** Number of pods known (assumed ones included). */
  podCount(): number {
    return this.podStates.size;
  }

  /** Assumed pods not yet confirmed. */
  assumedCount(): number {
    let n = 0;
    for (const s of this.podStates.values()) if (s.assumed) n++;
    return n;
  }
}

function zoneChanged(a: Node, b: Node): boolean {
  const la = a.metadata?.labels ?? {};
  const lb = b.metadata?.labels ?? {};
  for (const k of ['topology.kubernetes.io/zone', 'topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/zone',
    'failure-domain.beta.kubernetes.io/region']) if (la[k] !== lb[k]) return true;
  return false;
}

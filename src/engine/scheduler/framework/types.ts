// The scheduler's view of pods and nodes. Models pkg/scheduler/framework/types.go (PodInfo,
// NodeInfo, AffinityTerm, HostPortInfo, ImageStateSummary): what the plugins read, precomputed once
// per object so that a filter over 1,000 nodes does arithmetic, not parsing.
import type { Pod, Node, Taint, LabelSelector, Selector } from '../../api';
import { labelSelectorAsSelector, NOTHING } from '../../api';
import { type Resource, type PodResource, newResource, cloneResource, computePodResource, resourceFromList, addResource,
  subtractInto } from './resource';
import { labelIndexKey, indexableRequirement } from './labels';

/** MaxNodeScore (interface.go). */
export const MAX_NODE_SCORE = 100;
/** MinNodeScore (interface.go). */
export const MIN_NODE_SCORE = 0;

/** A required or preferred (anti-)affinity term, parsed. */
export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  selector: Selector;
  topologyKey: string;
  namespaceSelector: Selector;
}

/** A preferred term with its weight. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces (or selected ones) and its labels match. */
export function termMatches(t: AffinityTerm, pod: Pod, nsLabels: Readonly<Record<string, string>> | undefined): boolean {
  const ns = pod.metadata?.namespace ?? '';
  if (t.namespaces.has(ns) || t.namespaceSelector.matches(nsLabels)) return t.selector.matches(pod.metadata?.labels);
  return false;
}

interface PodAffinityTermLike {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

function newAffinityTerm(pod: Pod, t: PodAffinityTermLike): AffinityTerm {
  // getNamespacesFromPodAffinityTerm: no namespaces and no selector mean the pod's own namespace.
  const namespaces = !t.namespaces?.length && !t.namespaceSelector ? new Set([pod.metadata?.namespace ?? '']) : new Set(t.namespaces ?? []);
  return { namespaces, selector: labelSelectorAsSelector(t.labelSelector), topologyKey: t.topologyKey,
    namespaceSelector: labelSelectorAsSelector(t.namespaceSelector) };
}

/** A pod with its parsed affinity terms and requests. Recreated whenever the pod object changes. */
export class PodInfo {
  readonly key: string;
  readonly requiredAffinityTerms: AffinityTerm[] = [];
  readonly requiredAntiAffinityTerms: AffinityTerm[] = [];
  readonly preferredAffinityTerms: WeightedAffinityTerm[] = [];
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[] = [];
  /** A parse error of the affinity terms (upstream ignores it when adding to a node). */
  readonly parseError?: Error;
  private res?: PodResource;

  constructor(readonly pod: Pod) {
    const m = pod.metadata!;
    this.key = `${m.namespace ?? ''}/${m.name ?? ''}`;
    const a = pod.spec?.affinity;
    if (a?.podAffinity || a?.podAntiAffinity) {
      try {
        for (const t of a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) this.requiredAffinityTerms.push(newAffinityTerm(pod, t));
        for (const t of a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) this.requiredAntiAffinityTerms.push(newAffinityTerm(pod, t));
        for (const w of a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
          this.preferredAffinityTerms.push({ ...newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight });
        }
        for (const w of a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
          this.preferredAntiAffinityTerms.push({ ...newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight });
        }
      } catch (e) {
        this.parseError = e as Error;
      }
    }
  }

  get namespace(): string {
    return this.pod.metadata?.namespace ?? '';
  }

  get name(): string {
    return this.pod.metadata?.name ?? '';
  }

  get uid(): string {
    return this.pod.metadata?.uid ?? '';
  }

  /** PodInfo.CalculateResource, computed once. */
  resource(): PodResource {
    return this.res ?? (this.res = computePodResource(this.pod));
  }

  /** podWithAffinity. */
  hasAffinity(): boolean {
    const a = this.pod.spec?.affinity;
    return !!(a && (a.podAffinity || a.podAntiAffinity));
  }

  /** podWithRequiredAntiAffinity. */
  hasRequiredAntiAffinity(): boolean {
    return (this.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
  }
}

/** A pod's priority (corev1helpers.PodPriority). */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** ImageStateSummary: size, and on how many nodes the image is (at snapshot time). */
export interface ImageStateSummary {
  size: number;
  /** The nodes having the image; its size is NumNodes. */
  nodes: ReadonlySet<string>;
}

/** HostPortInfo: protocol/port in use, by host IP ("0.0.0.0" is every IP). */
export class HostPortInfo {
  private readonly byIP = new Map<string, Map<string, number>>();

  private static key(protocol: string, port: number): string {
    return `${protocol}/${port}`;
  }

  add(ip: string | undefined, protocol: string | undefined, port: number): void {
    const i = ip || '0.0.0.0';
    let m = this.byIP.get(i);
    if (!m) this.byIP.set(i, (m = new Map()));
    const k = HostPortInfo.key(protocol || 'TCP', port);
    m.set(k, (m.get(k) ?? 0) + 1);
  }

  remove(ip: string | undefined, protocol: string | undefined, port: number): void {
    const i = ip || '0.0.0.0';
    const m = this.byIP.get(i);
    if (!m) return;
    const k = HostPortInfo.key(protocol || 'TCP', port);
    const n = (m.get(k) ?? 0) - 1;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
    if (m.size === 0) this.byIP.delete(i);
  }

  /** CheckConflict: 0.0.0.0 conflicts with every IP, another IP with itself and 0.0.0.0. */
  checkConflict(ip: string | undefined, protocol: string | undefined, port: number): boolean {
    if (port <= 0) return false;
    const i = ip || '0.0.0.0';
    const k = HostPortInfo.key(protocol || 'TCP', port);
    if (i === '0.0.0.0') {
      for (const m of this.byIP.values()) if (m.has(k)) return true;
      return false;
    }
    return !!(this.byIP.get(i)?.has(k) || this.byIP.get('0.0.0.0')?.has(k));
  }

  size(): number {
    return this.byIP.size;
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, m] of this.byIP) c.byIP.set(ip, new Map(m));
    return c;
  }
}

/** The host ports a pod's containers ask for (getContainerPorts: hostPort > 0 only). */
export function hostPortsOf(pod: Pod): { hostIP?: string; protocol?: string; hostPort: number }[] {
  const out: { hostIP?: string; protocol?: string; hostPort: number }[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push({ hostIP: p.hostIP, protocol: p.protocol, hostPort: p.hostPort! });
  }
  return out;
}

/** The claim names a pod's volumes use (PVCRefCounts keys are "ns/claim"). */
function pvcKeysOf(pod: Pod): string[] {
  const ns = pod.metadata?.namespace ?? '';
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(`${ns}/${v.persistentVolumeClaim.claimName}`);
    else if (v.ephemeral) out.push(`${ns}/${pod.metadata?.name}-${v.name}`);
  }
  return out;
}

let generation = 0;
/** nextGeneration: a monotonically increasing stamp of NodeInfo changes. */
export function nextGeneration(): number {
  return ++generation;
}

/** Node-level aggregated information (NodeInfo). */
export class NodeInfo {
  node?: Node;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts = new HostPortInfo();
  /** Sum of the pods' requests (assumed pods included). */
  requested: Resource = newResource();
  /** Requests with the scoring defaults for unset cpu/memory. */
  nonZeroRequested: Resource = newResource();
  allocatable: Resource = newResource();
  imageStates = new Map<string, ImageStateSummary>();
  pvcRefCounts = new Map<string, number>();
  generation = nextGeneration();
  /**
   * Non-terminating pods by "namespace, label key, label value" (a kubesim index; upstream scans
   * NodeInfo.Pods). Lets PodTopologySpread count matching pods without testing every pod.
   */
  private labelIndex = new Map<string, Set<PodInfo>>();

  /** The node's name ("" for a node not yet seen, whose pods arrived first). Plain fields: read per node per pod. */
  name = '';
  labels: Readonly<Record<string, string>> = EMPTY;
  taints: readonly Taint[] = NO_TAINTS;

  /** SetNode: records the node and its allocatable. */
  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata?.name ?? '';
    this.labels = node.metadata?.labels ?? EMPTY;
    this.taints = node.spec?.taints ?? NO_TAINTS;
    this.allocatable = resourceFromList(node.status?.allocatable as Record<string, string> | undefined);
    this.generation = nextGeneration();
  }

  /** AddPodInfo. */
  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity()) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity()) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** RemovePod (by key); false when the pod is not on the node. */
  removePod(pi: PodInfo): boolean {
    const i = this.pods.findIndex((p) => p.key === pi.key);
    if (i < 0) return false;
    const old = this.pods[i];
    // Upstream swaps the last pod into the hole (removeFromSlice); keep that order.
    this.pods[i] = this.pods[this.pods.length - 1];
    this.pods.pop();
    removeByKey(this.podsWithAffinity, pi.key);
    removeByKey(this.podsWithRequiredAntiAffinity, pi.key);
    this.update(old, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    const res = pi.resource();
    if (sign > 0) addResource(this.requested, res.requests);
    else subtractInto(this.requested, res.requests);
    this.nonZeroRequested.milliCPU += sign * res.non0CPU;
    this.nonZeroRequested.memory += sign * res.non0Mem;
    for (const p of hostPortsOf(pi.pod)) {
      if (sign > 0) this.usedPorts.add(p.hostIP, p.protocol, p.hostPort);
      else this.usedPorts.remove(p.hostIP, p.protocol, p.hostPort);
    }
    for (const k of pvcKeysOf(pi.pod)) {
      const n = (this.pvcRefCounts.get(k) ?? 0) + sign;
      if (n <= 0) this.pvcRefCounts.delete(k);
      else this.pvcRefCounts.set(k, n);
    }
    if (!pi.pod.metadata?.deletionTimestamp) {
      const labels = pi.pod.metadata?.labels;
      if (labels) {
        for (const k in labels) {
          const ik = labelIndexKey(pi.namespace, k, labels[k]);
          let s = this.labelIndex.get(ik);
          if (sign > 0) {
            if (!s) this.labelIndex.set(ik, (s = new Set()));
            s.add(pi);
          } else if (s) {
            s.delete(pi);
            if (s.size === 0) this.labelIndex.delete(ik);
          }
        }
      }
    }
    this.generation = nextGeneration();
  }

  /**
   * countPodsMatchSelector: non-terminating pods of the namespace whose labels match. An empty
   * selector counts nothing (upstream's rule). Build the matcher once per cycle with podMatcher().
   */
  countMatching(m: PodMatcher): number {
    if (m.none) return 0;
    if (m.indexKey === undefined) {
      let n = 0;
      for (const p of this.pods) {
        if (p.pod.metadata?.deletionTimestamp || p.namespace !== m.namespace) continue;
        if (m.selector.matches(p.pod.metadata?.labels)) n++;
      }
      return n;
    }
    const s = this.labelIndex.get(m.indexKey);
    if (!s) return 0;
    if (m.single) return s.size;
    let n = 0;
    for (const p of s) if (m.selector.matches(p.pod.metadata?.labels)) n++;
    return n;
  }

  /** Snapshot/Clone: an independent copy for preemption's what-if runs. */
  clone(): NodeInfo {
    const c = new NodeInfo();
    c.node = this.node;
    c.name = this.name;
    c.labels = this.labels;
    c.taints = this.taints;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = this.usedPorts.clone();
    c.requested = cloneResource(this.requested);
    c.nonZeroRequested = cloneResource(this.nonZeroRequested);
    c.allocatable = cloneResource(this.allocatable);
    c.imageStates = this.imageStates;
    c.pvcRefCounts = new Map(this.pvcRefCounts);
    c.generation = this.generation;
    c.labelIndex = new Map([...this.labelIndex].map(([k, s]) => [k, new Set(s)]));
    return c;
  }
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});
const NO_TAINTS: readonly Taint[] = Object.freeze([]);

function removeByKey(list: PodInfo[], key: string): void {
  const i = list.findIndex((p) => p.key === key);
  if (i >= 0) {
    list[i] = list[list.length - 1];
    list.pop();
  }
}

/** A selector prepared for counting a namespace's matching pods on many nodes (NodeInfo.countMatching). */
export interface PodMatcher {
  selector: Selector;
  namespace: string;
  /** Matches nothing (an empty or "nothing" selector). */
  none: boolean;
  /** The label-index key of one equality requirement, when the selector has one. */
  indexKey?: string;
  /** That requirement is the whole selector: the index set's size is the count. */
  single: boolean;
}

/** podMatcher: prepares a selector for NodeInfo.countMatching. */
export function podMatcher(selector: Selector, namespace: string): PodMatcher {
  const none = selector.empty() || !!selector.nothing;
  const r = none ? undefined : indexableRequirement(selector);
  return { selector, namespace, none, indexKey: r ? labelIndexKey(namespace, r.key, r.values[0]) : undefined,
    single: !!r && selector.requirements.length === 1 };
}

/** The selector nothing matches (re-exported for plugins). */
export const MATCH_NOTHING = NOTHING;

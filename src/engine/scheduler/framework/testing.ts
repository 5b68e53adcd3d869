// Builders for plugin tests: nodes, pods and NodeInfos without an API server.
import type { KubeObject, Node, Pod, Taint } from '../../api';
import { Indexer, Lister, type ResourceRef } from '../../client';
import { SeededRng } from '../../clock';
import { NodeInfo, PodInfo } from './types';
import { CycleState } from './cycle-state';
import { Code, Status } from './status';
import type { FilterPlugin, Handle, NodeInfoLister, PreFilterPlugin, PreScorePlugin, ScorePlugin } from './interface';

/** A node with allocatable cpu/memory/pods, labels and taints. */
export function makeNode(name: string, o: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: Taint[];
  unschedulable?: boolean; images?: { names: string[]; sizeBytes: number }[]; extra?: Record<string, string> } = {}): Node {
  const alloc = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...o.extra };
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: alloc, capacity: alloc, images: o.images },
  };
}

/** A pod with one container (requests when given) and any spec overrides. */
export function makePod(name: string, o: { ns?: string; cpu?: string; memory?: string; labels?: Record<string, string>; nodeName?: string;
  priority?: number; spec?: Partial<NonNullable<Pod['spec']>>; uid?: string } = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: o.ns ?? 'default', uid: o.uid ?? `uid-${name}`, labels: o.labels },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests } }], nodeName: o.nodeName, priority: o.priority, ...o.spec },
    status: {},
  };
}

/** A NodeInfo holding the node and pods. */
export function nodeInfoOf(node: Node, pods: Pod[] = []): NodeInfo {
  const ni = new NodeInfo();
  ni.setNode(node);
  for (const p of pods) ni.addPod(new PodInfo(p));
  // The cache would share one summary per image across nodes; a lone NodeInfo has only itself.
  for (const img of node.status?.images ?? []) {
    for (const n of img.names ?? []) ni.imageStates.set(n, { size: img.sizeBytes ?? 0, nodes: new Set([node.metadata!.name!]) });
  }
  return ni;
}

type AnyPlugin = Partial<PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin>;

/** PreFilter then Filter of one plugin on one node: the status (undefined: fits), or the PreFilter's rejection/Skip. */
export function runFilter(pl: AnyPlugin, pod: Pod, ni: NodeInfo, all: NodeInfo[] = [ni]): Status | undefined {
  const state = new CycleState();
  const pre = pl.preFilter?.(state, pod, all);
  if (pre instanceof Status) {
    if (pre.code === Code.Skip) return undefined;
    if (pre.code !== Code.Success) return pre;
  }
  return pl.filter?.(state, pod, ni);
}

/** PreScore, Score on each node, then NormalizeScore: the final 0..100 scores (undefined when PreScore skips). */
export function runScore(pl: AnyPlugin, pod: Pod, nodes: NodeInfo[]): number[] | undefined {
  const state = new CycleState();
  const s = pl.preScore?.(state, pod, nodes);
  if (s && s.code === Code.Skip) return undefined;
  const scores = nodes.map((n) => pl.score!(state, pod, n));
  pl.normalizeScore?.(state, pod, scores, nodes);
  return scores;
}

/** A Handle over fixed nodes and objects (listers keyed by resource name, e.g. "persistentvolumeclaims"). */
export function fakeHandle(o: { nodes?: NodeInfo[]; objects?: Record<string, KubeObject[]> } = {}): Handle {
  const nodes = o.nodes ?? [];
  const listers = new Map<string, Lister<KubeObject>>();
  const nodeInfos: NodeInfoLister = {
    list: () => nodes,
    get: (n) => nodes.find((x) => x.name === n),
    havePodsWithAffinityList: () => nodes.filter((n) => n.podsWithAffinity.length),
    havePodsWithRequiredAntiAffinityList: () => nodes.filter((n) => n.podsWithRequiredAntiAffinity.length),
  };
  return {
    schedulerName: 'default-scheduler', client: undefined as never, clock: { now: () => 0, after: () => () => {} }, rng: new SeededRng(1),
    recorder: { eventf: () => {} }, nodeInfos, nominator: { nominatedPodsForNode: () => [] }, runner: undefined as never,
    lister<T extends KubeObject>(r: ResourceRef): Lister<T> {
      let l = listers.get(r.resource);
      if (!l) {
        const idx = new Indexer<KubeObject>();
        for (const obj of o.objects?.[r.resource] ?? []) idx.set(obj);
        listers.set(r.resource, (l = new Lister(idx)));
      }
      return l as unknown as Lister<T>;
    },
  };
}

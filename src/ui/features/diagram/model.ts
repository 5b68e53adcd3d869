// What the diagram draws, derived from the mirror: each pod with its status and owner group, each
// node's state, and the implicit links (a Service to the pods it selects, an Ingress to its
// Services, a PVC to the pods that mount it). Pure: the layout places it, render.ts draws it.
import { podStatus, type StatusTone } from '../../lib';
import type { KubeObject } from '../../../worker';
import { buildWorkloads, type WorkloadItem } from './workloads';

/** Namespaces the diagram hides unless "System pods" is on. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'ingress-nginx']);

/** A pod as the diagram shows it. */
export interface PodItem {
  /** "namespace/name" (the mirror's key, also the selection's). */
  key: string;
  uid: string;
  name: string;
  namespace: string;
  node: string | undefined;
  /** The owner group ("namespace/Deployment/web"); standalone pods: "namespace/Pod/". */
  group: string;
  /** The direct controller as a mirror id ("replicasets/default/web-5d8f9c7b6d"), if any. */
  controller: string | undefined;
  status: string;
  ready: string;
  tone: StatusTone;
  terminating: boolean;
  labels: Readonly<Record<string, string>>;
  claims: string[];
  /** ConfigMaps and Secrets the pod reads (volumes, env, envFrom): "configmaps/name", "secrets/name". */
  uses: string[];
  /** metadata.creationTimestamp: pods of a group keep creation order, so a new pod appends instead of shifting the rest. */
  created: string;
}

/** Pods of one owner on one node (or in the not-scheduled lane). */
export interface OwnerGroup {
  key: string;
  /** "deployment/web", "statefulset/db", "pods" for standalone ones. */
  label: string;
  kind: string;
  name: string;
  namespace: string;
}

/** A node as the diagram shows it. */
export interface NodeItem {
  name: string;
  /** The Ready condition: True, False or Unknown. */
  ready: string;
  /** The instructor stopped its kubelet (the Node object says so only after the grace period). */
  stopped: boolean;
  cordoned: boolean;
  roles: string[];
  cpu: string;
  memory: string;
}

/** Something drawn above the nodes with routes to what it serves. */
export interface RouteSource {
  /** "services/default/web": the mirror resource, then its key. */
  id: string;
  resource: 'services' | 'ingresses' | 'persistentvolumeclaims' | 'configmaps' | 'secrets';
  key: string;
  kind: 'Service' | 'Ingress' | 'PersistentVolumeClaim' | 'ConfigMap' | 'Secret';
  name: string;
  namespace: string;
  /** "ClusterIP 10.96.0.12", "nginx · hello.local", "Bound 1Gi". */
  detail: string;
  /** Pod keys (Service, PVC) or source ids (Ingress → Services). */
  targets: string[];
  /** A Service's ready endpoints (pod keys from its EndpointSlices); undefined until it has a slice. */
  ready?: ReadonlySet<string>;
}

/** The diagram's view of the cluster. */
export interface ClusterModel {
  nodes: NodeItem[];
  pods: PodItem[];
  groups: Map<string, OwnerGroup>;
  sources: RouteSource[];
  /** Owners (Deployments with their ReplicaSets, CronJobs with their Jobs, …) linked to their pods. */
  workloads: WorkloadItem[];
  /** Pods hidden because they are system pods. */
  hidden: number;
  /** Control-plane components and their state, from their static pods. */
  controlPlane: { name: string; tone: StatusTone; pod: string | undefined }[];
}

type Obj = KubeObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Whether `labels` carry every pair of a Service's selector (an empty selector selects nothing). */
export function selects(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** The top owner of a pod: a ReplicaSet's Deployment, else the controller itself. */
export function ownerOf(pod: KubeObject, replicaSets: ReadonlyMap<string, KubeObject>): { kind: string; name: string } | undefined {
  const refs = pod.metadata?.ownerReferences ?? [];
  const ref = refs.find((r) => r.controller) ?? refs[0];
  if (!ref) return undefined;
  if (ref.kind === 'ReplicaSet') {
    const rs = replicaSets.get(`${pod.metadata?.namespace}/${ref.name}`);
    const up = rs?.metadata?.ownerReferences?.find((r) => r.controller);
    if (up) return { kind: up.kind, name: up.name };
    // The ReplicaSet is not mirrored yet: a Deployment's ReplicaSet is "<deployment>-<hash>".
    const m = /^(.*)-[a-z0-9]{6,10}$/.exec(ref.name);
    if (m && !rs) return { kind: 'Deployment', name: m[1] };
  }
  return { kind: ref.kind, name: ref.name };
}

// Named by their component (their static pods are kube-system/<component>-minikube).
const CONTROL_PLANE = [
  { component: 'kube-apiserver', name: 'apiserver' },
  { component: 'etcd', name: 'etcd' },
  { component: 'kube-scheduler', name: 'scheduler' },
  { component: 'kube-controller-manager', name: 'controller-manager' },
];

interface ContainerRefs {
  env?: { valueFrom?: { configMapKeyRef?: { name?: string }; secretKeyRef?: { name?: string } } }[];
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[];
}

/** The ConfigMaps and Secrets a pod spec reads, as "configmaps/name" and "secrets/name". */
export function configUses(spec: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const add = (r: string, n: string | undefined) => { if (n) out.add(`${r}/${n}`); };
  const volumes = (spec.volumes ?? []) as { configMap?: { name?: string }; secret?: { secretName?: string };
    projected?: { sources?: { configMap?: { name?: string }; secret?: { name?: string } }[] } }[];
  for (const v of volumes) {
    add('configmaps', v.configMap?.name);
    add('secrets', v.secret?.secretName);
    for (const src of v.projected?.sources ?? []) {
      // kube-root-ca.crt is in every pod's service-account volume: a link to it says nothing.
      if (src.configMap?.name !== 'kube-root-ca.crt') add('configmaps', src.configMap?.name);
      add('secrets', src.secret?.name);
    }
  }
  for (const c of [...((spec.initContainers ?? []) as ContainerRefs[]), ...((spec.containers ?? []) as ContainerRefs[])]) {
    for (const e of c.env ?? []) {
      add('configmaps', e.valueFrom?.configMapKeyRef?.name);
      add('secrets', e.valueFrom?.secretKeyRef?.name);
    }
    for (const e of c.envFrom ?? []) {
      add('configmaps', e.configMapRef?.name);
      add('secrets', e.secretRef?.name);
    }
  }
  return [...out].sort();
}

/**
 * A pod's item, cached by the (immutable) mirrored object: a batch changes a few pods, and a
 * thousand pods must not be re-derived each frame. An owner guessed while the ReplicaSet was not
 * mirrored yet is derived again once it is.
 */
const itemCache = new WeakMap<KubeObject, { item: PodItem; rsSeen: boolean }>();

function podItem(key: string, o: KubeObject, replicaSets: ReadonlyMap<string, KubeObject>): PodItem {
  const ref = o.metadata?.ownerReferences?.find((r) => r.controller);
  const rsKey = ref?.kind === 'ReplicaSet' ? `${o.metadata?.namespace}/${ref.name}` : undefined;
  const rsSeen = !rsKey || replicaSets.has(rsKey);
  const hit = itemCache.get(o);
  if (hit && (hit.rsSeen || !rsSeen)) return hit.item;
  const p = o as Obj;
  const ns = p.metadata?.namespace ?? 'default';
  const st = podStatus(p);
  const owner = ownerOf(p, replicaSets);
  const volumes = (p.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[];
  const item: PodItem = {
    key, uid: p.metadata?.uid ?? key, name: p.metadata?.name ?? '', namespace: ns,
    node: (p.spec?.nodeName as string | undefined) || undefined, group: owner ? `${ns}/${owner.kind}/${owner.name}` : `${ns}/Pod/`,
    controller: ref ? `${ref.kind.toLowerCase()}s/${ns}/${ref.name}` : undefined,
    status: st.status, ready: st.ready, tone: st.tone, terminating: !!p.metadata?.deletionTimestamp,
    labels: p.metadata?.labels ?? {},
    claims: volumes.map((v) => v.persistentVolumeClaim?.claimName).filter((c): c is string => !!c),
    created: p.metadata?.creationTimestamp ?? '',
    uses: configUses(p.spec ?? {}),
  };
  itemCache.set(o, { item, rsSeen });
  return item;
}

/** Builds the model from the mirror. */
export function buildModel(objects: Readonly<Record<string, ReadonlyMap<string, KubeObject>>>, opts: { system: boolean; stopped: readonly string[] }): ClusterModel {
  const get = (r: string) => objects[r] ?? new Map<string, KubeObject>();
  const stopped = new Set(opts.stopped);
  const replicaSets = get('replicasets');
  const nodes: NodeItem[] = [...get('nodes').values()].map((o) => {
    const n = o as Obj;
    const conds = (n.status?.conditions ?? []) as { type: string; status: string }[];
    const cap = (n.status?.capacity ?? {}) as Record<string, string>;
    return {
      name: n.metadata?.name ?? '',
      ready: conds.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
      stopped: stopped.has(n.metadata?.name ?? ''),
      cordoned: n.spec?.unschedulable === true,
      roles: Object.keys(n.metadata?.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.slice(24)),
      cpu: cap.cpu ?? '?',
      memory: cap.memory ?? '?',
    };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const groups = new Map<string, OwnerGroup>();
  const pods: PodItem[] = [];
  let hidden = 0;
  const controlPlane = CONTROL_PLANE.map((c) => ({ name: c.name, tone: 'muted' as StatusTone, pod: undefined as string | undefined }));
  for (const [key, o] of get('pods')) {
    const ns = o.metadata?.namespace ?? 'default';
    const item = podItem(key, o, replicaSets);
    const cpIndex = ns === 'kube-system' ? CONTROL_PLANE.findIndex((c) => c.component === o.metadata?.labels?.component) : -1;
    if (cpIndex >= 0) controlPlane[cpIndex] = { ...controlPlane[cpIndex], tone: item.tone, pod: key };
    if (!opts.system && SYSTEM_NAMESPACES.has(ns)) { hidden++; continue; }
    if (!groups.has(item.group)) {
      const [, kind, name] = item.group.split('/');
      groups.set(item.group, { key: item.group, kind, name, namespace: ns, label: kind === 'Pod' ? 'pods' : `${kind.toLowerCase()}/${name}` });
    }
    pods.push(item);
  }
  pods.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : byKey(a, b)));

  const sources: RouteSource[] = [];
  const visible = (ns: string) => opts.system || !SYSTEM_NAMESPACES.has(ns);
  const endpoints = readyEndpoints(get('endpointslices'));
  for (const [key, o] of get('services')) {
    const s = o as Obj;
    const ns = s.metadata?.namespace ?? 'default';
    if (!visible(ns) || (ns === 'default' && s.metadata?.name === 'kubernetes')) continue;
    const selector = s.spec?.selector as Record<string, string> | undefined;
    const ready = endpoints.get(key);
    sources.push({ id: `services/${key}`, resource: 'services', key, kind: 'Service', name: s.metadata?.name ?? '', namespace: ns,
      detail: `${(s.spec?.type as string) ?? 'ClusterIP'} ${(s.spec?.clusterIP as string) ?? ''}`.trim(),
      // The pods it selects, and any other pod its EndpointSlices name (a Service without a selector whose slices are written by hand).
      targets: pods.filter((p) => p.namespace === ns && (selects(selector, p.labels) || !!ready?.has(p.key))).map((p) => p.key), ready });
  }
  for (const [key, o] of get('ingresses')) {
    const ing = o as Obj;
    const ns = ing.metadata?.namespace ?? 'default';
    if (!visible(ns)) continue;
    const spec = (ing.spec ?? {}) as { ingressClassName?: string; defaultBackend?: { service?: { name?: string } };
      rules?: { host?: string; http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[] };
    const names = new Set<string>();
    if (spec.defaultBackend?.service?.name) names.add(spec.defaultBackend.service.name);
    for (const r of spec.rules ?? []) for (const p of r.http?.paths ?? []) if (p.backend?.service?.name) names.add(p.backend.service.name);
    const hosts = (spec.rules ?? []).map((r) => r.host).filter(Boolean);
    sources.push({ id: `ingresses/${key}`, resource: 'ingresses', key, kind: 'Ingress', name: ing.metadata?.name ?? '', namespace: ns,
      detail: [spec.ingressClassName, hosts[0] ?? '*'].filter(Boolean).join(' · '),
      targets: [...names].sort().map((n) => `services/${ns}/${n}`) });
  }
  for (const [key, o] of get('persistentvolumeclaims')) {
    const c = o as Obj;
    const ns = c.metadata?.namespace ?? 'default';
    if (!visible(ns)) continue;
    const size = ((c.status?.capacity ?? (c.spec?.resources as { requests?: unknown } | undefined)?.requests ?? {}) as Record<string, string>).storage;
    sources.push({ id: `persistentvolumeclaims/${key}`, resource: 'persistentvolumeclaims', key, kind: 'PersistentVolumeClaim',
      name: c.metadata?.name ?? '', namespace: ns, detail: [(c.status?.phase as string) ?? 'Pending', size].filter(Boolean).join(' '),
      targets: pods.filter((p) => p.namespace === ns && p.claims.includes(c.metadata?.name ?? '')).map((p) => p.key) });
  }
  for (const resource of ['configmaps', 'secrets'] as const) {
    for (const [key, o] of get(resource)) {
      const ns = o.metadata?.namespace ?? 'default';
      const name = o.metadata?.name ?? '';
      if (!visible(ns) || name === 'kube-root-ca.crt') continue;
      const targets = pods.filter((p) => p.namespace === ns && p.uses.includes(`${resource}/${name}`)).map((p) => p.key);
      const n = Object.keys((o as { data?: object }).data ?? {}).length;
      const type = (o as { type?: string }).type;
      sources.push({ id: `${resource}/${key}`, resource, key, kind: resource === 'configmaps' ? 'ConfigMap' : 'Secret', name, namespace: ns,
        // Secrets reach the page without their data (the mirror strips it): say the type instead.
        detail: resource === 'configmaps' ? `${n} key${n === 1 ? '' : 's'}` : type ?? 'Opaque', targets });
    }
  }
  const order = { Ingress: 0, Service: 1, PersistentVolumeClaim: 2, ConfigMap: 3, Secret: 4 };
  sources.sort((a, b) => order[a.kind] - order[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { nodes, pods, groups, sources, workloads: buildWorkloads(objects, pods, visible), hidden, controlPlane };
}

/**
 * Each Service's ready endpoints ("namespace/name" → pod keys), from its EndpointSlices (labelled
 * kubernetes.io/service-name; an endpoint is ready unless conditions.ready is false: a nil ready means
 * ready, staging/src/k8s.io/api/discovery/v1/types.go EndpointConditions).
 */
export function readyEndpoints(slices: ReadonlyMap<string, KubeObject>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of slices.values()) {
    const ready = sliceReady(o);
    if (!ready) continue;
    let set = out.get(ready.service);
    if (!set) out.set(ready.service, (set = new Set()));
    for (const k of ready.pods) set.add(k);
  }
  return out;
}

/** A slice's Service and ready pod keys, cached by the (immutable) mirrored object: a batch changes few slices. */
const sliceCache = new WeakMap<KubeObject, { service: string; pods: string[] } | null>();

function sliceReady(o: KubeObject): { service: string; pods: string[] } | null {
  const hit = sliceCache.get(o);
  if (hit !== undefined) return hit;
  const svc = o.metadata?.labels?.['kubernetes.io/service-name'];
  const ns = o.metadata?.namespace ?? 'default';
  const eps = ((o as { endpoints?: { conditions?: { ready?: boolean }; targetRef?: { kind?: string; namespace?: string; name?: string } }[] }).endpoints ?? []);
  const out = svc ? { service: `${ns}/${svc}`, pods: eps.filter((e) => e.targetRef?.kind === 'Pod' && e.conditions?.ready !== false)
    .map((e) => `${e.targetRef!.namespace ?? ns}/${e.targetRef!.name}`) } : null;
  sliceCache.set(o, out);
  return out;
}

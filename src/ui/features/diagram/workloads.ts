// The owners the diagram draws above the nodes: Deployments with their ReplicaSets, CronJobs with
// their Jobs, StatefulSets, DaemonSets, Jobs and bare ReplicaSets, each linked to the pods it
// controls. The chain is the ownerReferences chain (controller: true), as the garbage collector and
// `kubectl get all` see it: Deployment → ReplicaSet → Pod (pkg/controller/deployment), CronJob → Job →
// Pod (pkg/controller/cronjob), StatefulSet/DaemonSet/Job → Pod.
import type { KubeObject } from '../../../worker';
import type { PodItem } from './model';

/** Resources drawn as owners. */
export type WorkloadResource = 'deployments' | 'replicasets' | 'statefulsets' | 'daemonsets' | 'jobs' | 'cronjobs';

/** An owner as the diagram shows it. */
export interface WorkloadItem {
  /** "deployments/default/web": the mirror resource, then its key (the same ids as PodItem.controller). */
  id: string;
  resource: WorkloadResource;
  key: string;
  kind: string;
  name: string;
  namespace: string;
  /** "6/6 ready", "schedule @hourly", "Complete 1/1". */
  detail: string;
  /** Pods it controls directly (visible ones). */
  pods: number;
  /** What it owns in turn, drawn under it: a Deployment's ReplicaSets, a CronJob's Jobs (oldest first). */
  children: WorkloadItem[];
  /** Its short name under its parent: a ReplicaSet's pod-template hash, a Job's scheduled-time suffix. */
  short: string;
}

const RESOURCES: readonly WorkloadResource[] = ['deployments', 'statefulsets', 'daemonsets', 'cronjobs', 'jobs', 'replicasets'];
const KINDS: Record<WorkloadResource, string> = { deployments: 'Deployment', replicasets: 'ReplicaSet', statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet', jobs: 'Job', cronjobs: 'CronJob' };
/** How many of a CronJob's Jobs are drawn (its history limits keep 3 successful and 1 failed by default). */
const MAX_JOBS = 4;

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const num = (v: unknown, dflt = 0): number => (typeof v === 'number' ? v : dflt);

/** The controller owner of an object as a mirror id ("deployments/default/web"), if any. */
export function controllerId(o: KubeObject): string | undefined {
  const ref = o.metadata?.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind.toLowerCase()}s/${o.metadata?.namespace ?? 'default'}/${ref.name}` : undefined;
}

/** The one-line state of a workload, from its status. */
export function workloadDetail(resource: WorkloadResource, o: KubeObject): string {
  const { spec = {}, status = {} } = o as Obj;
  switch (resource) {
    case 'replicasets': {
      // A Deployment's ReplicaSets carry their rollout revision (pkg/controller/deployment/util/deployment_util.go RevisionAnnotation).
      const rev = o.metadata?.annotations?.['deployment.kubernetes.io/revision'];
      return `${num(status.readyReplicas)}/${num(spec.replicas, 1)} ready${rev ? ` · revision ${rev}` : ''}`;
    }
    case 'deployments':
    case 'statefulsets':
      return `${num(status.readyReplicas)}/${num(spec.replicas, 1)} ready`;
    case 'daemonsets':
      return `${num(status.numberReady)}/${num(status.desiredNumberScheduled)} ready`;
    case 'jobs': {
      const conds = (status.conditions ?? []) as { type: string; status: string }[];
      const done = conds.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
      const count = `${num(status.succeeded)}/${num(spec.completions, 1)}`;
      return done ? `${done.type} ${count}` : `${num(status.active)} active · ${count} done`;
    }
    case 'cronjobs':
      return `${spec.suspend ? 'suspended · ' : ''}schedule ${String(spec.schedule ?? '')}`;
  }
}

const created = (o: KubeObject) => o.metadata?.creationTimestamp ?? '';

/**
 * The owners to draw, top-level ones sorted by namespace, kind order and name; `visible` says which
 * namespaces show. A Deployment shows the ReplicaSets that have pods or want some (during a rollout,
 * the old and the new one), or its newest one when it is scaled to zero.
 */
export function buildWorkloads(objects: Readonly<Record<string, ReadonlyMap<string, KubeObject>>>, pods: readonly PodItem[],
  visible: (ns: string) => boolean): WorkloadItem[] {
  const podsOf = new Map<string, number>();
  for (const p of pods) if (p.controller) podsOf.set(p.controller, (podsOf.get(p.controller) ?? 0) + 1);
  const item = (resource: WorkloadResource, key: string, o: KubeObject, parentName?: string): WorkloadItem => {
    const name = o.metadata?.name ?? '';
    const id = `${resource}/${key}`;
    return { id, resource, key, kind: KINDS[resource], name, namespace: o.metadata?.namespace ?? 'default',
      detail: workloadDetail(resource, o), pods: podsOf.get(id) ?? 0, children: [],
      short: parentName && name.startsWith(`${parentName}-`) ? name.slice(parentName.length + 1) : name };
  };
  const tops = new Map<string, WorkloadItem>();
  const childrenOf = new Map<string, { o: KubeObject; key: string; resource: WorkloadResource }[]>();
  for (const resource of RESOURCES) {
    for (const [key, o] of objects[resource] ?? []) {
      const ns = o.metadata?.namespace ?? 'default';
      if (!visible(ns)) continue;
      const parent = controllerId(o);
      const nested = (resource === 'replicasets' && parent?.startsWith('deployments/')) || (resource === 'jobs' && parent?.startsWith('cronjobs/'));
      if (nested && parent) {
        let list = childrenOf.get(parent);
        if (!list) childrenOf.set(parent, (list = []));
        list.push({ o, key, resource });
      } else {
        tops.set(`${resource}/${key}`, item(resource, key, o));
      }
    }
  }
  for (const [parentId, list] of childrenOf) {
    const parent = tops.get(parentId);
    // An orphaned child (its owner not mirrored yet, or being deleted) is drawn on its own.
    if (!parent) {
      for (const c of list) tops.set(`${c.resource}/${c.key}`, item(c.resource, c.key, c.o));
      continue;
    }
    list.sort((a, b) => (created(a.o) < created(b.o) ? -1 : created(a.o) > created(b.o) ? 1 : a.key < b.key ? -1 : 1));
    let kids = list.map((c) => item(c.resource, c.key, c.o, parent.name));
    if (parent.resource === 'deployments') {
      const wanted = kids.filter((k, i) => k.pods > 0 || num((list[i].o as Obj).spec?.replicas) > 0);
      kids = wanted.length ? wanted : kids.slice(-1);
    } else {
      kids = kids.slice(-MAX_JOBS);
    }
    parent.children = kids;
  }
  const order = (r: WorkloadResource) => RESOURCES.indexOf(r);
  return [...tops.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0)
    || order(a.resource) - order(b.resource) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// Resource references for clients: {group, version, resource} of every served resource, by plural name.
import { RESOURCES, type ResourceInfo } from '../api/kinds';

/** What a client request names: a resource of a group/version. */
export type ResourceRef = Pick<ResourceInfo, 'group' | 'version' | 'resource' | 'namespaced' | 'kind'>;

const byName = new Map<string, ResourceInfo>();
for (const r of RESOURCES) byName.set(r.group ? `${r.resource}.${r.group}` : r.resource, r);

/** Looks a resource up as "pods" or "deployments.apps"; throws for an unknown one (a programming error). */
export function res(name: string): ResourceRef {
  const r = byName.get(name);
  if (!r) throw new Error(`client: unknown resource ${name}`);
  return r;
}

/** The resources components use most, by name. */
export const R = {
  pods: res('pods'), nodes: res('nodes'), namespaces: res('namespaces'), services: res('services'),
  endpoints: res('endpoints'), configmaps: res('configmaps'), secrets: res('secrets'), events: res('events'),
  serviceaccounts: res('serviceaccounts'), persistentvolumes: res('persistentvolumes'),
  persistentvolumeclaims: res('persistentvolumeclaims'), bindings: res('bindings'),
  deployments: res('deployments.apps'), replicasets: res('replicasets.apps'), statefulsets: res('statefulsets.apps'),
  daemonsets: res('daemonsets.apps'), controllerrevisions: res('controllerrevisions.apps'),
  jobs: res('jobs.batch'), cronjobs: res('cronjobs.batch'), leases: res('leases.coordination.k8s.io'),
  endpointslices: res('endpointslices.discovery.k8s.io'), ingresses: res('ingresses.networking.k8s.io'),
  ingressclasses: res('ingressclasses.networking.k8s.io'), storageclasses: res('storageclasses.storage.k8s.io'),
  horizontalpodautoscalers: res('horizontalpodautoscalers.autoscaling'),
} as const;

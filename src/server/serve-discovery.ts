// The discovery documents of `kubesim serve`: /version, /api, /apis, /api/v1, /apis/<group>[/<version>]
// and the aggregated form (apidiscovery.k8s.io/v2). Models k8s.io/apiserver pkg/endpoints/discovery
// (legacy APIVersions/APIGroupList/APIResourceList and aggregated/handler.go) with the resources of the
// kinds registry; shapes match api/discovery/*.json of kubernetes/kubernetes v1.32.
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../engine/api';
import { VERSIONS } from '../engine/bootstrap';

/** What `GET /version` answers: kube-apiserver v1.32.0 as minikube runs it. */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: VERSIONS.kubernetes,
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The address a client is told to use (minikube's API server on the docker network). */
export const SERVER_ADDRESS = '192.168.49.2:8443';

interface SubInfo {
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
}

const GET_PATCH_UPDATE = ['get', 'patch', 'update'];
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

// What each subresource answers with (api/discovery/api__v1.json, apis__apps__v1.json).
function subresourceInfo(r: ResourceInfo, sub: string): SubInfo {
  switch (sub) {
    case 'status': case 'ephemeralcontainers': case 'resize': return { kind: r.kind, verbs: GET_PATCH_UPDATE };
    case 'scale': return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: GET_PATCH_UPDATE };
    case 'binding': return { kind: 'Binding', verbs: ['create'] };
    case 'eviction': return { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
    case 'exec': return { kind: 'PodExecOptions', verbs: ['create', 'get'] };
    case 'attach': return { kind: 'PodAttachOptions', verbs: ['create', 'get'] };
    case 'portforward': return { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] };
    case 'log': return { kind: r.kind, verbs: ['get'] };
    case 'proxy': return { kind: `${r.kind}ProxyOptions`, verbs: PROXY_VERBS };
    case 'finalize': return { kind: r.kind, verbs: ['update'] };
    case 'token': return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] };
    default: return { kind: r.kind, verbs: ['get'] };
  }
}

/**
 * The Metrics API as kube-aggregator lists it while metrics-server's APIService is registered
 * (api/discovery of a cluster with metrics-server: nodes NodeMetrics and pods PodMetrics, get and list).
 */
export const METRICS_RESOURCES: readonly ResourceInfo[] = [
  { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes', kind: 'NodeMetrics', singular: '', namespaced: false,
    shortNames: [], categories: [], verbs: ['get', 'list'], subresources: [] },
  { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', kind: 'PodMetrics', singular: '', namespaced: true,
    shortNames: [], categories: [], verbs: ['get', 'list'], subresources: [] },
];

/** Served group/versions: "v1" first, then each API group's (extension API servers' last). */
export function groupVersions(extra: readonly ResourceInfo[] = []): { group: string; version: string }[] {
  const out: { group: string; version: string }[] = [];
  for (const r of [...RESOURCES, ...extra]) {
    if (!out.some((g) => g.group === r.group && g.version === r.version)) out.push({ group: r.group, version: r.version });
  }
  return out;
}

/** GET /api: APIVersions. */
export function apiVersions(): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: SERVER_ADDRESS }] };
}

function groupEntry(group: string, extra: readonly ResourceInfo[] = []): object {
  const versions = groupVersions(extra).filter((g) => g.group === group).map((g) => ({ groupVersion: `${group}/${g.version}`, version: g.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

/** GET /apis: APIGroupList. */
export function apiGroupList(extra: readonly ResourceInfo[] = []): object {
  const groups = [...new Set(groupVersions(extra).map((g) => g.group).filter((g) => g !== ''))];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupEntry(g, extra)) };
}

/** GET /apis/<group>: APIGroup, or undefined when the group is not served. */
export function apiGroup(group: string, extra: readonly ResourceInfo[] = []): object | undefined {
  if (!groupVersions(extra).some((g) => g.group === group && group !== '')) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, extra) };
}

/** GET /api/v1 or /apis/<group>/<version>: APIResourceList, or undefined when not served. */
export function apiResourceList(group: string, version: string, extra: readonly ResourceInfo[] = []): object | undefined {
  const rs = [...RESOURCES, ...extra].filter((r) => r.group === group && r.version === version);
  if (!rs.length) return undefined;
  const resources: object[] = [];
  for (const r of rs) {
    resources.push({
      name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: [...r.verbs],
      ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
      ...(r.categories.length ? { categories: [...r.categories] } : {}),
    });
    for (const sub of [...r.subresources].sort()) {
      const s = subresourceInfo(r, sub);
      resources.push({ name: `${r.resource}/${sub}`, singularName: '', namespaced: r.namespaced,
        ...(s.group !== undefined ? { group: s.group, version: s.version } : {}), kind: s.kind, verbs: s.verbs });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

function aggregatedResource(r: ResourceInfo): object {
  return {
    resource: r.resource,
    responseKind: { group: '', version: '', kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: [...r.verbs],
    ...(r.shortNames.length ? { shortNames: [...r.shortNames] } : {}),
    ...(r.categories.length ? { categories: [...r.categories] } : {}),
    ...(r.subresources.length ? {
      subresources: [...r.subresources].sort().map((sub) => {
        const s = subresourceInfo(r, sub);
        return { subresource: sub, responseKind: { group: s.group ?? '', version: s.version ?? '', kind: s.kind }, verbs: s.verbs };
      }),
    } : {}),
  };
}

/** The aggregated discovery document (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) of /api (core) or /apis. */
export function aggregatedDiscovery(core: boolean, extra: readonly ResourceInfo[] = []): object {
  const groups = [...new Set(groupVersions(extra).map((g) => g.group))].filter((g) => (g === '') === core);
  return {
    kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {},
    items: groups.map((group) => ({
      metadata: { ...(group ? { name: group } : {}), creationTimestamp: null },
      versions: groupVersions(extra).filter((g) => g.group === group).map((g) => ({
        version: g.version,
        resources: [...RESOURCES, ...extra].filter((r) => r.group === group && r.version === g.version).map(aggregatedResource),
        freshness: 'Current',
      })),
    })),
  };
}

/** The Content-Type of an aggregated discovery answer (kubectl checks it before decoding). */
export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Does an Accept header ask for aggregated discovery? */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && /as=APIGroupDiscoveryList/.test(accept) && /v=v2(;|,|$)/.test(accept);
}

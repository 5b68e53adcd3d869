// The service link variables every container gets. Models pkg/kubelet/envvars/envvars.go
// (FromServices, makeLinkVariables) and kubelet_pods.go getServiceEnvVarMap: the `kubernetes`
// Service of the default namespace always, the pod's namespace's Services when enableServiceLinks.
import type { Service } from '../../api/types';

/** makeEnvVariableName: "my-svc" → "MY_SVC". */
export function makeEnvVariableName(s: string): string {
  return s.replace(/-/g, '_').toUpperCase();
}

/** v1helper.IsServiceIPSet: a real cluster IP (not "None", not empty). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// Every container of the cluster gets the `kubernetes` Service's variables: each Service's names and
// values are built once and shared by all containers. The key is what the variables are made of
// (name, cluster IP, ports), not the object (informers hold copies) nor uid/resourceVersion (two
// simulated clusters in one page can repeat those with other contents). Bounded: starts over when full.
const byContent = new Map<string, readonly (readonly [string, string])[]>();
const MEMO_MAX = 1024;

function contentKey(svc: Service): string {
  return JSON.stringify([svc.metadata?.name ?? '', svc.spec?.clusterIP ?? '', svc.spec?.ports ?? []]);
}

/** FromServices: the env vars of a list of Services, in list order. */
export function fromServices(services: readonly Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) for (const [k, v] of varsOf(svc)) out.push([k, v]);
  return out;
}

function varsOf(svc: Service, key = contentKey(svc)): readonly (readonly [string, string])[] {
  let vars = byContent.get(key);
  if (!vars) {
    vars = serviceVars(svc);
    if (byContent.size >= MEMO_MAX) byContent.clear();
    byContent.set(key, vars);
  }
  return vars;
}

function serviceVars(svc: Service): [string, string][] {
  const out: [string, string][] = [];
  const ports = svc.spec?.ports ?? [];
  if (isServiceIPSet(svc) && ports.length) {
    const ip = svc.spec!.clusterIP!;
    const prefix = makeEnvVariableName(svc.metadata?.name ?? '');
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    const portName = `${prefix}_SERVICE_PORT`;
    out.push([portName, String(ports[0].port)]);
    for (const sp of ports) if (sp.name) out.push([`${portName}_${makeEnvVariableName(sp.name)}`, String(sp.port)]);
    ports.forEach((sp, i) => {
      const proto = (sp.protocol || 'TCP');
      const url = `${proto.toLowerCase()}://${joinHostPort(ip, sp.port)}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const pp = `${prefix}_PORT_${sp.port}_${proto.toUpperCase()}`;
      out.push([pp, url], [`${pp}_PROTO`, proto.toLowerCase()], [`${pp}_PORT`, String(sp.port)], [`${pp}_ADDR`, ip]);
    });
  }
  return out;
}

/** A container's service variables: by name (for $(VAR) expansion), and as pairs in that order. */
export interface ServiceEnv {
  map: ReadonlyMap<string, string>;
  pairs: readonly (readonly [string, string])[];
}

// The same Services give every container of a namespace the same variables: one ServiceEnv per
// set of Service versions, shared (frozen pairs). Bounded: the table starts over when full.
const envBySet = new Map<string, ServiceEnv>();

/**
 * getServiceEnvVarMap: the kubernetes Service of "default" always, plus every Service of the pod's
 * namespace when enableServiceLinks. Services are taken in name order (upstream: map order).
 * The result is shared: callers never change it.
 */
export function serviceEnv(podNamespace: string, enableServiceLinks: boolean, nsServices: readonly Service[],
  defaultServices: readonly Service[]): ServiceEnv {
  const chosen = new Map<string, Service>();
  for (const s of defaultServices) {
    if (s.metadata?.name === 'kubernetes' && isServiceIPSet(s)) chosen.set('kubernetes', s);
  }
  if (enableServiceLinks) {
    for (const s of nsServices) {
      if (!isServiceIPSet(s)) continue;
      const name = s.metadata?.name ?? '';
      if (podNamespace === 'default' && name === 'kubernetes') continue;
      chosen.set(name, s);
    }
  }
  const services = [...chosen.keys()].sort().map((n) => chosen.get(n)!);
  const keys = services.map((v) => contentKey(v));
  const key = keys.join('\n');
  const hit = envBySet.get(key);
  if (hit) return hit;
  const map = new Map<string, string>();
  services.forEach((v, i) => { for (const [k, val] of varsOf(v, keys[i])) map.set(k, val); });
  const env: ServiceEnv = { map, pairs: Object.freeze([...map].map((p) => Object.freeze(p))) };
  if (envBySet.size >= MEMO_MAX) envBySet.clear();
  envBySet.set(key, env);
  return env;
}

/** getServiceEnvVarMap as a map (see serviceEnv). */
export function serviceEnvVarMap(podNamespace: string, enableServiceLinks: boolean, nsServices: readonly Service[],
  defaultServices: readonly Service[]): ReadonlyMap<string, string> {
  return serviceEnv(podNamespace, enableServiceLinks, nsServices, defaultServices).map;
}

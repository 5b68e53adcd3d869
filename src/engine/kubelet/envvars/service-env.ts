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

// Every container of the cluster gets the `kubernetes` Service's variables: each Service version
// (uid and resourceVersion: the content cannot change under them) is turned into names and values
// once, and all containers share those strings. The informers' objects are copies of the stored
// ones, so the version is the key, not the object. Bounded: the table starts over when full.
const byVersion = new Map<string, readonly (readonly [string, string])[]>();
const BY_VERSION_MAX = 1024;

/** FromServices: the env vars of a list of Services, in list order. */
export function fromServices(services: readonly Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    const m = svc.metadata;
    const key = m?.uid && m.resourceVersion ? `${m.uid}/${m.resourceVersion}` : undefined;
    let vars = key ? byVersion.get(key) : undefined;
    if (!vars) {
      vars = serviceVars(svc);
      if (key) {
        if (byVersion.size >= BY_VERSION_MAX) byVersion.clear();
        byVersion.set(key, vars);
      }
    }
    for (const [k, v] of vars) out.push([k, v]);
  }
  return out;
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

/**
 * getServiceEnvVarMap: the kubernetes Service of "default" always, plus every Service of the pod's
 * namespace when enableServiceLinks. Services are taken in name order (upstream: map order).
 */
export function serviceEnvVarMap(podNamespace: string, enableServiceLinks: boolean, nsServices: readonly Service[],
  defaultServices: readonly Service[]): Map<string, string> {
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
  const names = [...chosen.keys()].sort();
  return new Map(fromServices(names.map((n) => chosen.get(n)!)));
}

// Containers in describe output. Models k8s.io/kubectl/pkg/describe/describe.go describeContainers,
// describeContainerBasicInfo, describeContainerPorts, describeContainerCommand, describeResources,
// describeContainerState/describeStatus, describeContainerProbe/DescribeProbe, describeContainerEnvFrom,
// describeContainerEnvVars (EnvValueRetriever, ExtractContainerResourceValue), describeContainerVolumes,
// DescribePodTemplate, and pkg/util/qos ComputePodQOS.
import { canonicalQuantity, parseQuantity, formatLabelSelector } from '../../engine/api';
import { goSortArray } from '../printers';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, printAnnotationsMultiline, printBool, printLabelsMultiline,
  printTolerationsMultiline, rfc1123z, stringOrNone } from './writer';

type Obj = any;

/** Resolves a fieldRef env var against the pod (EnvValueRetriever); undefined for a template. */
export type EnvResolver = ((e: Obj) => string) | undefined;

/**
 * EnvValueRetriever: kubectl's scheme has no Pod field-label conversions, so ConvertFieldLabel falls back to
 * DefaultMetaV1FieldSelectorConversion and only metadata.name and metadata.namespace resolve; every other
 * field path prints an empty value.
 */
export function envValueRetriever(pod: Obj): EnvResolver {
  return (e: Obj) => {
    const path: string = e.valueFrom?.fieldRef?.fieldPath ?? '';
    if (path === 'metadata.name') return pod.metadata?.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? '';
    return '';
  };
}

/** resource.Quantity.String() of a quantity string (canonical form). */
export function q(s: string | number | undefined): string {
  if (s === undefined) return '0';
  try {
    return canonicalQuantity(s);
  } catch {
    return String(s);
  }
}

/** describeResources: Limits then Requests, sorted by resource name. */
export function describeResources(resources: Obj, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length) w.write(level, 'Limits:\n');
  for (const name of Object.keys(limits).sort()) w.write(level + 1, '%s:\t%s\n', name, q(limits[name]));
  if (Object.keys(requests).length) w.write(level, 'Requests:\n');
  for (const name of Object.keys(requests).sort()) w.write(level + 1, '%s:\t%s\n', name, q(requests[name]));
}

/** IntOrString.String(). */
const ios = (v: unknown) => (v === undefined || v === null ? '0' : String(v));

/** DescribeProbe. */
export function describeProbe(p: Obj): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const port = ios(h.port);
    const host = port.length > 0 ? joinHostPort(h.host ?? '', port) : (h.host ?? '');
    const scheme = String(h.scheme ?? '').toLowerCase();
    return `http-get ${urlString(scheme, host, h.path ?? '')} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${ios(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// net/url URL.String for scheme, host and path (path escaped as EscapedPath does for common characters).
function urlString(scheme: string, host: string, path: string): string {
  let s = '';
  if (scheme) s += `${scheme}:`;
  if (scheme || host) s += `//${host}`;
  const p = path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c));
  if (p && !p.startsWith('/') && host) s += '/';
  return s + p;
}

function describeStatus(stateName: string, state: Obj, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, '%s:\tRunning\n', stateName);
    w.write(LEVEL_3, 'Started:\t%v\n', rfc1123z(state.running.startedAt));
  } else if (state?.waiting) {
    w.write(LEVEL_2, '%s:\tWaiting\n', stateName);
    if (state.waiting.reason) w.write(LEVEL_3, 'Reason:\t%s\n', state.waiting.reason);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, '%s:\tTerminated\n', stateName);
    if (t.reason) w.write(LEVEL_3, 'Reason:\t%s\n', t.reason);
    if (t.message) w.write(LEVEL_3, 'Message:\t%s\n', t.message);
    w.write(LEVEL_3, 'Exit Code:\t%d\n', t.exitCode ?? 0);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, 'Signal:\t%d\n', t.signal);
    w.write(LEVEL_3, 'Started:\t%s\n', rfc1123z(t.startedAt));
    w.write(LEVEL_3, 'Finished:\t%s\n', rfc1123z(t.finishedAt));
  } else w.write(LEVEL_2, '%s:\tWaiting\n', stateName);
}

// resourcehelper.ExtractContainerResourceValue for a container's own resources.
function extractResourceValue(ref: Obj, c: Obj): string {
  const divisor = ref.divisor ? parseQuantity(ref.divisor) : undefined;
  const [kind, res] = String(ref.resource ?? '').split('.');
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  const raw = list?.[res];
  if (raw === undefined) return '0';
  const v = parseQuantity(raw).nanos;
  if (res === 'cpu') {
    const d = divisor ? divisor.nanos : 1_000_000_000n;
    return String((v + d - 1n) / d);
  }
  const d = divisor ? divisor.nanos : 1_000_000_000n;
  return String((v + d - 1n) / d);
}

function describeEnvFrom(c: Obj, w: PrefixWriter): void {
  const list = c.envFrom ?? [];
  w.write(LEVEL_2, 'Environment Variables from:%s\n', list.length === 0 ? '\t<none>' : '');
  for (const e of list) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, '%s\t%s\tOptional: %t\n', name, from, optional);
    else w.write(LEVEL_3, "%s\t%s with prefix '%s'\tOptional: %t\n", name, from, e.prefix, optional);
  }
}

function describeEnvVars(c: Obj, resolver: EnvResolver, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, 'Environment:%s\n', env.length === 0 ? '\t<none>' : '');
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '').split('\n').forEach((s, i) => {
        if (i === 0) w.write(LEVEL_3, '%s:\t%s\n', e.name, s);
        else w.write(LEVEL_3, '\t%s\n', s);
      });
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      w.write(LEVEL_3, '%s:\t%s (%s:%s)\n', e.name, resolver ? resolver(e) : '', vf.fieldRef.apiVersion ?? '', vf.fieldRef.fieldPath ?? '');
    } else if (vf.resourceFieldRef) {
      let value: string;
      try {
        value = extractResourceValue(vf.resourceFieldRef, c);
      } catch {
        value = '';
      }
      const resource = vf.resourceFieldRef.resource ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, '%s:\t%s (%s)\n', e.name, value, resource);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, "%s:\t<set to the key '%s' in secret '%s'>\tOptional: %t\n", e.name, vf.secretKeyRef.key ?? '', vf.secretKeyRef.name ?? '', vf.secretKeyRef.optional === true);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, "%s:\t<set to the key '%s' of config map '%s'>\tOptional: %t\n", e.name, vf.configMapKeyRef.key ?? '', vf.configMapKeyRef.name ?? '', vf.configMapKeyRef.optional === true);
    }
  }
}

function describeContainerVolumes(c: Obj, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, 'Mounts:%s\n', none);
  goSortArray(mounts, (a: Obj, b: Obj) => (a.mountPath ?? '') < (b.mountPath ?? ''));
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, '%s from %s (%s)\n', m.mountPath ?? '', m.name ?? '', flags.join(','));
  }
  const devices = [...(c.volumeDevices ?? [])];
  if (devices.length) {
    w.write(LEVEL_2, 'Devices:%s\n', none);
    goSortArray(devices, (a: Obj, b: Obj) => (a.devicePath ?? '') < (b.devicePath ?? ''));
    for (const d of devices) w.write(LEVEL_3, '%s from %s\n', d.devicePath ?? '', d.name ?? '');
  }
}

/** describeContainers. */
export function describeContainers(label: string, containers: Obj[] | undefined, statuses: Obj[] | undefined,
  resolver: EnvResolver, w: PrefixWriter, space: string): void {
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  const list = containers ?? [];
  w.write(LEVEL_0, '%s%s:%s\n', space, label, list.length === 0 ? ' <none>' : '');
  for (const c of list) {
    const st = byName.get(c.name);
    const ok = st !== undefined;
    w.write(LEVEL_1, '%s%v:\n', space ? ' ' : '', c.name);
    if (ok) w.write(LEVEL_2, 'Container ID:\t%s\n', st.containerID ?? '');
    w.write(LEVEL_2, 'Image:\t%s\n', c.image ?? '');
    if (ok) w.write(LEVEL_2, 'Image ID:\t%s\n', st.imageID ?? '');
    const ports = (c.ports ?? []).map((p: Obj) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (ports.includes(',')) w.write(LEVEL_2, 'Ports:\t%s\n', ports);
    else w.write(LEVEL_2, 'Port:\t%s\n', stringOrNone(ports));
    const hostPorts = (c.ports ?? []).map((p: Obj) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (hostPorts.includes(',')) w.write(LEVEL_2, 'Host Ports:\t%s\n', hostPorts);
    else w.write(LEVEL_2, 'Host Port:\t%s\n', stringOrNone(hostPorts));
    const sp = c.securityContext?.seccompProfile;
    if (sp) {
      w.write(LEVEL_2, 'SeccompProfile:\t%s\n', sp.type ?? '');
      if (sp.type === 'Localhost') w.write(LEVEL_3, 'LocalhostProfile:\t%s\n', sp.localhostProfile ?? '');
    }
    if ((c.command ?? []).length) {
      w.write(LEVEL_2, 'Command:\n');
      for (const x of c.command) for (const s of String(x).split('\n')) w.write(LEVEL_3, '%s\n', s);
    }
    if ((c.args ?? []).length) {
      w.write(LEVEL_2, 'Args:\n');
      for (const x of c.args) for (const s of String(x).split('\n')) w.write(LEVEL_3, '%s\n', s);
    }
    if (ok) {
      describeStatus('State', st.state, w);
      if (st.lastState?.terminated) describeStatus('Last State', st.lastState, w);
      w.write(LEVEL_2, 'Ready:\t%v\n', printBool(st.ready));
      w.write(LEVEL_2, 'Restart Count:\t%d\n', st.restartCount ?? 0);
    }
    describeResources(c.resources ?? {}, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, 'Liveness:\t%s\n', describeProbe(c.livenessProbe));
    if (c.readinessProbe) w.write(LEVEL_2, 'Readiness:\t%s\n', describeProbe(c.readinessProbe));
    if (c.startupProbe) w.write(LEVEL_2, 'Startup:\t%s\n', describeProbe(c.startupProbe));
    if ((c.envFrom ?? []).length) describeEnvFrom(c, w);
    describeEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

/** describeTopologySpreadConstraints. */
export function describeTopologySpreadConstraints(tscs: Obj[] | undefined, w: PrefixWriter, space: string): void {
  const list = [...(tscs ?? [])];
  if (!list.length) return;
  goSortArray(list, (a: Obj, b: Obj) => (a.topologyKey ?? '') < (b.topologyKey ?? ''));
  w.write(LEVEL_0, '%sTopology Spread Constraints:\t', space);
  list.forEach((t: Obj, i: number) => {
    if (i !== 0) {
      w.write(LEVEL_0, '%s', space);
      w.write(LEVEL_0, '%s', '\t');
    }
    w.write(LEVEL_0, '%s:', t.topologyKey ?? '');
    w.write(LEVEL_0, '%v', t.whenUnsatisfiable ?? '');
    w.write(LEVEL_0, ' when max skew %d is exceeded', t.maxSkew ?? 0);
    if (t.labelSelector) w.write(LEVEL_0, ' for selector %s', formatLabelSelector(t.labelSelector));
    w.write(LEVEL_0, '\n');
  });
}

/** DescribePodTemplate. */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, 'Service Account:\t%s\n', spec.serviceAccountName);
  if ((spec.initContainers ?? []).length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, 'Priority Class Name:\t%s\n', spec.priorityClassName);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function positive(v: unknown): boolean {
  try {
    return parseQuantity(String(v)).nanos > 0n;
  } catch {
    return false;
  }
}

/** qos.GetPodQOS. */
export function podQOS(pod: Obj): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const add = (m: Map<string, bigint>, list: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(list ?? {})) {
      if (!QOS_RESOURCES.has(k) || !positive(v)) continue;
      m.set(k, (m.get(k) ?? 0n) + parseQuantity(v).nanos);
    }
  };
  const hasBoth = (list: Record<string, string> | undefined) =>
    ['cpu', 'memory'].every((k) => list && list[k] !== undefined && positive(list[k]));
  const podRes = pod.spec?.resources;
  if (podRes) {
    add(requests, podRes.requests);
    if (podRes.limits) {
      add(limits, podRes.limits);
      if (!hasBoth(podRes.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      add(requests, c.resources?.requests);
      add(limits, c.resources?.limits);
      if (!hasBoth(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, v] of requests) {
      if (limits.get(k) !== v) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

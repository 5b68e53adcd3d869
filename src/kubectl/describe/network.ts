// describe service, endpoints, endpointslice, ingress and ingressclass. Models k8s.io/kubectl/pkg/describe/
// describe.go (describeService with formatEndpointSlices over the Service's EndpointSlices, describeEndpoints,
// describeEndpointSliceV1, IngressDescriber.describeIngressV1/describeBackendV1 with
// ingressLoadBalancerStatusStringerV1, describeIngressClassV1).
import { formatLabels } from '../printers';
import type { DescribeClient } from './client';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, describeEvents, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from './writer';

type Obj = any;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** formatEndpointSlices: up to three ready "ip:port" entries for the named ports, then "+ N more...". */
export function formatEndpointSlices(slices: Obj[], ports: ReadonlySet<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const eps = s.endpoints ?? [];
    if ((s.ports ?? []).length === 0) {
      for (const e of eps) {
        if (list.length === max) more = true;
        const ready = e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
        if (!ready) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of s.ports) {
      if (ports !== undefined && !ports.has(port.name ?? '')) continue;
      for (const e of eps) {
        if (list.length === max) more = true;
        const addr: string = e.addresses?.[0] ?? '';
        const ready = e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
        if (!ready) continue;
        if (!more) list.push(addr.includes(':') ? `[${addr}]:${port.port}` : `${addr}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function buildIngressString(ingress: Obj[]): string {
  return ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : (i.hostname ?? ''))).join(', ');
}

/** ServiceDescriber.Describe. */
export async function describeServiceByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const svc = await c.get('', 'services', ns, name);
  let slices: Obj[] = [];
  try {
    slices = await c.list('discovery.k8s.io', 'endpointslices', ns, { labelSelector: `${SERVICE_NAME_LABEL}=${name}` });
  } catch {
    slices = [];
  }
  const events = c.showEvents ? await c.events(svc, 'Service') : undefined;
  return tabbedString((w) => {
    const m = svc.metadata ?? {};
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Selector:\t%s\n', formatLabels(spec.selector));
    w.write(LEVEL_0, 'Type:\t%s\n', spec.type ?? '');
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, 'IP Family Policy:\t%s\n', spec.ipFamilyPolicy);
    if ((spec.ipFamilies ?? []).length) w.write(LEVEL_0, 'IP Families:\t%s\n', spec.ipFamilies.join(','));
    else w.write(LEVEL_0, 'IP Families:\t%s\n', '<none>');
    w.write(LEVEL_0, 'IP:\t%s\n', spec.clusterIP ?? '');
    if ((spec.clusterIPs ?? []).length) w.write(LEVEL_0, 'IPs:\t%s\n', spec.clusterIPs.join(','));
    else w.write(LEVEL_0, 'IPs:\t%s\n', '<none>');
    if ((spec.externalIPs ?? []).length) w.write(LEVEL_0, 'External IPs:\t%v\n', spec.externalIPs.join(','));
    if (spec.loadBalancerIP) w.write(LEVEL_0, 'Desired LoadBalancer IP:\t%s\n', spec.loadBalancerIP);
    if (spec.externalName) w.write(LEVEL_0, 'External Name:\t%s\n', spec.externalName);
    const lb = svc.status?.loadBalancer?.ingress ?? [];
    if (lb.length) w.write(LEVEL_0, 'LoadBalancer Ingress:\t%s\n', buildIngressString(lb));
    for (const sp of spec.ports ?? []) {
      const pname = sp.name || '<unset>';
      w.write(LEVEL_0, 'Port:\t%s\t%d/%s\n', pname, sp.port ?? 0, sp.protocol ?? '');
      const tp = sp.targetPort;
      if (typeof tp === 'string') w.write(LEVEL_0, 'TargetPort:\t%s/%s\n', tp, sp.protocol ?? '');
      else w.write(LEVEL_0, 'TargetPort:\t%d/%s\n', tp ?? 0, sp.protocol ?? '');
      if (sp.nodePort) w.write(LEVEL_0, 'NodePort:\t%s\t%d/%s\n', pname, sp.nodePort, sp.protocol ?? '');
      w.write(LEVEL_0, 'Endpoints:\t%s\n', formatEndpointSlices(slices, new Set([sp.name ?? ''])));
    }
    w.write(LEVEL_0, 'Session Affinity:\t%s\n', spec.sessionAffinity ?? '');
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, 'External Traffic Policy:\t%s\n', spec.externalTrafficPolicy);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, 'Internal Traffic Policy:\t%s\n', spec.internalTrafficPolicy);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, 'HealthCheck NodePort:\t%d\n', spec.healthCheckNodePort);
    if ((spec.loadBalancerSourceRanges ?? []).length) w.write(LEVEL_0, 'LoadBalancer Source Ranges:\t%v\n', spec.loadBalancerSourceRanges.join(','));
    if (events) describeEvents(events, w, c.now);
  });
}

/** EndpointsDescriber.Describe. */
export async function describeEndpointsByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const ep = await c.get('', 'endpoints', ns, name);
  const events = c.showEvents ? await c.events(ep, 'Endpoints') : undefined;
  return tabbedString((w) => {
    const m = ep.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, 'Addresses:\t%s\n', (subset.addresses ?? []).map((a: Obj) => a.ip).join(',') || '<none>');
      w.write(LEVEL_1, 'NotReadyAddresses:\t%s\n', (subset.notReadyAddresses ?? []).map((a: Obj) => a.ip).join(',') || '<none>');
      if ((subset.ports ?? []).length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports) w.write(LEVEL_2, '%s\t%d\t%s\n', p.name || '<unset>', p.port ?? 0, p.protocol ?? '');
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, c.now);
  });
}

/** EndpointSliceDescriber.Describe (discovery.k8s.io/v1). */
export async function describeEndpointSliceByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const eps = await c.get('discovery.k8s.io', 'endpointslices', ns, name);
  const events = c.showEvents ? await c.events(eps, 'EndpointSlice') : undefined;
  return tabbedString((w) => {
    const m = eps.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'AddressType:\t%s\n', eps.addressType ?? '');
    if (!(eps.ports ?? []).length) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of eps.ports) {
        w.write(LEVEL_1, '%s\t%s\t%s\n', p.name || '<unset>', p.port === undefined || p.port === null ? '<unset>' : String(p.port), p.protocol ?? '');
      }
    }
    if (!(eps.endpoints ?? []).length) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of eps.endpoints) {
        w.write(LEVEL_1, '- Addresses:\t%s\n', (e.addresses ?? []).join(', ') || '<none>');
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, 'Ready:\t%s\n', ready === undefined || ready === null ? '<unset>' : String(ready));
        w.write(LEVEL_2, 'Hostname:\t%s\n', e.hostname ?? '<unset>');
        if (e.targetRef) w.write(LEVEL_2, 'TargetRef:\t%s/%s\n', e.targetRef.kind ?? '', e.targetRef.name ?? '');
        w.write(LEVEL_2, 'NodeName:\t%s\n', e.nodeName ?? '<unset>');
        w.write(LEVEL_2, 'Zone:\t%s\n', e.zone ?? '<unset>');
      }
    }
    if (events) describeEvents(events, w, c.now);
  });
}

function serviceBackendString(b: Obj): string {
  if (!b) return '';
  const port = b.port?.number ? String(b.port.number) : (b.port?.name ?? '');
  return `${b.name ?? ''}:${port}`;
}

async function describeBackend(c: DescribeClient, ns: string, backend: Obj): Promise<string> {
  if (backend.service) {
    const sb = serviceBackendString(backend.service);
    let slices: Obj[];
    let svc: Obj;
    try {
      slices = await c.list('discovery.k8s.io', 'endpointslices', ns, { labelSelector: `${SERVICE_NAME_LABEL}=${backend.service.name}` });
      svc = await c.get('', 'services', ns, backend.service.name);
    } catch (e) {
      return `${sb} (<error: ${(e as Error).message}>)`;
    }
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) spName = sp.name ?? '';
      else if (backend.service.port?.name && backend.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`;
  }
  return '';
}

/** ingressLoadBalancerStatusStringerV1 (wide): IPs or hostnames, sorted and deduplicated. */
export function ingressLoadBalancerStatus(lb: Obj): string {
  const set = new Set<string>();
  for (const i of lb?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** IngressDescriber.Describe (networking.k8s.io/v1). */
export async function describeIngressByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const ing = await c.get('networking.k8s.io', 'ingresses', ns, name);
  const events = c.showEvents ? await c.events(ing, 'Ingress') : undefined;
  const spec = ing.spec ?? {};
  const defaultBackend = spec.defaultBackend ? await describeBackend(c, ns, spec.defaultBackend) : '<default>';
  const rules: { host: string; paths: [string, string][] }[] = [];
  for (const r of spec.rules ?? []) {
    if (!r.http) continue;
    const paths: [string, string][] = [];
    for (const p of r.http.paths ?? []) paths.push([p.path ?? '', await describeBackend(c, ing.metadata?.namespace ?? ns, p.backend ?? {})]);
    rules.push({ host: r.host || '*', paths });
  }
  return tabbedString((w) => {
    const m = ing.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%v\n', m.name ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    w.write(LEVEL_0, 'Namespace:\t%v\n', m.namespace ?? '');
    w.write(LEVEL_0, 'Address:\t%v\n', ingressLoadBalancerStatus(ing.status?.loadBalancer));
    w.write(LEVEL_0, 'Ingress Class:\t%v\n', spec.ingressClassName ?? '<none>');
    w.write(LEVEL_0, 'Default backend:\t%s\n', defaultBackend);
    if ((spec.tls ?? []).length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        if (!t.secretName) w.write(LEVEL_1, 'SNI routes %v\n', (t.hosts ?? []).join(','));
        else w.write(LEVEL_1, '%v terminates %v\n', t.secretName, (t.hosts ?? []).join(','));
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const r of rules) {
      w.write(LEVEL_1, '%s\t\n', r.host);
      for (const [path, backend] of r.paths) w.write(LEVEL_2, '\t%s \t%s\n', path, backend);
    }
    if (rules.length === 0) w.write(LEVEL_1, '%s\t%s\t%s\n', '*', '*', defaultBackend);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (events) describeEvents(events, w, c.now);
  });
}

/** IngressClassDescriber.Describe (networking.k8s.io/v1). */
export async function describeIngressClassByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const ic = await c.get('networking.k8s.io', 'ingressclasses', '', name);
  const events = c.showEvents ? await c.events(ic, 'IngressClass') : undefined;
  return tabbedString((w) => {
    const m = ic.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Controller:\t%v\n', ic.spec?.controller ?? '');
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, 'APIGroup:\t%v\n', p.apiGroup);
      w.write(LEVEL_1, 'Kind:\t%v\n', p.kind ?? '');
      w.write(LEVEL_1, 'Name:\t%v\n', p.name ?? '');
    }
    if (events) describeEvents(events, w, c.now);
  });
}

// Printers of the service-networking kinds: Service, Endpoints, EndpointSlice, Ingress, IngressClass
// and NetworkPolicy.
// Models pkg/printers/internalversion/printers.go printService (getServiceExternalIP,
// loadBalancerStatusStringer, makePortString), printEndpoints (formatEndpoints), printEndpointSlice
// (formatDiscoveryPorts, formatDiscoveryEndpoints), printIngress (formatHosts, formatPorts,
// ingressLoadBalancerStatusStringer), printIngressClass, printNetworkPolicy (v1.32).
import { formatLabelSelector } from '../../api';
import type { EndpointSlice, Endpoints, Ingress, IngressClass, Service, ServicePort } from '../../api';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { age, formatLabels, joinHostPort, listWithMoreString, nameOf } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

/**
 * loadBalancerStatusStringer: the sorted, de-duplicated IPs (or hostnames) of a load balancer status.
 * Not wide, it is clipped to 16 bytes ("2.3.4.5,3.4.5..."); the server always prints wide.
 */
export function loadBalancerStatusStringer(ingress: readonly { ip?: string; hostname?: string }[] | undefined,
  wide: boolean): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

// EXTERNAL-IP: externalIPs for ClusterIP/NodePort, the load balancer's addresses (or <pending>),
// or the DNS name of an ExternalName service.
function getServiceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc.status?.loadBalancer?.ingress, true);
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',');
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: "80/TCP,443:30443/TCP". */
export function makePortString(ports: readonly ServicePort[] | undefined): string {
  if (!ports) return '';
  return ports.map((p) => (p.nodePort && p.nodePort > 0
    ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

/** Service: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR. */
export const serviceHandler: TableHandler<Service> = {
  columns: [
    NAME,
    col('Type', 'string', doc('apiv1.ServiceSpec.type')),
    col('Cluster-IP', 'string', doc('apiv1.ServiceSpec.clusterIP')),
    col('External-IP', 'string', doc('apiv1.ServiceSpec.externalIPs')),
    col('Port(s)', 'string', doc('apiv1.ServiceSpec.ports')),
    AGE,
    col('Selector', 'string', doc('apiv1.ServiceSpec.selector'), { priority: 1 }),
  ],
  cells(svc, now) {
    const clusterIPs = svc.spec?.clusterIPs;
    return [nameOf(svc), svc.spec?.type ?? '', clusterIPs && clusterIPs.length > 0 ? clusterIPs[0] : '<none>',
      getServiceExternalIP(svc), makePortString(svc.spec?.ports) || '<none>', age(svc, now),
      formatLabels(svc.spec?.selector)];
  },
};

/** formatEndpoints (all ports): up to 3 "ip:port" entries, then " + N more...". */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** Endpoints: NAME ENDPOINTS AGE. */
export const endpointsHandler: TableHandler<Endpoints> = {
  columns: [NAME, col('Endpoints', 'string', doc('apiv1.Endpoints.subsets')), AGE],
  cells: (ep, now) => [nameOf(ep), formatEndpoints(ep), age(ep, now)],
};

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*');
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMoreString(list, more, count, max);
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count, max);
}

/** EndpointSlice: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceHandler: TableHandler<EndpointSlice> = {
  columns: [
    NAME,
    col('AddressType', 'string', doc('discoveryv1beta1.EndpointSlice.addressType')),
    col('Ports', 'string', doc('discoveryv1beta1.EndpointSlice.ports')),
    col('Endpoints', 'string', doc('discoveryv1beta1.EndpointSlice.endpoints')),
    AGE,
  ],
  cells: (s, now) => [nameOf(s), s.addressType ?? '', formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), age(s, now)],
};

// formatHosts: up to 3 rule hosts, "*" when no rule names a host.
function formatHosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

/** Ingress: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressHandler: TableHandler<Ingress> = {
  columns: [
    NAME,
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE,
  ],
  cells(ing, now) {
    // PORTS says "80, 443" as soon as any TLS block exists, whatever its hosts.
    const ports = ing.spec?.tls && ing.spec.tls.length > 0 ? '80, 443' : '80';
    return [nameOf(ing), ing.spec?.ingressClassName ?? '<none>', formatHosts(ing),
      loadBalancerStatusStringer(ing.status?.loadBalancer?.ingress, true), ports, age(ing, now)];
  },
};

/** IngressClass: NAME CONTROLLER PARAMETERS AGE. */
export const ingressClassHandler: TableHandler<IngressClass> = {
  columns: [
    NAME,
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE,
  ],
  cells(ic, now) {
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.kind ?? ''}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name ?? ''}`
      : '<none>';
    return [nameOf(ic), ic.spec?.controller ?? '', parameters, age(ic, now)];
  },
};

/** NetworkPolicy: NAME POD-SELECTOR AGE. */
export const networkPolicyHandler: TableHandler<NetworkPolicy> = {
  columns: [NAME, col('Pod-Selector', 'string', doc('extensionsv1beta1.NetworkPolicySpec.podSelector')), AGE],
  // podSelector is a struct upstream: an absent one prints like the empty selector, "<none>".
  cells: (np, now) => [nameOf(np), formatLabelSelector(np.spec?.podSelector ?? {}), age(np, now)],
};

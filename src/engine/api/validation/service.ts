// Services (create, update, status) and Endpoints, plus the messages of the Service allocators.
// Models pkg/apis/core/validation/validation.go ValidateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs/IPFamilies,
// validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue, ValidateServiceUpdate,
// ValidateEndpoints; pkg/registry/core/service/storage/storage.go normalizeClusterIPs and
// patchAllocatedValues (which run in beginCreate/beginUpdate, before validation); and
// pkg/registry/core/service/portallocator/allocator.go (ErrNotInRange, ErrAllocated).
import { FieldError, FieldPath, duplicate, forbidden, invalid, notSupported, required } from '../field';
import type { Endpoints, Service, ServicePort } from '../types';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain } from './names';
import { META, SPEC, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { isDualStackIPs, isIPv6String, isValidCIDR, isValidIP, validateNonSpecialIP } from './ip';
import { validatePortNumOrName } from './containers';
import { goServicePortKey, goStringSlice } from './go-syntax';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const KUBELET_PORT = 10250;
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

type Spec = NonNullable<Service['spec']> & { trafficDistribution?: string };

const isHeadless = (s: Spec) => (s.clusterIPs ?? []).length === 1 && s.clusterIPs![0] === 'None';
const externallyAccessible = (s: Spec) => s.type === 'LoadBalancer' || s.type === 'NodePort'
  || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
const needsHealthCheck = (s: Spec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';

/**
 * storage.go normalizeClusterIPs: keeps clusterIP and clusterIPs in step before validation.
 * Returns a copy; pass `old` for an update.
 */
export function normalizeServiceClusterIPs(svc: Service, old?: Service): Service {
  const s = structuredClone(svc);
  const spec = (s.spec ??= {});
  if (!old) {
    if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP];
    return s;
  }
  const o = old.spec ?? {};
  if (o.clusterIP === spec.clusterIP) return s;
  const sameIPs = JSON.stringify(o.clusterIPs ?? []) === JSON.stringify(spec.clusterIPs ?? []);
  if (!spec.clusterIP) {
    if ((o.clusterIPs ?? []).length && sameIPs) delete spec.clusterIPs;
    return s;
  }
  if (sameIPs) spec.clusterIPs = [spec.clusterIP];
  else if ((spec.clusterIPs ?? []).length && spec.clusterIPs![0] !== spec.clusterIP) return s;
  return s;
}

/** storage.go patchAllocatedValues: an update that omits allocated IPs and node ports keeps the old ones. */
export function patchAllocatedValues(svc: Service, old: Service): Service {
  const s = structuredClone(svc);
  const spec = (s.spec ??= {});
  const o = old.spec ?? {};
  if (o.type !== 'ExternalName' && spec.type !== 'ExternalName') {
    if (!spec.clusterIP && o.clusterIP) spec.clusterIP = o.clusterIP;
    if (!(spec.clusterIPs ?? []).length && (o.clusterIPs ?? []).length) spec.clusterIPs = [...o.clusterIPs!];
  }
  const needsNodePort = (t: string | undefined) => t === 'NodePort' || t === 'LoadBalancer';
  if (needsNodePort(o.type) && needsNodePort(spec.type)) {
    const used = new Set((o.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => (spec.ports ?? []).some((p) => p.nodePort === n)));
    const byName = new Map((o.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const v = byName.get(p.name ?? '') ?? 0;
        if (!used.has(v) && v) p.nodePort = v;
      }
    }
  }
  if (needsHealthCheck(o as Spec) && needsHealthCheck(spec as Spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = o.healthCheckNodePort;
  return s;
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(path.child('name'), ''));
  else if (sp.name) {
    for (const m of isDNS1123Label(sp.name)) errs.push(invalid(path.child('name'), sp.name, m));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port)) errs.push(invalid(path.child('port'), sp.port, m));
  if (!sp.protocol) errs.push(required(path.child('protocol'), ''));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, path.child('targetPort')));
  if (sp.appProtocol !== undefined) for (const m of isQualifiedName(sp.appProtocol)) errs.push(invalid(path.child('appProtocol'), sp.appProtocol, m));
  return errs;
}

// ValidateServiceClusterIPsRelatedFields.
function validateClusterIPs(s: Spec): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ipsPath = SPEC.child('clusterIPs');
  const ips = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (!ips.length) errs.push(required(ipsPath, ''));
    else if (ips[0] !== s.clusterIP) errs.push(invalid(ipsPath, [...ips], 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid(ipsPath, [...ips], 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(SPEC.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(SPEC.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (s.ipFamilyPolicy !== undefined && !policies.includes(s.ipFamilyPolicy)) errs.push(notSupported(SPEC.child('ipFamilyPolicy'), s.ipFamilyPolicy, policies));
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) { badIPs = true; errs.push(invalid(ipsPath, [...ips], '\'None\' must be the first and only value')); }
      return;
    }
    const e = isValidIP(ipsPath.index(i), ip);
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, [...ips], 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && !isDualStackIPs(ips)) errs.push(invalid(ipsPath, [...ips], 'may specify no more than one IP for each IP family'));
  if (!isHeadless(s) && ips.length && (s.ipFamilies ?? []).length) {
    ips.forEach((ip, i) => {
      const fam = s.ipFamilies![i];
      if (fam === 'IPv4' && isIPv6String(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fam === 'IPv6' && !isIPv6String(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** ValidateService (create; update runs it after its own checks). */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const ann = svc.metadata?.annotations ?? {};
  const hints = 'service.kubernetes.io/topology-aware-hints';
  const mode = 'service.kubernetes.io/topology-mode';
  if (mode in ann && hints in ann && ann[mode] !== ann[hints]) {
    errs.push(invalid(META.child('annotations').key(mode), ann[mode], `must match annotations[${hints}] when both are specified`));
  }
  const s = (svc.spec ?? {}) as Spec;
  const ports = s.ports ?? [];
  if (!ports.length && !isHeadless(s) && s.type !== 'ExternalName') errs.push(required(SPEC.child('ports'), ''));
  if (s.type === 'LoadBalancer') {
    ports.forEach((p, i) => {
      if (p.port === KUBELET_PORT) errs.push(invalid(SPEC.child('ports').index(i), p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
    });
    if (isHeadless(s)) errs.push(invalid(SPEC.child('clusterIPs').index(0), 'None', 'may not be set to \'None\' for LoadBalancer services'));
  } else if (s.type === 'NodePort') {
    if (isHeadless(s)) errs.push(invalid(SPEC.child('clusterIPs').index(0), 'None', 'may not be set to \'None\' for NodePort services'));
  } else if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length) errs.push(forbidden(SPEC.child('clusterIPs'), 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length) errs.push(forbidden(SPEC.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined) errs.push(forbidden(SPEC.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(SPEC.child('externalName'), cname, m));
    else errs.push(required(SPEC.child('externalName'), ''));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, SPEC.child('ports').index(i))));
  if (s.selector) errs.push(...validateLabels(s.selector, SPEC.child('selector')));
  const sa = s.sessionAffinity ?? '';
  if (!sa) errs.push(required(SPEC.child('sessionAffinity'), ''));
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(notSupported(SPEC.child('sessionAffinity'), sa, ['ClientIP', 'None']));
  const sac = SPEC.child('sessionAffinityConfig');
  if (sa === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const t = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (!s.sessionAffinityConfig) errs.push(required(sac, when));
    else if (!s.sessionAffinityConfig.clientIP) errs.push(required(sac.child('clientIP'), when));
    else if (t === undefined) errs.push(required(sac.child('clientIP', 'timeoutSeconds'), when));
    else if (t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      errs.push(invalid(sac.child('clientIP', 'timeoutSeconds'), t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
    }
  } else if (sa === 'None' && s.sessionAffinityConfig) {
    errs.push(forbidden(sac, 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPs(s));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const e = isValidIP(SPEC.child('externalIPs').index(i), ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, SPEC.child('externalIPs').index(i))));
  });
  if (!s.type) errs.push(required(SPEC.child('type'), ''));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported(SPEC.child('type'), s.type, SERVICE_TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => { if (p.nodePort) errs.push(forbidden(SPEC.child('ports').index(i).child('nodePort'), 'may not be used when `type` is \'ClusterIP\'')); });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const k = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(SPEC.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(k);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.protocol}/${p.port}`;
    if (portKeys.has(k)) errs.push(duplicate(SPEC.child('ports').index(i), goServicePortKey(p.protocol ?? '', p.port)));
    portKeys.add(k);
  });
  if ((s.loadBalancerSourceRanges ?? []).length) {
    const fp = SPEC.child('LoadBalancerSourceRanges');
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fp, 'may only be used when `type` is \'LoadBalancer\''));
    s.loadBalancerSourceRanges!.forEach((v, i) => errs.push(...isValidCIDR(fp.index(i), v.trim())));
  } else if (LB_SOURCE_RANGES_ANNOTATION in ann) {
    const fp = FieldPath.root('metadata').child('annotations').key(LB_SOURCE_RANGES_ANNOTATION);
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fp, 'may only be used when `type` is \'LoadBalancer\''));
    const val = ann[LB_SOURCE_RANGES_ANNOTATION].trim();
    if (val) for (const v of val.split(',')) errs.push(...isValidCIDR(fp, v.trim()));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && s.type !== 'LoadBalancer') {
    errs.push(forbidden(SPEC.child('allocateLoadBalancerNodePorts'), 'may only be used when `type` is \'LoadBalancer\''));
  }
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) errs.push(required(FieldPath.root('allocateLoadBalancerNodePorts'), ''));
  if (s.loadBalancerClass !== undefined) {
    if (s.type === 'LoadBalancer') errs.push(...isQualifiedName(s.loadBalancerClass).map((m) => invalid(SPEC.child('loadBalancerClass'), s.loadBalancerClass, m)));
    else errs.push(forbidden(SPEC.child('loadBalancerClass'), 'may only be used when `type` is \'LoadBalancer\''));
  }
  const etp = s.externalTrafficPolicy ?? '';
  if (!externallyAccessible(s)) {
    if (etp) errs.push(invalid(SPEC.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required(SPEC.child('externalTrafficPolicy'), ''));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported(SPEC.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  const hc = s.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(s)) {
    if (hc) errs.push(invalid(SPEC.child('healthCheckNodePort'), hc, 'may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\''));
  } else if (!hc) errs.push(required(SPEC.child('healthCheckNodePort'), ''));
  else for (const m of isValidPortNum(hc)) errs.push(invalid(SPEC.child('healthCheckNodePort'), hc, m));
  const itp = s.internalTrafficPolicy;
  if (itp === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) {
    errs.push(required(SPEC.child('internalTrafficPolicy'), ''));
  }
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported(SPEC.child('internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  if (s.trafficDistribution !== undefined && s.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(SPEC.child('trafficDistribution'), s.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

/** ValidateServiceUpdate: primary cluster IP and IP family may not change; then ValidateService. */
export function validateServiceUpdate(svcIn: Service, old: Service): FieldError[] {
  const svc = normalizeServiceClusterIPs(patchAllocatedValues(svcIn, old), old);
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const s = (svc.spec ?? {}) as Spec;
  const o = (old.spec ?? {}) as Spec;
  if (s.type !== 'ExternalName' && o.type !== 'ExternalName') {
    const ips = s.clusterIPs ?? [];
    const oips = o.clusterIPs ?? [];
    const p0 = SPEC.child('clusterIPs').index(0);
    if (!(isHeadless(s) && isHeadless(o))) {
      if (oips.length === ips.length) {
        oips.forEach((ip, i) => { if (ip !== ips[i]) errs.push(invalid(SPEC.child('clusterIPs').index(i), goStringSlice(s.clusterIPs), 'may not change once set')); });
      } else if (oips.length > ips.length) {
        if (!ips.length) errs.push(invalid(p0, goStringSlice(s.clusterIPs), 'primary clusterIP can not be unset'));
        if (oips.length && ips.length && ips[0] !== oips[0]) errs.push(invalid(p0, goStringSlice(s.clusterIPs), 'may not change once set'));
        if (ips.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
          errs.push(invalid(SPEC.child('ipFamilyPolicy'), s.ipFamilyPolicy ?? null, 'must be set to \'SingleStack\' when releasing the secondary clusterIP'));
        }
      } else if (oips.length && ips[0] !== oips[0]) {
        errs.push(invalid(p0, goStringSlice(s.clusterIPs), 'may not change once set'));
      }
    }
  }
  if (o.type === 'LoadBalancer' && s.type === 'LoadBalancer' && (o.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
    errs.push(invalid(SPEC.child('loadBalancerClass'), s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(o) && needsHealthCheck(s) && s.healthCheckNodePort !== o.healthCheckNodePort) {
    errs.push(forbidden(SPEC.child('healthCheckNodePort'), 'field is immutable'));
  }
  return errs.concat(validateService(svc));
}

/** ValidateServiceStatusUpdate (load-balancer ingress IPs must be IPs). */
export function validateServiceStatusUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  (svc.status?.loadBalancer?.ingress ?? []).forEach((ing, i) => {
    const p = FieldPath.root('status').child('loadBalancer', 'ingress').index(i);
    if (ing.ip) errs.push(...isValidIP(p.child('ip'), ing.ip));
    if (ing.hostname) {
      for (const m of isDNS1123Subdomain(ing.hostname)) errs.push(invalid(p.child('hostname'), ing.hostname, m));
      if (isValidIP(p, ing.hostname).length === 0) errs.push(invalid(p.child('hostname'), ing.hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

/** The portallocator's ErrNotInRange, as the registry reports it (before validation runs). */
export function nodePortNotInRange(portIndex: number, nodePort: number, range = '30000-32767'): FieldError {
  return invalid(SPEC.child('ports').index(portIndex).child('nodePort'), nodePort,
    `provided port is not in the valid range. The range of valid ports is ${range}`);
}

/** The portallocator's ErrAllocated: another Service holds the node port. */
export function nodePortAllocated(portIndex: number, nodePort: number): FieldError {
  return invalid(SPEC.child('ports').index(portIndex).child('nodePort'), nodePort, 'provided port is already allocated');
}

/** ValidateEndpoints (create and update). */
export function validateEndpoints(ep: Endpoints, old?: Endpoints): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(ep.metadata, old.metadata) : [];
  errs.push(...validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain));
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = FieldPath.root('subsets').index(i);
    if (!(ss.addresses ?? []).length && !(ss.notReadyAddresses ?? []).length) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const [key, list] of [['addresses', ss.addresses], ['notReadyAddresses', ss.notReadyAddresses]] as const) {
      (list ?? []).forEach((a, j) => {
        const ap = p.child(key).index(j);
        errs.push(...isValidIP(ap.child('ip'), a.ip));
        if (a.hostname) for (const m of isDNS1123Label(a.hostname)) errs.push(invalid(ap.child('hostname'), a.hostname, m));
        if (a.nodeName !== undefined) for (const m of nameIsDNSSubdomain(a.nodeName, false)) errs.push(invalid(ap.child('nodeName'), a.nodeName, m));
        errs.push(...validateNonSpecialIP(a.ip, ap.child('ip')));
      });
    }
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => {
      const pp = p.child('ports').index(j);
      if (ports.length > 1 && !port.name) errs.push(required(pp.child('name'), ''));
      else if (port.name) for (const m of isDNS1123Label(port.name)) errs.push(invalid(pp.child('name'), port.name, m));
      for (const m of isValidPortNum(port.port)) errs.push(invalid(pp.child('port'), port.port, m));
      if (!port.protocol) errs.push(required(pp.child('protocol'), ''));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(pp.child('protocol'), port.protocol, PROTOCOLS));
      if (port.appProtocol !== undefined) for (const m of isQualifiedName(port.appProtocol)) errs.push(invalid(pp.child('appProtocol'), port.appProtocol, m));
    });
  });
  return errs;
}

// EndpointSlice.
// Models pkg/apis/discovery/validation/validation.go ValidateEndpointSlice, validateEndpoints, validatePorts,
// validateAddressType, validateHints, ValidateEndpointSliceUpdate.
import { FieldError, FieldPath, duplicate, invalid, notSupported, required, tooMany } from '../field';
import type { EndpointSlice } from '../types';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names';
import { validateImmutableField, validateLabels, validateObjectMeta } from './objectmeta';
import { isValidIPv4Address, isValidIPv6Address, validateNonSpecialIP } from './ip';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

// validation.IsFullyQualifiedDomainName.
function isFullyQualifiedDomainName(path: FieldPath, name: string): FieldError[] {
  if (!name) return [required(path, '')];
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(n);
  if (sub.length) return [invalid(path, n, sub.join(','))];
  const labels = n.split('.');
  if (labels.length < 2) return [invalid(path, n, 'should be a domain with at least two segments separated by dots')];
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length) return [invalid(path, l, e.join(','))];
  }
  return [];
}

/** ValidateEndpointSlice (create); pass `old` for an update (addressType is then immutable). */
export function validateEndpointSlice(es: EndpointSlice, old?: EndpointSlice): FieldError[] {
  // On update the metadata update rules come from rest.BeforeUpdate's common checks.
  const errs = validateObjectMeta(es.metadata, true, nameIsDNSSubdomain);
  const at = es.addressType ?? '';
  const atPath = FieldPath.root('addressType');
  // The deprecated "IP" type is still accepted on update.
  const valid = old ? ['FQDN', 'IP', 'IPv4', 'IPv6'] : ADDRESS_TYPES;
  if (!at) errs.push(required(atPath, ''));
  else if (!valid.includes(at)) errs.push(notSupported(atPath, at, valid));
  const eps = es.endpoints ?? [];
  const ep = FieldPath.root('endpoints');
  if (eps.length > 1000) errs.push(tooMany(ep, eps.length, 1000));
  else eps.forEach((e, i) => {
    const p = ep.index(i);
    const ap = p.child('addresses');
    const addrs = e.addresses ?? [];
    if (!addrs.length) errs.push(required(ap, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(tooMany(ap, addrs.length, 100));
    addrs.forEach((a, j) => {
      const aj = ap.index(j);
      if (at === 'IPv4' || at === 'IPv6') {
        const ipErrs = at === 'IPv4' ? isValidIPv4Address(aj, a) : isValidIPv6Address(aj, a);
        errs.push(...(ipErrs.length ? ipErrs : validateNonSpecialIP(a, aj)));
      } else if (at === 'FQDN') {
        errs.push(...isFullyQualifiedDomainName(aj, a));
      }
    });
    if (e.nodeName !== undefined) errs.push(...nameIsDNSSubdomain(e.nodeName, false).map((m) => invalid(p.child('nodeName'), e.nodeName, m)));
    const topo = e.deprecatedTopology ?? {};
    if (Object.keys(topo).length > 16) errs.push(tooMany(p.child('deprecatedTopology'), Object.keys(topo).length, 16));
    errs.push(...validateLabels(topo, p.child('deprecatedTopology')));
    if (e.hostname !== undefined) errs.push(...isDNS1123Label(e.hostname).map((m) => invalid(p.child('hostname'), e.hostname, m)));
    const zones = e.hints?.forZones ?? [];
    if (zones.length > 8) errs.push(tooMany(p.child('hints', 'forZones'), zones.length, 8));
    const seen = new Set<string>();
    zones.forEach((z, k) => {
      const zp = p.child('hints', 'forZones').index(k).child('name');
      if (seen.has(z.name)) errs.push(duplicate(zp, z.name));
      else seen.add(z.name);
      errs.push(...isQualifiedName(z.name).map((m) => invalid(zp, z.name, m)));
    });
  });
  const ports = es.ports ?? [];
  const pp = FieldPath.root('ports');
  if (ports.length > 100) errs.push(tooMany(pp, ports.length, 100));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = pp.index(i);
      const name = port.name ?? '';
      if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(p.child('name'), name, m)));
      if (names.has(name)) errs.push(duplicate(p.child('name'), name));
      else names.add(name);
      if (port.protocol === undefined) errs.push(required(p.child('protocol'), ''));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, PROTOCOLS));
      if (port.appProtocol !== undefined) errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(p.child('appProtocol'), port.appProtocol, m)));
    });
  }
  if (old) errs.push(...validateImmutableField(es.addressType ?? '', old.addressType ?? '', atPath));
  return errs;
}

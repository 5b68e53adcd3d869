// IP and CIDR parsing as k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy accept them (Go 1.16 net
// rules: IPv4 octets may carry leading zeros), plus the net.IP predicates validation uses.
// Models k8s.io/utils/net/ipnet.go, net.go and Go's net/ip.go (IsLoopback, IsLinkLocalUnicast, …).
import { FieldError, invalid, type FieldPath } from '../field';

/** A parsed address: 16 bytes, IPv4 as IPv4-mapped IPv6 like Go's net.IP. */
export interface ParsedIP {
  bytes: Uint8Array;
  v4: boolean;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIPv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p)) return undefined;
    let n = 0;
    for (const ch of p) {
      n = n * 10 + (ch.charCodeAt(0) - 48);
      if (n > 255) return undefined;
    }
    out.push(n);
  }
  return out;
}

function parseIPv6Bytes(s: string): number[] | undefined {
  if (s.includes('%')) return undefined; // zones are not IPs
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return undefined;
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4Bytes(f);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(f)) return undefined;
      out.push(parseInt(f, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return undefined;
  let words: number[];
  if (dbl >= 0) {
    const fill = 8 - h.length - t.length;
    if (fill < 1) return undefined;
    words = [...h, ...new Array<number>(fill).fill(0), ...t];
  } else {
    words = h;
  }
  if (words.length !== 8) return undefined;
  const bytes: number[] = [];
  for (const w of words) bytes.push(w >> 8, w & 0xff);
  return bytes;
}

/** netutils.ParseIPSloppy: undefined when the string is not an IP. */
export function parseIP(s: string): ParsedIP | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.') {
      const v4 = parseIPv4Bytes(s);
      return v4 ? { bytes: Uint8Array.from([...V4_MAPPED_PREFIX, ...v4]), v4: true } : undefined;
    }
    if (c === ':') {
      const v6 = parseIPv6Bytes(s);
      if (!v6) return undefined;
      const mapped = V4_MAPPED_PREFIX.every((b, j) => v6[j] === b);
      return { bytes: Uint8Array.from(v6), v4: mapped };
    }
  }
  return undefined;
}

/** net.IP.IsUnspecified: 0.0.0.0 or ::. */
export function isUnspecified(ip: ParsedIP): boolean {
  if (ip.v4) return ip.bytes[12] === 0 && ip.bytes[13] === 0 && ip.bytes[14] === 0 && ip.bytes[15] === 0;
  return ip.bytes.every((b) => b === 0);
}

/** net.IP.IsLoopback: 127.0.0.0/8 or ::1. */
export function isLoopback(ip: ParsedIP): boolean {
  if (ip.v4) return ip.bytes[12] === 127;
  return ip.bytes.every((b, i) => (i === 15 ? b === 1 : b === 0));
}

/** net.IP.IsLinkLocalUnicast: 169.254.0.0/16 or fe80::/10. */
export function isLinkLocalUnicast(ip: ParsedIP): boolean {
  if (ip.v4) return ip.bytes[12] === 169 && ip.bytes[13] === 254;
  return ip.bytes[0] === 0xfe && (ip.bytes[1] & 0xc0) === 0x80;
}

/** net.IP.IsLinkLocalMulticast: 224.0.0.0/24 or ff02::/16. */
export function isLinkLocalMulticast(ip: ParsedIP): boolean {
  if (ip.v4) return ip.bytes[12] === 224 && ip.bytes[13] === 0 && ip.bytes[14] === 0;
  return ip.bytes[0] === 0xff && (ip.bytes[1] & 0x0f) === 0x02;
}

/** netutils.IsIPv6String. */
export function isIPv6String(s: string): boolean {
  const ip = parseIP(s);
  return !!ip && !ip.v4;
}

/** netutils.ParseCIDRSloppy: the network and its family, or undefined. */
export function parseCIDR(s: string): { ip: ParsedIP; bits: number } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const len = s.slice(slash + 1);
  if (!ip || !/^[0-9]+$/.test(len) || len.length > 3) return undefined;
  const bits = Number(len);
  if (bits > (ip.v4 ? 32 : 128)) return undefined;
  return { ip, bits };
}

/** netutils.IsDualStackIPStrings: exactly one address of each family among the values. */
export function isDualStackIPs(values: readonly string[]): boolean {
  let v4 = 0;
  let v6 = 0;
  for (const v of values) {
    const ip = parseIP(v);
    if (!ip) return false;
    if (ip.v4) v4++; else v6++;
  }
  return v4 > 0 && v6 > 0;
}

/** netutils.IsDualStackCIDRStrings. */
export function isDualStackCIDRs(values: readonly string[]): boolean {
  let v4 = 0;
  let v6 = 0;
  for (const v of values) {
    const c = parseCIDR(v);
    if (!c) return false;
    if (c.ip.v4) v4++; else v6++;
  }
  return v4 > 0 && v6 > 0;
}

/** validation.IsValidIP (field-error form). */
export function isValidIP(path: FieldPath | string, value: string): FieldError[] {
  return parseIP(value) ? [] : [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** validation.IsValidIPv4Address. */
export function isValidIPv4Address(path: FieldPath | string, value: string): FieldError[] {
  const ip = parseIP(value);
  return ip && ip.v4 ? [] : [invalid(path, value, 'must be a valid IPv4 address')];
}

/** validation.IsValidIPv6Address. */
export function isValidIPv6Address(path: FieldPath | string, value: string): FieldError[] {
  const ip = parseIP(value);
  return ip && !ip.v4 ? [] : [invalid(path, value, 'must be a valid IPv6 address')];
}

/** validation.IsValidCIDR. */
export function isValidCIDR(path: FieldPath | string, value: string): FieldError[] {
  return parseCIDR(value) ? [] : [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** core validation ValidateNonSpecialIP: endpoint and external IPs must be routable. */
export function validateNonSpecialIP(value: string, path: FieldPath | string): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [invalid(path, value, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (isUnspecified(ip)) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (isLoopback(ip)) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (isLinkLocalUnicast(ip)) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (isLinkLocalMulticast(ip)) errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

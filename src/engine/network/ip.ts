// IPv4 arithmetic: addresses as unsigned 32-bit numbers, CIDR ranges, and the dashed form CoreDNS
// uses for pod names (10-244-0-5).

/** An IPv4 address as an unsigned number, or undefined when the text is not one. */
export function ipToNumber(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const p = [m[1], m[2], m[3], m[4]].map(Number);
  if (p.some((x) => x > 255)) return undefined;
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

/** The dotted form of an address number. */
export function numberToIP(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Is this an IPv4 literal? */
export function isIPv4(s: string): boolean {
  return ipToNumber(s) !== undefined;
}

/** A parsed CIDR: base address and prefix length. */
export interface Cidr {
  base: number;
  bits: number;
}

/** Parses "10.244.0.0/24". */
export function parseCidr(s: string): Cidr | undefined {
  const [ip, bits] = s.split('/');
  const base = ipToNumber(ip);
  const b = Number(bits);
  if (base === undefined || !Number.isInteger(b) || b < 0 || b > 32) return undefined;
  return { base: b === 0 ? 0 : (base & (~0 << (32 - b))) >>> 0, bits: b };
}

/** Does the CIDR hold the address? */
export function cidrContains(c: Cidr, ip: string): boolean {
  const n = ipToNumber(ip);
  if (n === undefined) return false;
  if (c.bits === 0) return true;
  return ((n ^ c.base) >>> (32 - c.bits)) === 0;
}

/** The gateway (first host address) of a CIDR: the bridge address pods see as their peer. */
export function gatewayOf(cidr: string): string {
  const c = parseCidr(cidr);
  return c ? numberToIP((c.base + 1) >>> 0) : '';
}

/** 10.244.0.5 → "10-244-0-5" (pod A records, endpoint names without a hostname). */
export function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** "10-244-0-5" → 10.244.0.5, or undefined. */
export function undashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && isIPv4(ip) ? ip : undefined;
}

/** "5.0.244.10.in-addr.arpa" → 10.244.0.5, or undefined. */
export function fromReverseName(name: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}

// Small formatting helpers the printers share.
// Models pkg/printers/internalversion/printers.go (layoutContainerCells, listWithMoreString,
// printBoolPtr), apimachinery labels.FormatLabels, net.JoinHostPort and resource.Quantity.String.
import { canonicalQuantity, translateTimestampSince } from '../../api';
import type { Container, KubeObject } from '../../api';

/** The object's name ("" when unset, as Go's zero string). */
export function nameOf(obj: KubeObject): string {
  return obj.metadata?.name ?? '';
}

/** The AGE cell: translateTimestampSince(creationTimestamp). */
export function age(obj: KubeObject, now: number): string {
  return translateTimestampSince(obj.metadata?.creationTimestamp, now);
}

/** labels.FormatLabels: "a=1,b=2" sorted by key, "<none>" when empty. */
export function formatLabels(m: Readonly<Record<string, string>> | undefined): string {
  if (!m) return '<none>';
  const keys = Object.keys(m);
  if (keys.length === 0) return '<none>';
  keys.sort();
  let s = '';
  for (let i = 0; i < keys.length; i++) s += (i ? ',' : '') + keys[i] + '=' + m[keys[i]];
  return s;
}

/** layoutContainerCells: container names and images, each joined with ",". */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  if (!containers || containers.length === 0) return ['', ''];
  let names = '';
  let images = '';
  for (let i = 0; i < containers.length; i++) {
    if (i) {
      names += ',';
      images += ',';
    }
    names += containers[i].name ?? '';
    images += containers[i].image ?? '';
  }
  return [names, images];
}

/** net.JoinHostPort: IPv6 hosts are bracketed ("[fd00::1]:80"). */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** listWithMoreString: "a,b,c + 2 more...", "<unset>" for an empty list. */
export function listWithMoreString(list: readonly string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** printBoolPtr: "True", "False" or "<unset>". */
export function printBoolPtr(v: boolean | undefined | null): string {
  if (v === undefined || v === null) return '<unset>';
  return v ? 'True' : 'False';
}

/**
 * (*resource.Quantity).String() of an optional field: canonical form ("1Gi", "500m"), "<nil>" when the
 * pointer is nil. A value that does not parse is printed as stored (it could not have been stored upstream).
 */
export function quantityPtr(q: string | number | undefined | null): string {
  if (q === undefined || q === null) return '<nil>';
  return canonical(q);
}

/** Quantity.String() of a ResourceList entry: a missing key is the zero Quantity, "0". */
export function quantityOrZero(q: string | number | undefined | null): string {
  if (q === undefined || q === null) return '0';
  return canonical(q);
}

function canonical(q: string | number): string {
  try {
    return canonicalQuantity(q);
  } catch {
    return String(q);
  }
}

// The diff appended to "pod updates may not change fields other than …" and the PV/PVC immutability
// messages. Upstream uses github.com/google/go-cmp cmp.Diff on the internal Go structs.
// Models go-cmp's report_compare.go/report_text.go layout: "-"/"+" markers in a two-column gutter, tab
// indentation, fields in Go declaration order, two identical records kept around each difference and the
// rest folded into "... // N identical fields", gofmt-style alignment of adjacent one-line records.
// Deviation: go-cmp walks the *internal* types (core.PodSpec has a few fields the v1 type lacks and vice
// versa) and deliberately randomises some spaces (U+00A0) so nobody depends on its text; we walk the v1
// schema, so counts and value details can differ slightly.
import { goQuote } from '../field';
import { deepEqual } from '../meta';
import { getDef, type SchemaDef, type SchemaType } from '../schema';

const CONTEXT = 2;
const GO_NAMES: Record<string, string> = { uid: 'UID', dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', hostIPC: 'HostIPC',
  hostPID: 'HostPID', tty: 'TTY', apiVersion: 'APIVersion', ip: 'IP', hostIP: 'HostIP', podIP: 'PodIP', fsType: 'FSType',
  setHostnameAsFQDN: 'SetHostnameAsFQDN', os: 'OS', clusterIP: 'ClusterIP', externalIPs: 'ExternalIPs', url: 'URL',
  httpGet: 'HTTPGet', tcpSocket: 'TCPSocket', grpc: 'GRPC', hostIPs: 'HostIPs', podIPs: 'PodIPs', iscsi: 'ISCSI', nfs: 'NFS',
  fc: 'FC', csi: 'CSI', rbd: 'RBD', cephfs: 'CephFS' };
const goName = (k: string) => GO_NAMES[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
// Internal packages: v1 core types live in package "core" inside the API server.
const internal = (go: string) => go.replace(/\bv1\./g, 'core.');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => deepEqual(a ?? null, b ?? null);

/** A one-line rendering of a value, type names elided inside as go-cmp does. */
function compact(v: unknown, t: SchemaType | undefined): string {
  // Unset strings are values (""); optional numbers, bools, structs, lists and maps are nil pointers or nil.
  if (v === undefined || v === null) return t?.kind === 'string' ? '""' : 'nil';
  if (typeof v === 'string') return t?.kind === 'quantity' ? `{s: ${goQuote(v)}}` : goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map((x) => compact(x, t?.elem)).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const def = t?.kind === 'struct' ? t.def : undefined;
  const keys = def ? def.goOrder.filter((k) => o[k] !== undefined) : Object.keys(o);
  const inner = keys.map((k) => (t?.kind === 'map' ? `${goQuote(k)}: ${compact(o[k], t.elem)}` : `${goName(k)}: ${compact(o[k], def?.fields.get(k)?.type)}`));
  return `{${inner.join(', ')}}`;
}

interface Rec { equal: boolean; lines: string[] }

// Keeps CONTEXT identical records on each side of a difference; folds the rest.
function fold(recs: Rec[], indent: string, what: string): string[] {
  const keep = recs.map((r) => !r.equal);
  recs.forEach((r, i) => {
    if (r.equal) return;
    for (let d = 1; d <= CONTEXT; d++) {
      if (i - d >= 0) keep[i - d] = true;
      if (i + d < recs.length) keep[i + d] = true;
    }
  });
  const out: string[] = [];
  let skipped = 0;
  const flush = () => {
    if (skipped) out.push(`  ${indent}... // ${skipped} identical ${what}${skipped === 1 ? '' : 's'}`);
    skipped = 0;
  };
  recs.forEach((r, i) => {
    if (!keep[i]) { skipped++; return; }
    flush();
    out.push(...r.lines);
  });
  flush();
  return align(out);
}

// gofmt aligns the values of adjacent one-line "Name: value," records at the same depth.
const RECORD = /^([-+ ] )(\t*)([A-Za-z0-9]+):\s+(.*,)$/;
function align(lines: string[]): string[] {
  const out = [...lines];
  let i = 0;
  while (i < out.length) {
    const first = RECORD.exec(out[i]);
    let j = i;
    while (j < out.length) {
      const m = RECORD.exec(out[j]);
      if (!m || !first || m[2] !== first[2] || m[4].endsWith('{,')) break;
      j++;
    }
    if (j - i > 1) {
      const ms = out.slice(i, j).map((l) => RECORD.exec(l)!);
      const width = Math.max(...ms.map((m) => m[3].length));
      ms.forEach((m, k) => { out[i + k] = `${m[1]}${m[2]}${m[3]}:${' '.repeat(width - m[3].length + 1)}${m[4]}`; });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

function typeName(t: SchemaType | undefined, pointer: boolean): string {
  if (!t) return '';
  if (t.kind === 'list') return `[]${internal(t.elem?.go ?? '')}`;
  if (t.kind === 'struct') return `${pointer ? '&' : ''}${internal(t.go)}`;
  return internal(t.go);
}

function diffValue(label: string, x: unknown, y: unknown, t: SchemaType | undefined, pointer: boolean, indent: string): string[] {
  const inner = `${indent}\t`;
  if (isObject(x) && isObject(y) && t?.kind !== 'map') {
    return [`  ${indent}${label}${typeName(t, pointer)}{`, ...diffStruct(x, y, t?.def, inner), `  ${indent}},`];
  }
  if (isObject(x) && isObject(y) && t?.kind === 'map') {
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    const recs: Rec[] = keys.map((k) => (same(x[k], y[k])
      ? { equal: true, lines: [`  ${inner}${goQuote(k)}: ${compact(x[k], t.elem)},`] }
      : { equal: false, lines: [...(k in x ? [`- ${inner}${goQuote(k)}: ${compact(x[k], t.elem)},`] : []),
        ...(k in y ? [`+ ${inner}${goQuote(k)}: ${compact(y[k], t.elem)},`] : [])] }));
    return [`  ${indent}${label}${typeName(t, false)}{`, ...fold(recs, inner, 'entry'), `  ${indent}},`];
  }
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    const recs: Rec[] = x.map((e, i) => (same(e, y[i])
      ? { equal: true, lines: [`  ${inner}${compact(e, t?.elem)},`] }
      // An element's own type is elided: its block opens with a bare "{".
      : { equal: false, lines: diffValue('', e, y[i], t?.elem, false, inner).map((l, j) => (j === 0 ? l.replace(/^(. \t*)[^\t{]*\{$/, '$1{') : l)) }));
    return [`  ${indent}${label}${typeName(t, false)}{`, ...fold(recs, inner, 'element'), `  ${indent}},`];
  }
  return [`- ${indent}${label}${compact(x, t)},`, `+ ${indent}${label}${compact(y, t)},`];
}

// v1-only PodSpec fields: the internal type keeps them in its SecurityContext, or drops them.
const V1_ONLY: Record<string, ReadonlySet<string>> = {
  'core.v1.PodSpec': new Set(['serviceAccount', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers']),
};

function diffStruct(a: Record<string, unknown>, b: Record<string, unknown>, def: SchemaDef | undefined, indent: string): string[] {
  const skip = def ? V1_ONLY[def.key] : undefined;
  const order = def ? def.goOrder.filter((k) => !skip?.has(k) || a[k] !== undefined || b[k] !== undefined) : [];
  const keys = def ? [...order, ...Object.keys({ ...a, ...b }).filter((k) => !def.fields.has(k))]
    : [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const recs: Rec[] = keys.map((k) => {
    const f = def?.fields.get(k);
    const t = f?.type;
    const label = `${goName(k)}: `;
    if (same(a[k], b[k])) return { equal: true, lines: [`  ${indent}${label}${compact(a[k], t)},`] };
    // A struct the encoder always writes is a value; other structs are pointers.
    return { equal: false, lines: diffValue(label, a[k], b[k], t, f?.emit !== 'zero', indent) };
  });
  return fold(recs, indent, 'field');
}

/**
 * cmp.Diff(old, new) for two JSON objects; `defKey` names the v1 schema definition ("core.v1.PodSpec")
 * and `typeName` the internal Go type go-cmp prints ("core.PodSpec"). Ends with a newline like go-cmp.
 */
export function cmpDiff(typeName: string, oldV: unknown, newV: unknown, defKey?: string): string {
  if (same(oldV, newV)) return '';
  const def = defKey ? getDef(defKey) : undefined;
  const body = diffStruct(isObject(oldV) ? oldV : {}, isObject(newV) ? newV : {}, def, '\t');
  return `${[`  ${typeName}{`, ...body, '  }'].join('\n')}\n`;
}

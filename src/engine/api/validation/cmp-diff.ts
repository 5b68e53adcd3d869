// The diff appended to "pod updates may not change fields other than …" and the PV/PVC immutability
// messages. Upstream uses github.com/google/go-cmp cmp.Diff on the internal Go structs.
// Deviation: go-cmp's report cannot be reproduced byte for byte — it walks the internal types in
// their Go field order and deliberately randomises some spaces (U+00A0) so that nobody depends on
// its exact text. This renders the same shape (two-column "-"/"+" markers, tab indentation, Go field
// names, "... // N identical fields" elisions) from the JSON objects.
import { goQuote } from '../field';
import { deepEqual } from '../meta';

const pascal = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

// Go type names go-cmp prints for the fields a learner is most likely to change.
const TYPE_OF: Record<string, string> = {
  containers: '[]core.Container', initContainers: '[]core.Container', volumes: '[]core.Volume',
  ports: '[]core.ContainerPort', env: '[]core.EnvVar', envFrom: '[]core.EnvFromSource',
  volumeMounts: '[]core.VolumeMount', resources: 'core.ResourceRequirements', tolerations: '[]core.Toleration',
  securityContext: '&core.PodSecurityContext', nodeSelector: 'map[string]string', command: '[]string', args: '[]string',
  accessModes: '[]core.PersistentVolumeAccessMode', limits: 'core.ResourceList', requests: 'core.ResourceList',
};

function leaf(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map(leaf).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).map((k) => `${pascal(k)}: ${leaf(o[k])}`).join(', ')}}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function elide(out: string[], indent: string, n: number, what: string): void {
  if (n > 0) out.push(`  ${indent}... // ${n} identical ${what}${n === 1 ? '' : 's'}`);
}

function diffObject(out: string[], indent: string, a: Record<string, unknown>, b: Record<string, unknown>): void {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  let same = 0;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (deepEqual(x, y)) { same++; continue; }
    elide(out, indent, same, 'field');
    same = 0;
    diffField(out, indent, `${pascal(k)}: `, TYPE_OF[k] ?? '', x, y);
  }
  elide(out, indent, same, 'field');
}

function diffField(out: string[], indent: string, label: string, type: string, x: unknown, y: unknown): void {
  if (isObject(x) && isObject(y)) {
    out.push(`  ${indent}${label}${type.replace(/^\[\]/, '')}{`);
    diffObject(out, `${indent}\t`, x, y);
    out.push(`  ${indent}},`);
    return;
  }
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    out.push(`  ${indent}${label}${type}{`);
    let same = 0;
    for (let i = 0; i < x.length; i++) {
      if (deepEqual(x[i], y[i])) { same++; continue; }
      elide(out, `${indent}\t`, same, 'element');
      same = 0;
      diffField(out, `${indent}\t`, '', '', x[i], y[i]);
    }
    elide(out, `${indent}\t`, same, 'element');
    out.push(`  ${indent}},`);
    return;
  }
  if (x !== undefined) out.push(`- ${indent}${label}${leaf(x)},`);
  if (y !== undefined) out.push(`+ ${indent}${label}${leaf(y)},`);
}

/** cmp.Diff(old, new) for two JSON objects of the named Go type; ends with a newline like go-cmp. */
export function cmpDiff(typeName: string, oldV: unknown, newV: unknown): string {
  if (deepEqual(oldV, newV)) return '';
  const out = [`  ${typeName}{`];
  diffObject(out, '\t', isObject(oldV) ? oldV : {}, isObject(newV) ? newV : {});
  out.push('  }');
  return `${out.join('\n')}\n`;
}

// -o yaml and -o json as kubectl prints them: keys sorted (Go maps), YAML from JSON as
// sigs.k8s.io/yaml emits it, JSON indented by 4 spaces.
import yaml from 'js-yaml';

/** Sorts object keys recursively (what marshalling a Go map does). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** -o yaml */
export function toYaml(obj: unknown): string {
  return yaml.dump(sortKeys(obj), { indent: 2, noArrayIndent: true, lineWidth: -1, quotingType: '"', noRefs: true, sortKeys: true });
}

/** -o json: Go's json.MarshalIndent(obj, "", "    "), which escapes <, > and &. */
export function toJson(obj: unknown): string {
  const s = JSON.stringify(sortKeys(obj), null, 4)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `${s}\n`;
}

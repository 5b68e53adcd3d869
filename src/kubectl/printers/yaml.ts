// -o yaml and -o json of unstructured objects as kubectl prints them: keys sorted (Go maps), YAML through
// the go-yaml v2 emitter (go-yaml.ts), JSON indented by 4 spaces with Go's HTML-safe escapes.
import { marshalYaml } from './go-yaml';
import { goJsonIndent } from './go-format';

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
  return marshalYaml(obj);
}

/** -o json: json.MarshalIndent(obj, "", "    ") plus a newline. */
export function toJson(obj: unknown): string {
  return `${goJsonIndent(obj)}\n`;
}

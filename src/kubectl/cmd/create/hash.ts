// --append-hash. Models k8s.io/kubectl/pkg/util/hash/hash.go: sha256 of a small JSON encoding of the
// object, its first ten hex digits with vowels and easily-misread digits swapped (encodeHash).

function goJson(v: Record<string, unknown>): string {
  // Go marshals maps with sorted keys; values here are strings or string maps.
  const sorted = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.keys(o).sort().map((k) => [k, typeof o[k] === 'object' && o[k] ? sorted(o[k] as Record<string, unknown>) : o[k]]));
  return JSON.stringify(sorted(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

async function encodeHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 10);
  const swap: Record<string, string> = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };
  return [...hex].map((c) => swap[c] ?? c).join('');
}

/** hash.ConfigMapHash. */
export function configMapHash(name: string, data: Record<string, string> | undefined): Promise<string> {
  const m: Record<string, unknown> = { kind: 'ConfigMap', name, data: data ?? {} };
  return encodeHash(goJson(m));
}

/** hash.SecretHash (data values base64, as Go encodes []byte). */
export function secretHash(name: string, type: string, data: Record<string, string> | undefined): Promise<string> {
  return encodeHash(goJson({ kind: 'Secret', type, name, data: data ?? {} }));
}

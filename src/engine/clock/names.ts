// Name and identity generators, as the API server and controllers use them.
import type { Rng } from './rng';

/**
 * The alphabet of generated name suffixes: no vowels (no accidental words) and no look-alike
 * characters. Models k8s.io/apimachinery/pkg/util/rand/rand.go alphanums.
 */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Models apiserver/pkg/storage/names/generate.go: maxNameLength 63, randomLength 5. */
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

/** A random string of n characters from NAME_ALPHABET (utilrand.String). */
export function randomString(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
  return s;
}

/** metadata.generateName → name: the base cut to 58 characters, then 5 random characters. */
export function generateName(rng: Rng, base: string): string {
  const b = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return b + randomString(rng, RANDOM_LENGTH);
}

/** A version-4-shaped UUID drawn from the seeded Rng (what metadata.uid looks like). */
export function newUid(rng: Rng): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  const variant = '89ab'[rng.int(4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/**
 * Models k8s.io/apimachinery/pkg/util/rand SafeEncodeString: maps each character of a hash onto
 * the name alphabet so that it can never form bad words (pod-template-hash, controller-revision-hash).
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

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
  // One flat string (joined, not concatenated): a uid built with += and a template is a tree of
  // string pieces until something flattens it, several times its 36 bytes, on every stored object.
  const variant = '89ab'[rng.int(4)];
  const out: string[] = [];
  const hex = (n: number) => {
    for (let i = 0; i < n; i++) out.push(HEX[rng.int(16)]);
  };
  hex(8);
  out.push('-');
  hex(4);
  out.push('-4');
  hex(3);
  out.push('-', variant);
  hex(3);
  out.push('-');
  hex(12);
  return out.join('');
}

const HEX = '0123456789abcdef';

/**
 * Models k8s.io/apimachinery/pkg/util/rand SafeEncodeString: maps each character of a hash onto
 * the name alphabet so that it can never form bad words (pod-template-hash, controller-revision-hash).
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../../api';
import { NAME_ALPHABET } from '../../clock';
import { canonicalJson, computeHash, controllerRevisionName, fnv32, fnv32a, hashControllerRevision } from './hash';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('FNV', () => {
  // Reference vectors of hash/fnv (Go) for "", "a", "foobar".
  const cases = [
    { name: 'empty', input: '', a: 0x811c9dc5, plain: 0x811c9dc5 },
    { name: 'a', input: 'a', a: 0xe40c292c, plain: 0x050c5d7e },
    { name: 'foobar', input: 'foobar', a: 0xbf9cf968, plain: 0x31f0b262 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(fnv32a(bytes(c.input))).toBe(c.a);
      expect(fnv32(bytes(c.input))).toBe(c.plain);
    });
  }
});

describe('computeHash', () => {
  const t: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };

  it('is stable, independent of key order, and uses only the safe alphabet', () => {
    const h = computeHash(t);
    const reordered: PodTemplateSpec = { spec: { containers: [{ image: 'nginx:1.25', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(reordered)).toBe(h);
    expect(h.length).toBeGreaterThanOrEqual(1);
    expect(h.length).toBeLessThanOrEqual(10);
    for (const ch of h) expect(NAME_ALPHABET).toContain(ch);
  });

  it('changes with the template and with the collision count', () => {
    const h = computeHash(t);
    const t2 = structuredClone(t);
    t2.spec!.containers[0].image = 'nginx:1.26';
    expect(computeHash(t2)).not.toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 2));
    expect(computeHash(t, null)).toBe(h);
  });
});

describe('hashControllerRevision', () => {
  it('hashes the raw bytes then the probe', () => {
    const raw = '{"spec":{"template":{"$patch":"replace"}}}';
    expect(hashControllerRevision(raw)).not.toBe(hashControllerRevision(raw, 1));
    expect(hashControllerRevision(raw)).toBe(hashControllerRevision(raw));
  });
  it('names revisions <prefix>-<hash>, cutting long prefixes', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'h')).toBe(`${'x'.repeat(223)}-h`);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

// JSON merge patch (RFC 7386) as evanphx/json-patch v4 applies and creates it, and the three-way
// JSON merge patch kubectl apply sends for kinds without a Go type.
import { describe, expect, it } from 'vitest';
import { createMergePatch, createThreeWayJsonMergePatch, jsonMergePatch, requireKeyUnchanged,
  requireMetadataKeyUnchanged } from './json-merge-patch';
import { PatchError } from './patch-errors';

describe('jsonMergePatch', () => {
  const cases = [
    { name: 'RFC 7386: change a value', target: { a: 'b' }, patch: { a: 'c' }, result: { a: 'c' } },
    { name: 'RFC 7386: add a key', target: { a: 'b' }, patch: { b: 'c' }, result: { a: 'b', b: 'c' } },
    { name: 'RFC 7386: null removes', target: { a: 'b' }, patch: { a: null }, result: {} },
    { name: 'RFC 7386: nested remove', target: { a: 'b', b: 'c' }, patch: { a: null }, result: { b: 'c' } },
    { name: 'RFC 7386: arrays are replaced', target: { a: ['b'] }, patch: { a: 'c' }, result: { a: 'c' } },
    { name: 'RFC 7386: object into scalar', target: { a: 'c' }, patch: { a: ['b'] }, result: { a: ['b'] } },
    { name: 'RFC 7386: deep merge', target: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, result: { a: { b: 'd' } } },
    { name: 'RFC 7386: nulls in a new object are dropped', target: {}, patch: { a: { bb: { ccc: null } } }, result: { a: { bb: {} } } },
    { name: 'kubectl scale: replicas on the scale', target: { spec: { replicas: 1 }, status: { replicas: 1 } },
      patch: { spec: { replicas: 3 } }, result: { spec: { replicas: 3 }, status: { replicas: 1 } } },
    { name: 'kubectl label: set and remove', target: { metadata: { labels: { a: '1', b: '2' } } },
      patch: { metadata: { labels: { a: null, c: '3' } } }, result: { metadata: { labels: { b: '2', c: '3' } } } },
    { name: 'an array patch replaces the document, nulls inside objects pruned', target: { a: 1 },
      patch: [{ x: null, y: 1 }, null], result: [{ y: 1 }, null] },
  ];
  it.each(cases)('$name', ({ target, patch, result }) => {
    const t = structuredClone(target);
    expect(jsonMergePatch(t, patch)).toEqual(result);
    expect(t).toEqual(target);
  });

  it('a null or scalar patch is ErrBadJSONPatch (400 "Invalid JSON Patch")', () => {
    for (const p of [null, 'x', 3]) {
      try {
        jsonMergePatch({}, p);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(PatchError);
        expect((e as PatchError).code).toBe(400);
        expect((e as PatchError).message).toBe('Invalid JSON Patch');
      }
    }
  });
});

describe('createMergePatch', () => {
  it('diffs objects: changes, additions, deletions as null, nested objects recursively', () => {
    expect(createMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1], f: 'x' }, { a: 1, b: { c: 4, d: 3 }, e: [1, 2], g: true }))
      .toEqual({ b: { c: 4 }, e: [1, 2], g: true, f: null });
  });
  it('equal objects give an empty patch', () => {
    expect(createMergePatch({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2 }] } })).toEqual({});
  });
});

describe('createThreeWayJsonMergePatch', () => {
  it('sends changes from live to config plus deletions from last-applied to config', () => {
    const original = { spec: { a: 1, b: 2 } };
    const modified = { spec: { a: 3 } };
    const current = { spec: { a: 1, b: 2, c: 'server' }, status: { x: 1 } };
    expect(createThreeWayJsonMergePatch(original, modified, current)).toEqual({ spec: { a: 3, b: null } });
  });
  it('reports changed identity through the preconditions kubectl passes', () => {
    const pre = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
    expect(() => createThreeWayJsonMergePatch({ metadata: { name: 'a' } }, { metadata: { name: 'b' } }, { metadata: { name: 'a' } }, ...pre))
      .toThrow('precondition failed for: map[metadata:map[name:b]]');
  });
});

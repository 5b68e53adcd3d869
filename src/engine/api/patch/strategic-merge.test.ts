// Applying strategic merge patches. Cases marked "upstream" are ported from apimachinery
// util/strategicpatch/patch_test.go (MergeItem schema); the others use Kubernetes shapes.
import { describe, expect, it } from 'vitest';
import { strategicMergePatch } from './strategic-merge';
import { PatchError } from './patch-errors';
import { goJsonMarshal } from './go-format';
import { mergeItem } from './testing/merge-item';
import { deployment, pod, service } from './testing/fixtures';
import type { PatchMeta } from './patch-meta';

interface Case {
  name: string;
  meta?: PatchMeta;
  original: unknown;
  patch: unknown;
  result: unknown;
}

const cases: Case[] = [
  {
    name: 'upstream: merge lists of maps by merge key',
    original: { mergingList: [{ name: 1, value: 1 }, { name: 2, value: 2 }] },
    patch: { mergingList: [{ name: 2, value: 3 }, { name: 3, value: 4 }] },
    result: { mergingList: [{ name: 1, value: 1 }, { name: 2, value: 3 }, { name: 3, value: 4 }] },
  },
  {
    name: 'upstream: null deletes a field of a map in a merging list',
    original: { mergingList: [{ name: 1, value: 1, other: 'a' }] },
    patch: { mergingList: [{ name: 1, other: null }] },
    result: { mergingList: [{ name: 1, value: 1 }] },
  },
  {
    name: 'upstream: $patch: delete removes every item with the key',
    original: { mergingList: [{ name: 1 }, { name: 2 }, { name: 1, value: 'dup' }] },
    patch: { mergingList: [{ name: 1, $patch: 'delete' }] },
    result: { mergingList: [{ name: 2 }] },
  },
  {
    name: 'upstream: $patch: delete of a missing item is a no-op',
    original: { mergingList: [{ name: 2 }] },
    patch: { mergingList: [{ name: 1, $patch: 'delete' }] },
    result: { mergingList: [{ name: 2 }] },
  },
  {
    name: 'upstream: $patch: replace replaces the whole list',
    original: { mergingList: [{ name: 1, value: 1 }, { name: 2 }] },
    patch: { mergingList: [{ name: 3 }, { $patch: 'replace' }] },
    result: { mergingList: [{ name: 3 }] },
  },
  {
    name: 'upstream: $patch: replace on a map replaces it',
    original: { simpleMap: { a: '1', b: '2' }, name: 'x' },
    patch: { simpleMap: { c: '3', $patch: 'replace' } },
    result: { simpleMap: { c: '3' }, name: 'x' },
  },
  {
    name: 'upstream: $patch: delete on a map empties it',
    original: { simpleMap: { a: '1' }, name: 'x' },
    patch: { simpleMap: { $patch: 'delete' } },
    result: { simpleMap: {}, name: 'x' },
  },
  {
    name: 'upstream: a list without merge strategy is replaced',
    original: { nonMergingList: [{ name: 1, value: 1 }, { name: 2 }] },
    patch: { nonMergingList: [{ name: 1, value: 2 }] },
    result: { nonMergingList: [{ name: 1, value: 2 }] },
  },
  {
    name: 'upstream: merging int lists union without duplicates',
    original: { mergingIntList: [1, 2] },
    patch: { mergingIntList: [2, 3] },
    result: { mergingIntList: [1, 2, 3] },
  },
  {
    name: 'upstream: $deleteFromPrimitiveList deletes from a primitive list',
    original: { mergingIntList: [1, 2, 3] },
    patch: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
    result: { mergingIntList: [1, 2] },
  },
  {
    name: 'upstream: $deleteFromPrimitiveList of a missing list adds nothing',
    original: { name: 'x' },
    patch: { '$deleteFromPrimitiveList/mergingIntList': [3] },
    result: { name: 'x' },
  },
  {
    name: 'upstream: $setElementOrder orders the merged list',
    original: { mergingList: [{ name: 1 }, { name: 2 }, { name: 3 }] },
    patch: { '$setElementOrder/mergingList': [{ name: 3 }, { name: 1 }, { name: 2 }] },
    result: { mergingList: [{ name: 3 }, { name: 1 }, { name: 2 }] },
  },
  {
    name: 'upstream: set elements order in a list with server-only items',
    original: { mergingList: [{ name: 1, other: 'a' }, { name: 3, value: 3 }, { name: 4, value: 4 }, { name: 2, value: 2 }, { name: 9 }] },
    patch: { '$setElementOrder/mergingList': [{ name: 4 }, { name: 2 }, { name: 3 }, { name: 1 }] },
    result: { mergingList: [{ name: 4, value: 4 }, { name: 2, value: 2 }, { name: 3, value: 3 }, { name: 1, other: 'a' }, { name: 9 }] },
  },
  {
    name: 'a server-only item goes before the first patch item the live order puts after it',
    original: { mergingList: [{ name: 1 }, { name: 2, value: 'server' }, { name: 3 }] },
    patch: { '$setElementOrder/mergingList': [{ name: 3 }, { name: 1 }], mergingList: [{ name: 3, value: 'x' }] },
    result: { mergingList: [{ name: 2, value: 'server' }, { name: 3, value: 'x' }, { name: 1 }] },
  },
  {
    name: 'upstream: add map and delete map from merging list (order follows the in-place delete)',
    original: { mergingList: [{ name: 1 }, { name: 2, other: 'b' }, { name: 4, other: 'c' }] },
    patch: { '$setElementOrder/mergingList': [{ name: 2 }, { name: 3 }], mergingList: [{ name: 3 }, { name: 1, $patch: 'delete' }] },
    result: { mergingList: [{ name: 2, other: 'b' }, { name: 4, other: 'c' }, { name: 3 }] },
  },
  {
    name: 'upstream: $retainKeys clears fields it does not list',
    original: { retainKeysMap: { name: 'foo', value: 'a', other: 'b' } },
    patch: { retainKeysMap: { $retainKeys: ['name', 'value'], value: 'c' } },
    result: { retainKeysMap: { name: 'foo', value: 'c' } },
  },
  {
    name: 'upstream: replace strategy on a field replaces the value',
    original: { replacingItem: { a: 1, b: { c: 2 } } },
    patch: { replacingItem: { b: { d: 3 } } },
    result: { replacingItem: { b: { d: 3 } } },
  },
  {
    name: 'a null patch value deletes; nulls inside new values are dropped',
    original: { name: 'x', simpleMap: { a: '1' } },
    patch: { name: null, value: { k: null, j: 1 } },
    result: { simpleMap: { a: '1' }, value: { j: 1 } },
  },
  {
    name: 'containers merge by name and keep the live defaults',
    meta: pod,
    original: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', imagePullPolicy: 'IfNotPresent' },
      { name: 'sidecar', image: 'busybox' }] } },
    patch: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1' }] } },
    result: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1', imagePullPolicy: 'IfNotPresent' },
      { name: 'sidecar', image: 'busybox' }] } },
  },
  {
    name: 'env entries merge by name; tolerations (no strategy) are replaced',
    meta: pod,
    original: { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
      tolerations: [{ key: 'a', operator: 'Exists' }] } },
    patch: { spec: { containers: [{ name: 'c', env: [{ name: 'B', value: '3' }] }], tolerations: [{ key: 'b', operator: 'Exists' }] } },
    result: { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }] }],
      tolerations: [{ key: 'b', operator: 'Exists' }] } },
  },
  {
    name: 'labels merge key by key, null removes one (kubectl label app-)',
    meta: deployment,
    original: { metadata: { labels: { app: 'web', tier: 'fe' } } },
    patch: { metadata: { labels: { tier: null, env: 'prod' } } },
    result: { metadata: { labels: { app: 'web', env: 'prod' } } },
  },
  {
    name: 'Service ports merge by port; without $setElementOrder new items come first',
    meta: service,
    original: { spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } },
    patch: { spec: { ports: [{ port: 443, targetPort: 8443 }] } },
    result: { spec: { ports: [{ port: 443, targetPort: 8443 }, { port: 80, protocol: 'TCP', targetPort: 80 }] } },
  },
  {
    name: 'finalizers merge as a set and $deleteFromPrimitiveList removes one',
    meta: deployment,
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
    result: { metadata: { finalizers: ['c', 'b'] } },
  },
  {
    name: 'a Deployment strategy switch with $retainKeys drops rollingUpdate',
    meta: deployment,
    original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    result: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'a top-level $patch: replace replaces the whole object',
    original: { name: 'a', value: 'b' },
    patch: { $patch: 'replace', name: 'c' },
    result: { name: 'c' },
  },
];

describe('strategicMergePatch', () => {
  it.each(cases)('$name', (c) => {
    const original = structuredClone(c.original);
    const patch = structuredClone(c.patch);
    const got = strategicMergePatch(original, patch, c.meta ?? mergeItem);
    expect(goJsonMarshal(got)).toBe(goJsonMarshal(c.result));
    expect(original).toEqual(c.original); // inputs are not mutated
    expect(patch).toEqual(c.patch);
  });

  interface ErrCase {
    name: string;
    original?: unknown;
    patch: unknown;
    code: number;
    message: string;
    detail?: string;
  }
  const errors: ErrCase[] = [
    {
      name: 'a merging-list item without its merge key is a 500 with the Go map text',
      original: { mergingList: [{ name: 1 }] },
      patch: { mergingList: [{ value: 'x', other: [1, 2] }] },
      code: 500, message: 'map: map[other:[1 2] value:x] does not contain declared merge key: name',
    },
    {
      name: '$patch: merge in a list is not supported',
      original: { mergingList: [{ name: 1 }] },
      patch: { mergingList: [{ $patch: 'merge' }] },
      code: 500, message: 'merging lists cannot yet be specified in the patch',
    },
    {
      name: 'an unknown directive',
      original: { mergingList: [{ name: 1 }] },
      patch: { mergingList: [{ name: 1, $patch: 'frobnicate' }] },
      code: 500, message: 'unknown patch type: frobnicate in map: map[$patch:frobnicate name:1]',
    },
    {
      name: 'lists of lists are a 422 with the generic message',
      original: { mergingList: [[1]] },
      patch: { mergingList: [[2]] },
      code: 422, message: 'the server rejected our request due to an error in our request', detail: 'lists of lists are not supported',
    },
    {
      name: 'a bad $retainKeys is a 400',
      original: { retainKeysMap: { name: 'a' } },
      patch: { retainKeysMap: { $retainKeys: 'name' } },
      code: 400, message: 'invalid patch format of retainKeys',
    },
    {
      name: 'a field missing from $retainKeys is a 400',
      original: { retainKeysMap: { name: 'a' } },
      patch: { retainKeysMap: { $retainKeys: ['name'], value: 'x' } },
      code: 400, message: 'invalid patch format of retainKeys',
    },
    {
      name: 'a $setElementOrder that contradicts the patch list',
      original: { mergingList: [{ name: 1 }, { name: 2 }] },
      patch: { '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }], mergingList: [{ name: 2 }, { name: 1 }] },
      code: 500, message: "The order in patch list:\n[map[name:2] map[name:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2]]\n",
    },
    {
      name: 'a patch that is not an object',
      patch: [1, 2],
      code: 400, message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
  ];
  it.each(errors)('error: $name', (c) => {
    let err: unknown;
    try {
      strategicMergePatch(c.original ?? {}, c.patch, mergeItem);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    const pe = err as PatchError;
    expect(pe.code).toBe(c.code);
    expect(pe.status.message).toBe(c.message);
    expect(pe.detail).toBe(c.detail ?? c.message);
  });

  it('answers a 500 Status without a reason, as ErrorToAPIStatus does for plain errors', () => {
    try {
      strategicMergePatch({ mergingList: [{ name: 1 }] }, { mergingList: [{ value: 1 }] }, mergeItem);
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
        message: 'map: map[value:1] does not contain declared merge key: name', code: 500 });
    }
  });
});

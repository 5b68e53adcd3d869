// The MergeItem test schema of apimachinery util/strategicpatch/patch_test.go, as a PatchMeta tree: the
// schema upstream's strategic merge patch cases are written against.
import { type PatchMeta, S, UNKNOWN, list, map, obj } from '../patch-meta';

const mergingList = (): PatchMeta => list(mergeItem, { strategy: 'merge', mergeKey: 'name' });

/** patch_test.go MergeItem */
export const mergeItem: PatchMeta = obj({
  name: S, value: S, other: S,
  mergingList,
  nonMergingList: () => list(mergeItem),
  mergingIntList: list(S, { strategy: 'merge' }),
  nonMergingIntList: list(S),
  mergeItemPtr: mergingList,
  simpleMap: map(S),
  replacingItem: { kind: 'unknown', patchStrategy: 'replace', field: () => undefined, elem: () => undefined },
  retainKeysMap: () => retainKeysMergeItem,
  retainKeysMergingList: () => list(mergeItem, { strategy: 'merge,retainKeys', mergeKey: 'name' }),
});

/** patch_test.go RetainKeysMergeItem (the retainKeysMap field, patchStrategy retainKeys) */
export const retainKeysMergeItem: PatchMeta = obj({
  name: S, value: S, other: S, simpleMap: map(S),
  mergingIntList: list(S, { strategy: 'merge' }),
  mergingList,
  nonMergingList: () => list(mergeItem),
}, { strategy: 'retainKeys' });

/** A free-form position, for tests that need one. */
export const untyped: PatchMeta = UNKNOWN;

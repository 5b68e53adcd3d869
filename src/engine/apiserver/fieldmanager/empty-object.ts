// What a kind's empty Go object looks like as JSON: the "live" object a create is compared with
// (scheme.New + conversion in upstream's create and apply handlers). Non-pointer structs are always
// written ({}), slices and pointers without omitempty as null, metav1.Time as null; api/schema's
// fillZeroValues knows which. It decides which created fields get a "." entry in managedFields: a map
// or pointer struct the empty object lacks is itself "added" (`f:labels: {.: {}, …}`); one it has is not.
import type { KubeObject } from '../../api/types';
import { fillZeroValues } from '../../api/schema';
import { deepFreeze } from '../../api/meta';

/** The empty object of a kind, with apiVersion and kind set (shared, frozen). */
export function emptyObjectFor(apiVersion: string, kind: string | undefined): KubeObject {
  const key = `${apiVersion}/${kind ?? ''}`;
  let o = cache.get(key);
  if (!o) {
    o = deepFreeze(build(apiVersion, kind));
    cache.set(key, o);
  }
  return o;
}

// Shared and frozen: the field manager only reads it.
const cache = new Map<string, KubeObject>();

function build(apiVersion: string, kind: string | undefined): KubeObject {
  const zero = kind ? (fillZeroValues({}, apiVersion, kind) as Record<string, unknown>) : {};
  return { apiVersion, ...(kind ? { kind } : {}), metadata: { creationTimestamp: null }, ...zero } as unknown as KubeObject;
}

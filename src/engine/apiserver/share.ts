// Structural sharing between an object's versions. A status write decodes a fresh copy of the whole
// status, though most of it (conditions, container statuses) is what the stored version holds: the
// parts equal to the stored ones — same keys in the same order, same values — are replaced by the
// stored parts themselves. The field manager's compare then skips them (it skips identical values),
// and the new version holds no copy of what did not change.

/**
 * `next` with every part equal to the same part of `prev` replaced by prev's (in place: `next` must
 * be a fresh decoded value nobody else holds). Returns `prev` itself when all of `next` equals it.
 */
export function shareUnchanged(prev: unknown, next: unknown): unknown {
  if (prev === next || prev === null || next === null || typeof prev !== 'object' || typeof next !== 'object') {
    return prev === next ? prev : next;
  }
  // A frozen value (shared, e.g. managed fields) is not ours to edit.
  if (Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const s = i < prev.length ? shareUnchanged(prev[i], next[i]) : next[i];
      if (s !== next[i]) next[i] = s;
      if (s !== prev[i]) same = false;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const pk = Object.keys(p);
  const nk = Object.keys(n);
  let same = pk.length === nk.length;
  for (let i = 0; i < nk.length; i++) {
    const k = nk[i];
    if (same && pk[i] !== k) same = false;
    if (!Object.prototype.hasOwnProperty.call(p, k)) {
      same = false;
      continue;
    }
    const s = shareUnchanged(p[k], n[k]);
    if (s !== n[k]) n[k] = s;
    if (s !== p[k]) same = false;
  }
  return same ? prev : next;
}

// Ownership bookkeeping for one write. Models structured-merge-diff/v4 merge/update.go (Updater.update,
// Update, Apply, prune, addBackOwnedItems, addBackDanglingItems). Kubernetes' kinds are served at one
// version here, so no conversion between managers' versions happens.
import type { Json, PatchMeta } from '../../api/patch';
import { deepEqual } from '../../api/meta';
import { FieldSet } from './fieldset';
import { type Comparison, compare, excludeFields } from './compare';
import { toFieldSet } from './to-field-set';
import { mergeValues } from './merge';
import { ensureNamedFieldsAreMembers, removeItems } from './remove';
import type { VersionedSet } from './managed-fields';
import { ConflictsError, conflictsFromManagers } from './conflict';

/** What the updater needs to know about the object's type. */
export interface UpdaterContext {
  readonly meta: PatchMeta | undefined;
  /** The strategy's reset fields (IgnoreFilter): changes there are nobody's. */
  readonly reset: FieldSet | undefined;
}

type Managers = Map<string, VersionedSet>;

function filter(set: FieldSet, reset: FieldSet | undefined): FieldSet {
  return reset && !reset.empty ? set.recursiveDifference(reset) : set;
}

// Updater.update: other managers lose what this write changes (or it conflicts, unless forced) and
// what it removes.
function update(ctx: UpdaterContext, oldObj: Json | undefined, newObj: Json | undefined, managers: Managers, workflow: string,
  force: boolean): Comparison {
  const cmp = excludeFields(compare(oldObj, newObj, ctx.meta), ctx.reset);
  const changed = cmp.modified.union(cmp.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    const c = vs.set.intersection(changed);
    if (!c.empty) conflicts.set(manager, c);
  }
  if (!force && conflicts.size > 0) throw new ConflictsError(conflictsFromManagers(conflicts));
  for (const [manager, vs] of [...managers]) {
    if (manager === workflow) continue;
    let set = vs.set;
    const c = conflicts.get(manager);
    if (c) set = set.difference(c);
    if (!cmp.removed.empty) set = set.difference(cmp.removed);
    if (set.empty) managers.delete(manager);
    else if (set !== vs.set) managers.set(manager, { ...vs, set });
  }
  return cmp;
}

/** Updater.Update: `manager` (an updater) owns what changed; `managers` is updated in place. */
export function updaterUpdate(ctx: UpdaterContext, live: Json | undefined, next: Json | undefined, version: string, managers: Managers,
  manager: string): void {
  const cmp = update(ctx, live, next, managers, manager, true);
  const prev = managers.get(manager)?.set ?? FieldSet.EMPTY;
  const set = filter(prev.difference(cmp.removed).union(cmp.modified).union(cmp.added), ctx.reset);
  if (set.empty) managers.delete(manager);
  else managers.set(manager, { set, apiVersion: version, applied: false });
}

/**
 * Updater.Apply: merges `config` into `live`, makes `manager` own exactly what `config` sets, prunes
 * what it applied before and no longer does (unless someone else owns it), and takes fields from
 * others only when forced. Returns the new object, or undefined when nothing changed.
 */
export function updaterApply(ctx: UpdaterContext, live: Json | undefined, config: Json, version: string, managers: Managers,
  manager: string, force: boolean): Json | undefined {
  let merged = mergeValues(live, config, ctx.meta);
  const lastSet = managers.get(manager);
  const set = filter(toFieldSet(config, ctx.meta), ctx.reset);
  managers.set(manager, { set, apiVersion: version, applied: true });
  merged = prune(ctx, merged, managers, lastSet);
  update(ctx, live, merged, managers, manager, force);
  return deepEqual(live, merged) ? undefined : merged;
}

// Updater.prune: removes a field iff the applier applied it last time, does not apply it now, and
// no one else owns it.
function prune(ctx: UpdaterContext, merged: Json | undefined, managers: Managers, lastSet: VersionedSet | undefined): Json | undefined {
  if (!lastSet || lastSet.set.empty || merged === undefined) return merged;
  const ensure = (s: FieldSet) => ensureNamedFieldsAreMembers(s, ctx.meta);
  const last = ensure(lastSet.set);
  let pruned = removeItems(merged, last, ctx.meta);
  // addBackOwnedItems: everything owned by anyone comes back.
  let owned = FieldSet.EMPTY;
  for (const vs of managers.values()) owned = owned.union(vs.set);
  const mergedSet = ensure(toFieldSet(merged, ctx.meta));
  pruned = removeItems(merged, mergedSet.difference(ensure(toFieldSet(pruned, ctx.meta)).union(ensure(owned))), ctx.meta);
  // addBackDanglingItems: what no one owns and the applier did not apply last time (defaults) stays.
  const prunedSet = ensure(toFieldSet(pruned, ctx.meta));
  return removeItems(merged, mergedSet.difference(prunedSet).intersection(last), ctx.meta);
}

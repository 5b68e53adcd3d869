// Merging an applied configuration into the live object. Models structured-merge-diff/v4
// typed/merge.go with ruleKeepRHS: leaves (scalars, atomic values, lists or maps empty on both sides)
// take the configuration's value; maps merge key by key; associative lists merge item by item,
// keeping live-only items and ordering shared items as the configuration does.
import { type Json, type JsonObject, type PatchMeta, isObject } from '../../api/patch';
import { type PE, fieldPE, peString, pathString } from './path-element';
import { type Atom, ValidationError, atomOf, fieldMetaOf, itemMetaOf, listItemPE } from './schema';

/** TypedValue.Merge(rhs): the live object with the configuration merged in (inputs untouched). */
export function mergeValues(lhs: Json | undefined, rhs: Json | undefined, meta: PatchMeta | undefined): Json | undefined {
  return merge(lhs, rhs, meta, []);
}

function merge(lhs: Json | undefined, rhs: Json | undefined, meta: PatchMeta | undefined, path: PE[]): Json | undefined {
  if (lhs === undefined) return rhs;
  if (rhs === undefined || lhs === rhs) return lhs;
  const atom = atomOf(meta, rhs);
  if (atom.t === 'scalar') return rhs;
  if (atom.t === 'list') return mergeList(atom, lhs, rhs, path);
  return mergeMap(atom, lhs, rhs, path);
}

function mergeMap(atom: Atom & { t: 'struct' | 'map' }, lhs: Json, rhs: Json, path: PE[]): Json | undefined {
  const l = isObject(lhs) ? lhs : undefined;
  const r = isObject(rhs) ? rhs : undefined;
  if ((lhs !== null && !l) || (rhs !== null && !r)) return rhs;
  const lEmpty = !l || Object.keys(l).length === 0;
  const rEmpty = !r || Object.keys(r).length === 0;
  if (atom.atomic || (lEmpty && rEmpty)) return rhs;
  const out: JsonObject = {};
  if (l) {
    for (const k of Object.keys(l)) {
      if (l[k] === undefined) continue;
      path.push(fieldPE(k));
      const v = merge(l[k], r && Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined, fieldMetaOf(atom, k), path);
      path.pop();
      if (v !== undefined) out[k] = v;
    }
  }
  if (r) {
    for (const k of Object.keys(r)) {
      if (r[k] === undefined || (l && Object.prototype.hasOwnProperty.call(l, k))) continue;
      out[k] = r[k];
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

// Indexes a list by path element (mergingWalker.indexListPathElements). The live list may hold
// duplicated keys (their value is then unknown: null); the configuration may not.
function indexItems(atom: Atom & { t: 'list' }, list: Json[], allowDuplicates: boolean, path: PE[]): [PE[], Map<PE, Json>] {
  const observed = new Map<PE, Json>();
  const pes: PE[] = [];
  for (let i = 0; i < list.length; i++) {
    const pe = listItemPE(atom, list[i], i, path);
    if (observed.has(pe)) {
      if (!allowDuplicates) throw new ValidationError(pathString(path), `duplicate entries for key ${peString(pe)}`);
      observed.set(pe, null);
    } else {
      observed.set(pe, list[i]);
    }
    pes.push(pe);
  }
  return [pes, observed];
}

function mergeList(atom: Atom & { t: 'list' }, lhs: Json, rhs: Json, path: PE[]): Json | undefined {
  const l = Array.isArray(lhs) ? lhs : undefined;
  const r = Array.isArray(rhs) ? rhs : undefined;
  if ((lhs !== null && !l) || (rhs !== null && !r)) return rhs;
  if (atom.atomic || ((!l || l.length === 0) && (!r || r.length === 0))) return rhs;
  const lhsList = l ?? [];
  const [rhsPEs, observedRHS] = indexItems(atom, r ?? [], false, path);
  const [lhsPEs, observedLHS] = indexItems(atom, lhsList, true, path);
  const items = itemMetaOf(atom);
  const out: Json[] = [];
  const mergeItem = (pe: PE, lc: Json | undefined, rc: Json | undefined) => {
    path.push(pe);
    const v = merge(lc, rc, items, path);
    path.pop();
    if (v !== undefined) out.push(v);
  };
  // Shared items (in both lists) follow the configuration's order; live-only items stay where they
  // were relative to the shared ones; configuration-only items come in its order.
  const sharedOrder = rhsPEs.filter((pe) => observedLHS.has(pe));
  let sharedIdx = 0;
  let nextShared: PE | undefined = sharedOrder[sharedIdx++];
  const mergedRHS = new Set<PE>();
  const lLen = lhsPEs.length;
  const rLen = rhsPEs.length;
  for (let lI = 0, rI = 0; lI < lLen || rI < rLen;) {
    if (lI < lLen && rI < rLen) {
      const pe = lhsPEs[lI];
      if (pe === rhsPEs[rI]) {
        mergedRHS.add(pe);
        mergeItem(pe, observedLHS.get(pe), observedRHS.get(pe));
        lI++;
        rI++;
        nextShared = sharedOrder[sharedIdx++];
        continue;
      }
      if (observedRHS.has(pe) && nextShared !== undefined && nextShared !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < lLen) {
      const pe = lhsPEs[lI];
      if (!observedRHS.has(pe)) {
        mergeItem(pe, lhsList[lI], undefined);
        lI++;
        continue;
      } else if (mergedRHS.has(pe)) {
        lI++;
      }
    }
    if (rI < rLen) {
      const pe = rhsPEs[rI];
      mergedRHS.add(pe);
      mergeItem(pe, observedLHS.get(pe), observedRHS.get(pe));
      rI++;
      if (nextShared !== undefined && nextShared === pe) nextShared = sharedOrder[sharedIdx++];
    }
  }
  return out.length > 0 ? out : undefined;
}

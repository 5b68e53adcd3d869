// Selector helpers the plugins share: combining selectors, and counting a node's pods that match one
// through the node's label index instead of testing every pod (the scheduler does this per node per
// pod, so it is the hottest loop after the filters).
import type { Selector, Requirement } from '../../api';
import { EVERYTHING, selectorFromSet } from '../../api';

class AndSelector implements Selector {
  readonly requirements: readonly Requirement[];
  constructor(private readonly parts: readonly Selector[]) {
    this.requirements = parts.flatMap((p) => p.requirements);
  }
  get nothing(): boolean {
    return this.parts.some((p) => p.nothing);
  }
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    for (const p of this.parts) if (!p.matches(labels)) return false;
    return true;
  }
  empty(): boolean {
    return this.parts.every((p) => p.empty());
  }
  toString(): string {
    return this.parts.map((p) => p.toString()).filter((s) => s).join(',');
  }
}

/** labels.Selector.Add of another selector's requirements: both must match. */
export function andSelectors(...parts: Selector[]): Selector {
  const ps = parts.filter((p) => !p.empty() || p.nothing);
  if (ps.length === 0) return parts[0] ?? EVERYTHING;
  if (ps.length === 1) return ps[0];
  return new AndSelector(ps);
}

/** labels.Set.AsSelector. */
export function setSelector(set: Readonly<Record<string, string>>): Selector {
  return selectorFromSet(set);
}

/**
 * The equality requirements a label index can answer ("app=web", "app in (web)"): the first one is
 * looked up, the rest tested. Undefined when the selector has none (then every pod is tested).
 */
export function indexableRequirement(sel: Selector): Requirement | undefined {
  for (const r of sel.requirements) {
    if ((r.op === '=' || r.op === '==' || r.op === 'in') && r.values.length === 1) return r;
  }
  return undefined;
}

/** The label-index key of a namespace and label. */
export function labelIndexKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

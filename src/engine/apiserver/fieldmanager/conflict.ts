// Server-side apply conflicts and the 409 the API server answers with. Models
// structured-merge-diff/v4 merge/conflict.go (ConflictsFromManagers) and apimachinery
// util/managedfields/internal/conflict.go (NewConflictError, getConflictMessage, printManager).
import { type StatusError, newApplyConflict } from '../../api/errors';
import { goQuote } from '../../api/patch';
import type { FieldSet } from './fieldset';
import { type Path, pathString } from './path-element';
import { parseManagerIdentifier } from './managed-fields';

/** One conflict: a field the applier would change that another manager owns. */
export interface Conflict {
  /** The other manager's identifier (see buildManagerIdentifier). */
  readonly manager: string;
  readonly path: Path;
}

/** The error a non-forced apply meets (merge.Conflicts). */
export class ConflictsError extends Error {
  constructor(readonly conflicts: readonly Conflict[]) {
    super('conflicts');
  }
}

/**
 * ConflictsFromManagers: every conflicting path of every manager, in Set.Iterate order.
 * Deviation: upstream walks a Go map (random manager order, which only the causes show); we sort by identifier.
 */
export function conflictsFromManagers(sets: ReadonlyMap<string, FieldSet>): Conflict[] {
  const out: Conflict[] = [];
  for (const manager of [...sets.keys()].sort()) {
    sets.get(manager)!.iterate((path) => out.push({ manager, path }));
  }
  return out;
}

/**
 * printManager: `"kubectl-scale" with subresource "scale" using apps/v1` for an updater,
 * `"kubectl"` for an applier.
 */
export function printManager(id: string): string {
  const m = parseManagerIdentifier(id);
  if (m.manager === undefined && m.operation === undefined) return goQuote(id);
  let s = goQuote(m.manager ?? '');
  if (m.subresource) s = `${s} with subresource ${goQuote(m.subresource)}`;
  if (m.operation === 'Update') return `${s} using ${m.apiVersion ?? ''}`;
  return s;
}

/**
 * getConflictMessage:
 * `Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas`, or for
 * several, one "conflicts with <manager>:" line per manager (sorted) followed by "- <path>" lines.
 */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].manager)}: ${pathString(conflicts[0].path)}`;
  }
  const byManager = new Map<string, Path[]>();
  for (const c of conflicts) {
    const paths = byManager.get(c.manager) ?? [];
    paths.push(c.path);
    byManager.set(c.manager, paths);
  }
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${printManager(manager)}:`);
    for (const p of byManager.get(manager)!) lines.push(`- ${pathString(p)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** NewConflictError: 409 Conflict with one FieldManagerConflict cause per conflicting field. */
export function newConflictError(conflicts: readonly Conflict[]): StatusError {
  return newApplyConflict(conflicts.map((c) => ({ field: pathString(c.path), message: `conflict with ${printManager(c.manager)}` })),
    conflictMessage(conflicts));
}

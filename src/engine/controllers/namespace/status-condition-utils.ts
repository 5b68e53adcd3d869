// The conditions of a Terminating namespace. Models pkg/controller/namespace/deletion/status_condition_utils.go.
import type { Namespace } from '../../api';
import { rfc3339, type SimMillis } from '../../clock';

type NamespaceStatus = NonNullable<Namespace['status']>;
type NamespaceCondition = NonNullable<NamespaceStatus['conditions']>[number];

/** The condition types, in the order they are first written. */
export const CONDITION_TYPES = ['NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure', 'NamespaceContentRemaining', 'NamespaceFinalizersRemaining'] as const;

const OK_MESSAGES: Record<string, string> = {
  NamespaceDeletionDiscoveryFailure: 'All resources successfully discovered',
  NamespaceDeletionGroupVersionParsingFailure: 'All legacy kube types successfully parsed',
  NamespaceDeletionContentFailure: 'All content successfully deleted, may be waiting on finalization',
  NamespaceContentRemaining: 'All content successfully removed',
  NamespaceFinalizersRemaining: 'All content-preserving finalizers finished',
};
const OK_REASONS: Record<string, string> = {
  NamespaceDeletionDiscoveryFailure: 'ResourcesDiscovered',
  NamespaceDeletionGroupVersionParsingFailure: 'ParsedGroupVersions',
  NamespaceDeletionContentFailure: 'ContentDeleted',
  NamespaceContentRemaining: 'ContentRemoved',
  NamespaceFinalizersRemaining: 'ContentHasNoFinalizers',
};

/** What is left after one deletion pass (allGVRDeletionMetadata). */
export interface ContentTotals {
  /** "<resource>.<group>" → remaining instances. */
  gvrToNumRemaining: Map<string, number>;
  finalizersToNumRemaining: Map<string, number>;
}

/** namespaceConditionUpdater: collects the failure conditions of one pass, then merges them into the status. */
export class NamespaceConditionUpdater {
  private readonly newConditions: NamespaceCondition[] = [];
  private readonly deleteContentErrors: string[] = [];

  constructor(private readonly now: SimMillis) {}

  /** ProcessDeleteContentErr. */
  processDeleteContentErr(message: string): void {
    this.deleteContentErrors.push(message);
  }

  /** ProcessContentTotals: ContentRemaining and FinalizersRemaining, listed in sorted order. */
  processContentTotals(t: ContentTotals): void {
    const t0 = rfc3339(this.now);
    if (t.gvrToNumRemaining.size) {
      const remaining = [...t.gvrToNumRemaining].filter(([, n]) => n !== 0).map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
      this.newConditions.push({ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: t0, reason: 'SomeResourcesRemain',
        message: `Some resources are remaining: ${remaining.join(', ')}` });
    }
    if (t.finalizersToNumRemaining.size) {
      const remaining = [...t.finalizersToNumRemaining].filter(([, n]) => n !== 0).map(([f, n]) => `${f} in ${n} resource instances`).sort();
      this.newConditions.push({ type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: t0, reason: 'SomeFinalizersRemain',
        message: `Some content in the namespace has finalizers remaining: ${remaining.join(', ')}` });
    }
  }

  /** Update: merges into `status`; true when anything changed. */
  update(status: NamespaceStatus): boolean {
    const t0 = rfc3339(this.now);
    if (!this.newConditions.some((c) => c.type === 'NamespaceDeletionContentFailure') && this.deleteContentErrors.length) {
      const msgs = [...this.deleteContentErrors].sort();
      this.newConditions.push({ type: 'NamespaceDeletionContentFailure', status: 'True', lastTransitionTime: t0, reason: 'ContentDeletionFailed',
        message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}` });
    }
    let changed = false;
    const conditions = [...(status.conditions ?? [])].map((c) => ({ ...c }));
    for (const type of CONDITION_TYPES) {
      const next = this.newConditions.find((c) => c.type === type)
        ?? { type, status: 'False', lastTransitionTime: t0, reason: OK_REASONS[type], message: OK_MESSAGES[type] };
      const old = conditions.find((c) => c.type === type);
      if (!old) {
        conditions.push(next);
        changed = true;
      } else if (old.status !== next.status || old.message !== next.message || old.reason !== next.reason) {
        if (old.status !== next.status) old.lastTransitionTime = t0;
        old.status = next.status;
        old.reason = next.reason;
        old.message = next.message;
        changed = true;
      }
    }
    if (changed) status.conditions = conditions;
    return changed;
  }
}

// Rolling back to an earlier revision through the deprecated rollback annotation.
// Models pkg/controller/deployment/rollback.go. (`kubectl rollout undo` v1.32 patches the template
// itself; the annotation path remains for clients that set deprecated.deployment.rollback.to.)
import type { Deployment, ReplicaSet } from '../../api';
import { R } from '../../client';
import { recordEvent, type DeploymentSyncContext } from './context';
import { getAllReplicaSetsAndSyncRevision } from './sync';
import { equalIgnoreHash, setFromReplicaSetTemplate } from './template';
import {
  DEPRECATED_ROLLBACK_TO, ROLLBACK_DONE, ROLLBACK_REVISION_NOT_FOUND, ROLLBACK_TEMPLATE_UNCHANGED, lastRevision, revisionOf,
  setDeploymentAnnotationsTo,
} from './util';

/** getRollbackTo: the revision asked for (0 = the previous one), or undefined. */
export function getRollbackTo(d: Deployment): number | undefined {
  const v = d.metadata?.annotations?.[DEPRECATED_ROLLBACK_TO];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/** rollback: copy the revision's template into the Deployment, then clear the request. */
export function rollback(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, allOld] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  const allRSs = [...allOld, newRS];
  let revision = getRollbackTo(d)!;
  if (revision === 0) {
    revision = lastRevision(allRSs);
    if (revision === 0) {
      recordEvent(dc, d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, 'Unable to find last revision.');
      return updateDeploymentAndClearRollbackTo(dc, d);
    }
  }
  for (const rs of allRSs) {
    if (!rs || revisionOf(rs) !== revision) continue;
    const performed = rollbackToTemplate(dc, d, rs);
    if (performed) recordEvent(dc, d, 'Normal', ROLLBACK_DONE, `Rolled back deployment "${d.metadata?.name}" to revision ${revision}`);
    return;
  }
  recordEvent(dc, d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, 'Unable to find the revision to rollback to.');
  updateDeploymentAndClearRollbackTo(dc, d);
}

/** rollbackToTemplate: true when the template changed. */
function rollbackToTemplate(dc: DeploymentSyncContext, d: Deployment, rs: ReplicaSet): boolean {
  let performed = false;
  if (!equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
    setFromReplicaSetTemplate(d, rs.spec!.template!);
    setDeploymentAnnotationsTo(d, rs);
    performed = true;
  } else {
    recordEvent(dc, d, 'Warning', ROLLBACK_TEMPLATE_UNCHANGED,
      `The rollback revision contains the same template as current deployment "${d.metadata?.name}"`);
  }
  updateDeploymentAndClearRollbackTo(dc, d);
  return performed;
}

/** updateDeploymentAndClearRollbackTo. */
function updateDeploymentAndClearRollbackTo(dc: DeploymentSyncContext, d: Deployment): void {
  const ann = { ...(d.metadata?.annotations ?? {}) };
  delete ann[DEPRECATED_ROLLBACK_TO];
  d.metadata = { ...d.metadata, annotations: ann };
  dc.client.update(R.deployments, d);
}

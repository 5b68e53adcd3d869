// apps/v1 defaults.
// Models pkg/apis/apps/v1/defaults.go and pkg/apis/apps/v1/zz_generated.defaults.go, which also runs
// the core pod-template defaults on every template and the PVC defaults on volumeClaimTemplates.
import { type Obj, child, objAt, objects, defaultPtr, defaultString, defaultResourceList } from './util';
import { defaultPodTemplateSpec } from './pod-spec';
import { defaultPersistentVolumeClaimSpec } from './volumes';

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(d: Obj): void {
  const spec = child(d, 'spec');
  defaultPtr(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    defaultPtr(ru, 'maxUnavailable', '25%');
    defaultPtr(ru, 'maxSurge', '25%');
  }
  defaultPtr(spec, 'revisionHistoryLimit', 10);
  defaultPtr(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplateSpec(objAt(spec, 'template'));
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function defaultReplicaSet(rs: Obj): void {
  const spec = child(rs, 'spec');
  defaultPtr(spec, 'replicas', 1);
  defaultPodTemplateSpec(objAt(spec, 'template'));
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10. */
export function defaultDaemonSet(ds: Obj): void {
  const spec = child(ds, 'spec');
  const strategy = child(spec, 'updateStrategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    defaultPtr(ru, 'maxUnavailable', 1);
    defaultPtr(ru, 'maxSurge', 0);
  }
  defaultPtr(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(objAt(spec, 'template'));
}

/**
 * SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0 (the rollingUpdate block is
 * only created when the type was unset), Retain/Retain claim retention (StatefulSetAutoDeletePVC is GA
 * in v1.32), replicas 1, revisionHistoryLimit 10. Each volumeClaimTemplate gets the PVC defaults,
 * status phase Pending included — it shows in `kubectl get sts -o yaml`.
 */
export function defaultStatefulSet(sts: Obj): void {
  const spec = child(sts, 'spec');
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy');
  if (strategy.type === undefined || strategy.type === null || strategy.type === '') {
    strategy.type = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  const ru = objAt(strategy, 'rollingUpdate');
  // MaxUnavailableStatefulSet (which would default rollingUpdate.maxUnavailable to 1) is alpha, off in v1.32.
  if (strategy.type === 'RollingUpdate' && ru) defaultPtr(ru, 'partition', 0);
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  defaultString(retention, 'whenDeleted', 'Retain');
  defaultString(retention, 'whenScaled', 'Retain');
  defaultPtr(spec, 'replicas', 1);
  defaultPtr(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(objAt(spec, 'template'));
  for (const claim of objects(spec, 'volumeClaimTemplates')) {
    const status = child(claim, 'status');
    defaultString(status, 'phase', 'Pending');
    defaultPersistentVolumeClaimSpec(child(claim, 'spec'));
    defaultResourceList(status, 'capacity');
    defaultResourceList(status, 'allocatedResources');
  }
}

// Printers of the replicated workloads: ReplicaSet, Deployment, StatefulSet, DaemonSet,
// ControllerRevision and ReplicationController.
// Models pkg/printers/internalversion/printers.go printReplicaSet, printDeployment, printStatefulSet,
// printDaemonSet, printControllerRevision, printReplicationController (v1.32).
import { controllerOf, formatLabelSelector, labelSelectorAsSelector, parseApiVersion } from '../../api';
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from '../../api';
import type { ReplicationController } from 'kubernetes-types/core/v1';
import { age, formatLabels, layoutContainerCells, nameOf } from './format';
import { AGE, CONTAINERS, IMAGES, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

// spec.replicas of these kinds defaults to 1 (apps/v1 and core/v1 SetDefaults_*); a stored object
// always has it, so the default only matters for objects that skipped defaulting.
const replicasOf = (spec: { replicas?: number } | undefined): number => spec?.replicas ?? 1;

/** ReplicaSet: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR. */
export const replicaSetHandler: TableHandler<ReplicaSet> = {
  columns: [
    NAME,
    col('Desired', 'integer', doc('extensionsv1beta1.ReplicaSetSpec.replicas')),
    col('Current', 'integer', doc('extensionsv1beta1.ReplicaSetStatus.replicas')),
    col('Ready', 'integer', doc('extensionsv1beta1.ReplicaSetStatus.readyReplicas')),
    AGE, CONTAINERS, IMAGES,
    col('Selector', 'string', doc('extensionsv1beta1.ReplicaSetSpec.selector'), { priority: 1 }),
  ],
  cells(rs, now) {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [nameOf(rs), replicasOf(rs.spec), rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0, age(rs, now),
      names, images, formatLabelSelector(rs.spec?.selector)];
  },
};

/** Deployment: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR. */
export const deploymentHandler: TableHandler<Deployment> = {
  columns: [
    NAME,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', doc('extensionsv1beta1.DeploymentStatus.updatedReplicas')),
    col('Available', 'string', doc('extensionsv1beta1.DeploymentStatus.availableReplicas')),
    AGE, CONTAINERS, IMAGES,
    col('Selector', 'string', doc('extensionsv1beta1.DeploymentSpec.selector'), { priority: 1 }),
  ],
  cells(d, now) {
    // printDeployment uses Selector.String() (no "<none>"), "<invalid>" when it does not convert.
    let selector: string;
    try {
      selector = labelSelectorAsSelector(d.spec?.selector).toString();
    } catch {
      selector = '<invalid>';
    }
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [nameOf(d), `${d.status?.readyReplicas ?? 0}/${replicasOf(d.spec)}`, d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0, age(d, now), names, images, selector];
  },
};

/** StatefulSet: NAME READY AGE | CONTAINERS IMAGES. */
export const statefulSetHandler: TableHandler<StatefulSet> = {
  columns: [NAME, col('Ready', 'string', 'Number of the pod with ready state'), AGE, CONTAINERS, IMAGES],
  cells(s, now) {
    const [names, images] = layoutContainerCells(s.spec?.template?.spec?.containers);
    return [nameOf(s), `${s.status?.readyReplicas ?? 0}/${replicasOf(s.spec)}`, age(s, now), names, images];
  },
};

/** DaemonSet: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR. */
export const daemonSetHandler: TableHandler<DaemonSet> = {
  columns: [
    NAME,
    col('Desired', 'integer', doc('extensionsv1beta1.DaemonSetStatus.desiredNumberScheduled')),
    col('Current', 'integer', doc('extensionsv1beta1.DaemonSetStatus.currentNumberScheduled')),
    col('Ready', 'integer', doc('extensionsv1beta1.DaemonSetStatus.numberReady')),
    col('Up-to-date', 'integer', doc('extensionsv1beta1.DaemonSetStatus.updatedNumberScheduled')),
    col('Available', 'integer', doc('extensionsv1beta1.DaemonSetStatus.numberAvailable')),
    col('Node Selector', 'string', doc('apiv1.PodSpec.nodeSelector')),
    AGE, CONTAINERS, IMAGES,
    col('Selector', 'string', doc('extensionsv1beta1.DaemonSetSpec.selector'), { priority: 1 }),
  ],
  cells(ds, now) {
    const st = ds.status;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [nameOf(ds), st?.desiredNumberScheduled ?? 0, st?.currentNumberScheduled ?? 0, st?.numberReady ?? 0,
      st?.updatedNumberScheduled ?? 0, st?.numberAvailable ?? 0, formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(ds, now), names, images, formatLabelSelector(ds.spec?.selector)];
  },
};

/** formatResourceName with kind: "daemonset.apps/foo", "statefulset.apps/web". */
export function formatResourceName(group: string, kind: string, name: string): string {
  if (!group && !kind) return name;
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${name}`;
}

/** ControllerRevision: NAME CONTROLLER REVISION AGE. */
export const controllerRevisionHandler: TableHandler<ControllerRevision> = {
  columns: [
    NAME,
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'string', doc('appsv1beta1.ControllerRevision.revision')),
    AGE,
  ],
  cells(cr, now) {
    const ref = controllerOf(cr);
    // Deviation: upstream fails the whole request when the owner's apiVersion has two slashes; the
    // sim splits at the first one.
    const controller = ref ? formatResourceName(parseApiVersion(ref.apiVersion ?? '').group, ref.kind ?? '', ref.name ?? '')
      : '<none>';
    return [nameOf(cr), controller, cr.revision ?? 0, age(cr, now)];
  },
};

/** ReplicationController: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR. */
export const replicationControllerHandler: TableHandler<ReplicationController> = {
  columns: [
    NAME,
    col('Desired', 'integer', doc('apiv1.ReplicationControllerSpec.replicas')),
    col('Current', 'integer', doc('apiv1.ReplicationControllerStatus.replicas')),
    col('Ready', 'integer', doc('apiv1.ReplicationControllerStatus.readyReplicas')),
    AGE, CONTAINERS, IMAGES,
    col('Selector', 'string', doc('apiv1.ReplicationControllerSpec.selector'), { priority: 1 }),
  ],
  cells(rc, now) {
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [nameOf(rc), replicasOf(rc.spec), rc.status?.replicas ?? 0, rc.status?.readyReplicas ?? 0, age(rc, now),
      names, images, formatLabels(rc.spec?.selector)];
  },
};

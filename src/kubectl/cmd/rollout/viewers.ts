// What rollout status and history say about a workload. Models k8s.io/kubectl/pkg/polymorphichelpers
// rollout_status.go (DeploymentStatusViewer, DaemonSetStatusViewer, StatefulSetStatusViewer; v1.32 has no
// pod warnings) and history.go (the REVISION/CHANGE-CAUSE table).
import type { ControllerRevision, DaemonSet, Deployment, KubeList, KubeObject, ReplicaSet, StatefulSet } from '../../../engine/api/types';
import { resourceFor, type ResourceInfo } from '../../../engine/api/kinds';
import { labelSelectorAsSelector } from '../../../engine/api/labels';
import type { CmdContext } from '../../command';
import { CmdError } from '../../errors';
import { tabwrite, DESCRIBE_TABWRITER, type TabWriter } from '../../printers';
import { PrefixWriter, describePodTemplate } from '../../describe';
import { strategicMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import { apiVersionOf } from '../../../engine/api/kinds';
import { target } from '../../request-util';

/** A status line and whether the rollout is done; throws for a failed one. */
export type StatusFn = (obj: KubeObject, revision: number) => { status: string; done: boolean };

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function deploymentStatus(obj: KubeObject, revision: number): { status: string; done: boolean } {
  const d = obj as Deployment;
  const name = d.metadata?.name ?? '';
  const st = d.status ?? {};
  if (revision > 0) {
    const rev = Number(d.metadata?.annotations?.[REVISION] ?? '0');
    if (revision !== rev) throw new CmdError(`error: desired revision (${revision}) is different from the running revision (${rev})`);
  }
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') throw new CmdError(`error: deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec?.replicas;
    const updated = st.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return { status: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    }
    if ((st.replicas ?? 0) > updated) {
      return { status: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return { status: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { status: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function daemonSetStatus(obj: KubeObject): { status: string; done: boolean } {
  const ds = obj as DaemonSet;
  const name = ds.metadata?.name ?? '';
  const st = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new CmdError('error: rollout status is only available for RollingUpdate strategy type');
  }
  if ((ds.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const updated = st.updatedNumberScheduled ?? 0;
    const desired = st.desiredNumberScheduled ?? 0;
    if (updated < desired) return { status: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if ((st.numberAvailable ?? 0) < desired) {
      return { status: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    }
    return { status: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statefulSetStatus(obj: KubeObject): { status: string; done: boolean } {
  const sts = obj as StatefulSet;
  const st = sts.status ?? { replicas: 0 };
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new CmdError('error: rollout status is only available for RollingUpdate strategy type');
  if (!st.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return { status: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) {
    return { status: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  }
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (st.updatedReplicas ?? 0) < replicas - partition) {
      return { status: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { status: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { status: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ''}...\n`, done: false };
  }
  return { status: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...\n`, done: true };
}

/** GroupKind as Go prints it ("Deployment.apps", "Pod"). */
export const groupKind = (info: ResourceInfo) => (info.group ? `${info.kind}.${info.group}` : info.kind);

/** StatusViewerFor. */
export function statusViewerFor(info: ResourceInfo): StatusFn {
  if (info.group === 'apps' && info.kind === 'Deployment') return deploymentStatus;
  if (info.group === 'apps' && info.kind === 'DaemonSet') return (o) => daemonSetStatus(o);
  if (info.group === 'apps' && info.kind === 'StatefulSet') return (o) => statefulSetStatus(o);
  throw new CmdError(`error: no status viewer has been implemented for ${groupKind(info)}`);
}

const isOwnedBy = (o: KubeObject, owner: KubeObject) =>
  (o.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata?.uid);

/** The ReplicaSets a Deployment owns (deploymentutil.GetAllReplicaSets), with their revisions. */
export async function deploymentReplicaSets(ctx: CmdContext, d: Deployment): Promise<{ rs: ReplicaSet; revision: number }[]> {
  const rsInfo = resourceFor('apps', 'replicasets')!;
  const sel = labelSelectorAsSelector(d.spec?.selector).toString();
  const list = await ctx.call<KubeList<ReplicaSet>>({ verb: 'list', ...target(rsInfo, d.metadata?.namespace), query: { labelSelector: sel } });
  return list.items.filter((rs) => isOwnedBy(rs, d))
    .map((rs) => ({ rs, revision: Number(rs.metadata?.annotations?.[REVISION] ?? 'NaN') }))
    .filter((x) => Number.isInteger(x.revision));
}

/** The ControllerRevisions a StatefulSet or DaemonSet owns. */
export async function controllerRevisions(ctx: CmdContext, owner: KubeObject): Promise<ControllerRevision[]> {
  const crInfo = resourceFor('apps', 'controllerrevisions')!;
  const sel = labelSelectorAsSelector((owner.spec as { selector?: never } | undefined)?.selector).toString();
  const list = await ctx.call<KubeList<ControllerRevision>>({ verb: 'list', ...target(crInfo, owner.metadata?.namespace), query: { labelSelector: sel } });
  return list.items.filter((cr) => isOwnedBy(cr, owner));
}

/** HistoryViewer.ViewHistory without a revision: the REVISION/CHANGE-CAUSE table. */
export async function viewHistory(ctx: CmdContext, info: ResourceInfo, obj: KubeObject): Promise<string> {
  let entries: { revision: number; cause?: string }[];
  if (info.kind === 'Deployment') {
    entries = (await deploymentReplicaSets(ctx, obj as Deployment)).map((x) => ({ revision: x.revision, cause: x.rs.metadata?.annotations?.[CHANGE_CAUSE] }));
  } else if (info.kind === 'StatefulSet' || info.kind === 'DaemonSet') {
    entries = (await controllerRevisions(ctx, obj)).map((cr) => ({ revision: cr.revision, cause: cr.metadata?.annotations?.[CHANGE_CAUSE] }));
  } else {
    throw new CmdError(`error: no history viewer has been implemented for ${JSON.stringify(groupKind(info))}`);
  }
  if (!entries.length) return 'No rollout history found.';
  const byRev = new Map(entries.map((e) => [e.revision, e.cause]));
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...[...byRev.keys()].sort((a, b) => a - b).map((r) => [String(r), byRev.get(r) || '<none>'])];
  return tabwrite(rows.map((r) => [`${r[0]}`, r[1]]), DESCRIBE_TABWRITER);
}

/**
 * printTemplate: DescribePodTemplate written through a PrefixWriter straight into a buffer (no tab writer,
 * so the tabs stay as they are).
 */
export function printTemplate(template: unknown): string {
  let out = '';
  const raw = { write: (t: string) => { out += t; }, flush: () => undefined } as unknown as TabWriter;
  describePodTemplate(template as never, new PrefixWriter(raw));
  return out;
}

/** HistoryViewer.ViewHistory with a revision: that revision's pod template. */
export async function viewRevision(ctx: CmdContext, info: ResourceInfo, obj: KubeObject, revision: number): Promise<string> {
  if (info.kind === 'Deployment') {
    const found = (await deploymentReplicaSets(ctx, obj as Deployment)).find((x) => x.revision === revision);
    if (!found) throw new CmdError('error: unable to find the specified revision');
    return printTemplate(found.rs.spec?.template);
  }
  if (info.kind === 'StatefulSet' || info.kind === 'DaemonSet') {
    const found = (await controllerRevisions(ctx, obj)).find((cr) => cr.revision === revision);
    if (!found) throw new CmdError(`error: unable to find the specified revision`);
    // applyHistory: the revision's data is a strategic merge patch of the object.
    const applied = strategicMergePatch(obj, found.data, patchMetaFor(apiVersionOf(info), info.kind)) as KubeObject;
    return printTemplate((applied.spec as { template?: unknown } | undefined)?.template);
  }
  throw new CmdError(`error: no history viewer has been implemented for ${JSON.stringify(groupKind(info))}`);
}

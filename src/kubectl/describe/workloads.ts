// describe deployment, replicaset, replicationcontroller, statefulset, daemonset, job and cronjob. Models
// k8s.io/kubectl/pkg/describe/describe.go (describeDeployment with pkg/util/deployment
// GetAllReplicaSetsInChunks, describeReplicaSet, describeReplicationController, describeStatefulSet with
// describeVolumeClaimTemplates, describeDaemonSet, describeJob, describeCronJob, getPodStatusForController).
import { formatLabelSelector, labelSelectorAsSelector, deepEqual, humanDuration, timestampMillis, canonicalQuantity } from '../../engine/api';
import { goSortArray } from '../printers';
import type { DescribeClient } from './client';
import { describePodTemplate } from './containers';
import { printController } from './pod';
import { pvcClass } from './volumes';
import { LEVEL_0, LEVEL_1, type PrefixWriter, describeEvents, goStringSlice, printAnnotationsMultiline, printBoolPtr,
  printLabelsMultiline, rfc1123z, tabbedString } from './writer';
import { formatLabels } from '../printers';

type Obj = any;

// metav1.LabelSelectorAsSelector(...).String(); "" for nil (nothing) as Go's nothingSelector prints.
function selectorString(ls: Obj): string {
  try {
    return labelSelectorAsSelector(ls).toString();
  } catch {
    return '';
  }
}

/** getPodStatusForController: pods matching the selector and controlled by uid, counted by phase. */
async function podStatusForController(c: DescribeClient, namespace: string, selector: string, uid: string): Promise<[number, number, number, number]> {
  const pods = await c.list('', 'pods', namespace, { labelSelector: selector });
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of pods) {
    const ref = (p.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case 'Running': running++; break;
      case 'Pending': waiting++; break;
      case 'Succeeded': succeeded++; break;
      case 'Failed': failed++; break;
    }
  }
  return [running, waiting, succeeded, failed];
}

function conditionsTable(w: PrefixWriter, conditions: Obj[] | undefined): void {
  if (!(conditions ?? []).length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions!) w.write(LEVEL_1, '%v \t%v\t%v\n', c.type ?? '', c.status ?? '', c.reason ?? '');
}

const ios = (v: unknown) => (v === undefined || v === null ? '0' : String(v));

// Semantic.DeepEqual of two pod templates without the pod-template-hash label (nil and empty alike).
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null ? undefined : v;
}

function equalIgnoreHash(a: Obj, b: Obj): boolean {
  const strip = (t: Obj) => {
    const c = structuredClone(t ?? {});
    if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
    return normalize(c);
  };
  return deepEqual(strip(a), strip(b));
}

/** DeploymentDescriber.Describe. */
export async function describeDeploymentByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const d = await c.get('apps', 'deployments', ns, name);
  const events = c.showEvents ? await c.events(d, 'Deployment') : undefined;
  let oldRSs: Obj[] = [];
  const newRSs: Obj[] = [];
  try {
    const all = await c.list('apps', 'replicasets', ns, { labelSelector: selectorString(d.spec?.selector) });
    const owned = all.filter((rs) => (rs.metadata?.ownerReferences ?? []).some((r: Obj) => r.controller === true && r.uid === d.metadata?.uid));
    const ts = (rs: Obj) => timestampMillis(rs.metadata?.creationTimestamp) ?? 0;
    goSortArray(owned, (a, b) => (ts(a) === ts(b) ? (a.metadata.name < b.metadata.name) : ts(a) < ts(b)));
    const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    if (newRS) newRSs.push(newRS);
    oldRSs = owned.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  } catch {
    oldRSs = [];
  }
  const now = c.now;
  return tabbedString((w) => {
    const m = d.metadata ?? {};
    const spec = d.spec ?? {};
    const st = d.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'CreationTimestamp:\t%s\n', rfc1123z(m.creationTimestamp));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Selector:\t%s\n', selectorString(spec.selector));
    w.write(LEVEL_0, 'Replicas:\t%d desired | %d updated | %d total | %d available | %d unavailable\n',
      spec.replicas ?? 0, st.updatedReplicas ?? 0, st.replicas ?? 0, st.availableReplicas ?? 0, st.unavailableReplicas ?? 0);
    w.write(LEVEL_0, 'StrategyType:\t%s\n', spec.strategy?.type ?? '');
    w.write(LEVEL_0, 'MinReadySeconds:\t%d\n', spec.minReadySeconds ?? 0);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, 'RollingUpdateStrategy:\t%s max unavailable, %s max surge\n', ios(ru.maxUnavailable), ios(ru.maxSurge));
    describePodTemplate(spec.template, w);
    conditionsTable(w, st.conditions);
    if (oldRSs.length || newRSs.length) {
      w.write(LEVEL_0, 'OldReplicaSets:\t%s\n', printReplicaSetsByLabels(oldRSs));
      w.write(LEVEL_0, 'NewReplicaSet:\t%s\n', printReplicaSetsByLabels(newRSs));
    }
    if (events) describeEvents(events, w, now);
  });
}

function printReplicaSetsByLabels(list: Obj[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return s === '' ? '<none>' : s;
}

/** ReplicaSetDescriber.Describe. */
export async function describeReplicaSetByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const rs = await c.get('apps', 'replicasets', ns, name);
  let counts: [number, number, number, number] = [0, 0, 0, 0];
  let podErr: string | undefined;
  try {
    counts = await podStatusForController(c, ns, selectorString(rs.spec?.selector), rs.metadata?.uid);
  } catch (e) {
    podErr = (e as Error).message;
  }
  const events = c.showEvents ? await c.events(rs, 'ReplicaSet') : undefined;
  return tabbedString((w) => {
    const m = rs.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'Selector:\t%s\n', formatLabelSelector(rs.spec?.selector));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const ctl = printController(rs);
    if (ctl) w.write(LEVEL_0, 'Controlled By:\t%s\n', ctl);
    w.write(LEVEL_0, 'Replicas:\t%d current / %d desired\n', rs.status?.replicas ?? 0, rs.spec?.replicas ?? 0);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (podErr !== undefined) w.write(LEVEL_0, 'error in fetching pods: %s\n', podErr);
    else w.write(LEVEL_0, '%d Running / %d Waiting / %d Succeeded / %d Failed\n', ...counts);
    describePodTemplate(rs.spec?.template, w);
    conditionsTable(w, rs.status?.conditions);
    if (events) describeEvents(events, w, c.now);
  });
}

/** ReplicationControllerDescriber.Describe. */
export async function describeReplicationControllerByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const rc = await c.get('', 'replicationcontrollers', ns, name);
  const sel = Object.keys(rc.spec?.selector ?? {}).sort().map((k) => `${k}=${rc.spec.selector[k]}`).join(',');
  const counts = await podStatusForController(c, ns, sel, rc.metadata?.uid);
  const events = c.showEvents ? await c.events(rc, 'ReplicationController') : undefined;
  return tabbedString((w) => {
    const m = rc.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'Selector:\t%s\n', formatLabels(rc.spec?.selector).replace(/^<none>$/, '<none>'));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Replicas:\t%d current / %d desired\n', rc.status?.replicas ?? 0, rc.spec?.replicas ?? 0);
    w.write(LEVEL_0, 'Pods Status:\t%d Running / %d Waiting / %d Succeeded / %d Failed\n', ...counts);
    describePodTemplate(rc.spec?.template, w);
    conditionsTable(w, rc.status?.conditions);
    if (events) describeEvents(events, w, c.now);
  });
}

function describeVolumeClaimTemplates(templates: Obj[] | undefined, w: PrefixWriter): void {
  if (!(templates ?? []).length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates!) {
    w.write(LEVEL_1, 'Name:\t%s\n', pvc.metadata?.name ?? '');
    w.write(LEVEL_1, 'StorageClass:\t%s\n', pvcClass(pvc));
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const cap = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, 'Capacity:\t%s\n', cap === undefined ? '<default>' : canonicalQuantity(cap));
    w.write(LEVEL_1, 'Access Modes:\t%s\n', goStringSlice(pvc.spec?.accessModes));
  }
}

/** StatefulSetDescriber.Describe. */
export async function describeStatefulSetByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const ps = await c.get('apps', 'statefulsets', ns, name);
  const selector = selectorString(ps.spec?.selector);
  const counts = await podStatusForController(c, ns, selector, ps.metadata?.uid);
  const events = c.showEvents ? await c.events(ps, 'StatefulSet') : undefined;
  return tabbedString((w) => {
    const m = ps.metadata ?? {};
    const spec = ps.spec ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'CreationTimestamp:\t%s\n', rfc1123z(m.creationTimestamp));
    w.write(LEVEL_0, 'Selector:\t%s\n', selector);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Replicas:\t%d desired | %d total\n', spec.replicas ?? 0, ps.status?.replicas ?? 0);
    w.write(LEVEL_0, 'Update Strategy:\t%s\n', spec.updateStrategy?.type ?? '');
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, 'Partition:\t%d\n', ru.partition);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, 'MaxUnavailable:\t%s\n', ios(ru.maxUnavailable));
    }
    w.write(LEVEL_0, 'Pods Status:\t%d Running / %d Waiting / %d Succeeded / %d Failed\n', ...counts);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, c.now);
  });
}

/** DaemonSetDescriber.Describe. */
export async function describeDaemonSetByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const ds = await c.get('apps', 'daemonsets', ns, name);
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(c, ns, selector, ds.metadata?.uid);
  const events = c.showEvents ? await c.events(ds, 'DaemonSet') : undefined;
  return tabbedString((w) => {
    const m = ds.metadata ?? {};
    const st = ds.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Selector:\t%s\n', selector);
    const nsel = ds.spec?.template?.spec?.nodeSelector;
    w.write(LEVEL_0, 'Node-Selector:\t%s\n', formatLabels(nsel));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Desired Number of Nodes Scheduled: %d\n', st.desiredNumberScheduled ?? 0);
    w.write(LEVEL_0, 'Current Number of Nodes Scheduled: %d\n', st.currentNumberScheduled ?? 0);
    w.write(LEVEL_0, 'Number of Nodes Scheduled with Up-to-date Pods: %d\n', st.updatedNumberScheduled ?? 0);
    w.write(LEVEL_0, 'Number of Nodes Scheduled with Available Pods: %d\n', st.numberAvailable ?? 0);
    w.write(LEVEL_0, 'Number of Nodes Misscheduled: %d\n', st.numberMisscheduled ?? 0);
    w.write(LEVEL_0, 'Pods Status:\t%d Running / %d Waiting / %d Succeeded / %d Failed\n', ...counts);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, c.now);
  });
}

function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

/** JobDescriber.Describe. */
export async function describeJobByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const job = await c.get('batch', 'jobs', ns, name);
  const events = c.showEvents ? await c.events(job, 'Job') : undefined;
  return tabbedString((w) => {
    const m = job.metadata ?? {};
    const spec = job.spec ?? {};
    const st = job.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'Selector:\t%s\n', selectorString(spec.selector));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const ctl = printController(job);
    if (ctl) w.write(LEVEL_0, 'Controlled By:\t%s\n', ctl);
    if (spec.parallelism !== undefined && spec.parallelism !== null) w.write(LEVEL_0, 'Parallelism:\t%d\n', spec.parallelism);
    if (spec.completions !== undefined && spec.completions !== null) w.write(LEVEL_0, 'Completions:\t%d\n', spec.completions);
    else w.write(LEVEL_0, 'Completions:\t<unset>\n');
    if (spec.completionMode) w.write(LEVEL_0, 'Completion Mode:\t%s\n', spec.completionMode);
    if (spec.suspend !== undefined && spec.suspend !== null) w.write(LEVEL_0, 'Suspend:\t%v\n', spec.suspend);
    if (spec.backoffLimit !== undefined && spec.backoffLimit !== null) w.write(LEVEL_0, 'Backoff Limit:\t%v\n', spec.backoffLimit);
    if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) w.write(LEVEL_0, 'TTL Seconds After Finished:\t%v\n', spec.ttlSecondsAfterFinished);
    if (st.startTime) w.write(LEVEL_0, 'Start Time:\t%s\n', rfc1123z(st.startTime));
    if (st.completionTime) w.write(LEVEL_0, 'Completed At:\t%s\n', rfc1123z(st.completionTime));
    if (st.startTime && st.completionTime) {
      w.write(LEVEL_0, 'Duration:\t%s\n', humanDuration((timestampMillis(st.completionTime) ?? 0) - (timestampMillis(st.startTime) ?? 0)));
    }
    if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, 'Active Deadline Seconds:\t%ds\n', spec.activeDeadlineSeconds);
    if (st.ready === undefined || st.ready === null) {
      w.write(LEVEL_0, 'Pods Statuses:\t%d Active / %d Succeeded / %d Failed\n', st.active ?? 0, st.succeeded ?? 0, st.failed ?? 0);
    } else {
      w.write(LEVEL_0, 'Pods Statuses:\t%d Active (%d Ready) / %d Succeeded / %d Failed\n', st.active ?? 0, st.ready, st.succeeded ?? 0, st.failed ?? 0);
    }
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, 'Completed Indexes:\t%s\n', capIndexesListOrNone(st.completedIndexes, 50));
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, c.now);
  });
}

/** CronJobDescriber.Describe. */
export async function describeCronJobByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const cj = await c.get('batch', 'cronjobs', ns, name);
  const events = c.showEvents ? await c.events(cj, 'CronJob') : undefined;
  return tabbedString((w) => {
    const m = cj.metadata ?? {};
    const spec = cj.spec ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Schedule:\t%s\n', spec.schedule ?? '');
    w.write(LEVEL_0, 'Concurrency Policy:\t%s\n', spec.concurrencyPolicy ?? '');
    w.write(LEVEL_0, 'Suspend:\t%s\n', printBoolPtr(spec.suspend));
    const opt = (label: string, v: unknown, suffix = '') => {
      if (v !== undefined && v !== null) w.write(LEVEL_0, `${label}:\t%d${suffix}\n`, v);
      else w.write(LEVEL_0, `${label}:\t<unset>\n`);
    };
    opt('Successful Job History Limit', spec.successfulJobsHistoryLimit);
    opt('Failed Job History Limit', spec.failedJobsHistoryLimit);
    opt('Starting Deadline Seconds', spec.startingDeadlineSeconds, 's');
    const jt = spec.jobTemplate?.spec ?? {};
    if (jt.selector) w.write(LEVEL_0, 'Selector:\t%s\n', selectorString(jt.selector));
    else w.write(LEVEL_0, 'Selector:\t<unset>\n');
    opt('Parallelism', jt.parallelism);
    opt('Completions', jt.completions);
    if (jt.activeDeadlineSeconds !== undefined && jt.activeDeadlineSeconds !== null) w.write(LEVEL_0, 'Active Deadline Seconds:\t%ds\n', jt.activeDeadlineSeconds);
    describePodTemplate(jt.template, w);
    if (cj.status?.lastScheduleTime) w.write(LEVEL_0, 'Last Schedule Time:\t%s\n', rfc1123z(cj.status.lastScheduleTime));
    else w.write(LEVEL_0, 'Last Schedule Time:\t<unset>\n');
    w.write(LEVEL_0, '%s:\t', 'Active Jobs');
    const active = cj.status?.active ?? [];
    if (!active.length) w.writeLine('<none>');
    else {
      active.forEach((j: Obj, i: number) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, '%s', j.name ?? '');
      });
      w.writeLine('');
    }
    if (events) describeEvents(events, w, c.now);
  });
}

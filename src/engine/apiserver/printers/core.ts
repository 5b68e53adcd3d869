// Printers of the core/v1 kinds that are not pods or service networking, plus Lease: Node, Namespace,
// ConfigMap, Secret, ServiceAccount, Event, ComponentStatus, ResourceQuota, Lease.
// Models pkg/printers/internalversion/printers.go printNode (findNodeRoles, getNodeInternalIP,
// getNodeExternalIP), printNamespace, printConfigMap, printSecret, printServiceAccount, printEvent
// (formatEventSource), printComponentStatus, printResourceQuota, printLease (v1.32).
import { translateTimestampSince, timestampMillis } from '../../api';
import type { ConfigMap, Event, Lease, Namespace, Node, Secret, ServiceAccount } from '../../api';
import type { ComponentStatus, ResourceQuota } from 'kubernetes-types/core/v1';
import { age, nameOf, quantityOrZero } from './format';
import { AGE, NAME, col, doc } from './handler';
import type { TableHandler } from './handler';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles: node-role.kubernetes.io/<role> label keys and the kubernetes.io/role value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  const labels = node.metadata?.labels ?? {};
  for (const k of Object.keys(labels)) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && labels[k] !== '') {
      roles.add(labels[k]);
    }
  }
  return [...roles].sort();
}

function nodeAddress(node: Node, type: string): string {
  for (const a of node.status?.addresses ?? []) if (a.type === type) return a.address;
  return '<none>';
}

// STATUS: Ready / NotReady from the Ready condition (the last one listed wins, as upstream keys them
// in a map), Unknown without one; ",SchedulingDisabled" when cordoned.
function nodeStatus(node: Node): string {
  let ready: string | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === 'Ready') ready = c.status === 'True' ? 'Ready' : 'NotReady';
  const status = ready ?? 'Unknown';
  return node.spec?.unschedulable ? `${status},SchedulingDisabled` : status;
}

/** Node: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const nodeHandler: TableHandler<Node> = {
  columns: [
    NAME,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE,
    col('Version', 'string', doc('apiv1.NodeSystemInfo.kubeletVersion')),
    col('Internal-IP', 'string', doc('apiv1.NodeStatus.addresses'), { priority: 1 }),
    col('External-IP', 'string', doc('apiv1.NodeStatus.addresses'), { priority: 1 }),
    col('OS-Image', 'string', doc('apiv1.NodeSystemInfo.osImage'), { priority: 1 }),
    col('Kernel-Version', 'string', doc('apiv1.NodeSystemInfo.kernelVersion'), { priority: 1 }),
    col('Container-Runtime', 'string', doc('apiv1.NodeSystemInfo.containerRuntimeVersion'), { priority: 1 }),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo;
    return [nameOf(node), nodeStatus(node), findNodeRoles(node).join(',') || '<none>', age(node, now),
      info?.kubeletVersion ?? '', nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>'];
  },
};

/** Namespace: NAME STATUS AGE. */
export const namespaceHandler: TableHandler<Namespace> = {
  columns: [NAME, col('Status', 'string', 'The status of the namespace'), AGE],
  cells: (ns, now) => [nameOf(ns), ns.status?.phase ?? '', age(ns, now)],
};

const count = (m: object | undefined | null): number => (m ? Object.keys(m).length : 0);

/** ConfigMap: NAME DATA AGE (DATA counts data and binaryData keys). */
export const configMapHandler: TableHandler<ConfigMap> = {
  columns: [NAME, col('Data', 'string', doc('apiv1.ConfigMap.data')), AGE],
  cells: (cm, now) => [nameOf(cm), count(cm.data) + count(cm.binaryData), age(cm, now)],
};

/** Secret: NAME TYPE DATA AGE. */
export const secretHandler: TableHandler<Secret> = {
  columns: [NAME, col('Type', 'string', doc('apiv1.Secret.type')), col('Data', 'string', doc('apiv1.Secret.data')), AGE],
  cells: (s, now) => [nameOf(s), s.type ?? '', count(s.data), age(s, now)],
};

/** ServiceAccount: NAME SECRETS AGE. */
export const serviceAccountHandler: TableHandler<ServiceAccount> = {
  columns: [NAME, col('Secrets', 'string', doc('apiv1.ServiceAccount.secrets')), AGE],
  cells: (sa, now) => [nameOf(sa), sa.secrets?.length ?? 0, age(sa, now)],
};

// formatEventSource: "component, host", falling back to reportingController/reportingInstance.
function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

// printEvent with options.Wide (the server's). LAST SEEN falls back to the first timestamp, which
// falls back to eventTime; a series reports its lastObservedTime and count.
function eventCells(e: Event, now: number): unknown[] {
  const firstTimestamp = timestampMillis(e.firstTimestamp) === undefined
    ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
  let lastTimestamp = timestampMillis(e.lastTimestamp) === undefined ? firstTimestamp : translateTimestampSince(e.lastTimestamp, now);
  let n = e.count ?? 0;
  if (e.series) {
    lastTimestamp = translateTimestampSince(e.series.lastObservedTime, now);
    n = e.series.count ?? 0;
  } else if (n === 0) {
    n = 1; // singleton events of the events.k8s.io API carry no count
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [lastTimestamp, e.type ?? '', e.reason ?? '', target, e.involvedObject?.fieldPath ?? '', formatEventSource(e),
    (e.message ?? '').trim(), firstTimestamp, n, nameOf(e)];
}

/** Event: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME (wide order differs). */
export const eventHandler: TableHandler<Event> = {
  columns: [
    col('Last Seen', 'string', doc('apiv1.Event.lastTimestamp')),
    col('Type', 'string', doc('apiv1.Event.type')),
    col('Reason', 'string', doc('apiv1.Event.reason')),
    col('Object', 'string', doc('apiv1.Event.involvedObject')),
    col('Subobject', 'string', doc('apiv1.ObjectReference.fieldPath'), { priority: 1 }),
    col('Source', 'string', doc('apiv1.Event.source'), { priority: 1 }),
    col('Message', 'string', doc('apiv1.Event.message')),
    col('First Seen', 'string', doc('apiv1.Event.firstTimestamp'), { priority: 1 }),
    col('Count', 'string', doc('apiv1.Event.count'), { priority: 1 }),
    col('Name', 'string', doc('metav1.ObjectMeta.name'), { format: 'name', priority: 1 }),
  ],
  cells: eventCells,
};

/** ComponentStatus: NAME STATUS MESSAGE ERROR (no age). */
export const componentStatusHandler: TableHandler<ComponentStatus> = {
  columns: [
    NAME,
    col('Status', 'string', 'Status of the component conditions'),
    col('Message', 'string', 'Message of the component conditions'),
    col('Error', 'string', 'Error of the component conditions'),
  ],
  cells(cs) {
    const c = (cs.conditions ?? []).find((x) => x.type === 'Healthy');
    return [nameOf(cs), c ? (c.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown', c?.message ?? '', c?.error ?? ''];
  },
};

/** ResourceQuota: NAME REQUEST LIMIT AGE ("cpu: 1/100, pods: 1/10" and "limits.cpu: 2/200"). */
export const resourceQuotaHandler: TableHandler<ResourceQuota> = {
  columns: [
    NAME,
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    AGE,
  ],
  cells(rq, now) {
    const hard = rq.status?.hard ?? {};
    const used = rq.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const r of Object.keys(hard).sort()) {
      const pieces = r.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests)
        .push(`${r}: ${quantityOrZero(used[r])}/${quantityOrZero(hard[r])}`);
    }
    return [nameOf(rq), requests.join(', '), limits.join(', '), age(rq, now)];
  },
};

/** Lease: NAME HOLDER AGE. */
export const leaseHandler: TableHandler<Lease> = {
  columns: [NAME, col('Holder', 'string', doc('coordinationv1.LeaseSpec.holderIdentity')), AGE],
  cells: (l, now) => [nameOf(l), l.spec?.holderIdentity ?? '', age(l, now)],
};

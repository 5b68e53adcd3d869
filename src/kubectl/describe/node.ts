// describe node. Models k8s.io/kubectl/pkg/describe/describe.go NodeDescriber.Describe (non-terminated pods by
// field selector, events by the node's UID and by its name), describeNode, describeNodeLease,
// describeNodeResource / getPodsTotalRequestsAndLimits, findNodeRoles, and pkg/util/resource
// PodRequestsAndLimits (containers summed, init containers maxed, sidecars added, overhead).
import { formatQuantity, parseQuantity, type Quantity } from '../../engine/api';
import type { DescribeClient } from './client';
import { LEVEL_0, LEVEL_1, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline,
  rfc1123z, tabbedString, translateTimestampSince } from './writer';

type Obj = any;
type ResourceList = Map<string, Quantity>;

function toList(rl: Record<string, string> | undefined): ResourceList {
  const m: ResourceList = new Map();
  for (const [k, v] of Object.entries(rl ?? {})) {
    try {
      m.set(k, parseQuantity(v));
    } catch { /* an unparsable quantity is rejected by validation; skip it */ }
  }
  return m;
}

function addList(list: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) {
    const cur = list.get(k);
    list.set(k, cur ? { nanos: cur.nanos + q.nanos, format: cur.format } : { ...q });
  }
}

function maxList(list: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) {
    const cur = list.get(k);
    if (!cur || q.nanos > cur.nanos) list.set(k, { ...q });
  }
}

/** resourcehelper.PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: Obj): { reqs: ResourceList; limits: ResourceList } {
  const calc = (pick: (c: Obj) => Record<string, string> | undefined, overheadAll: boolean) => {
    const out: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) addList(out, toList(pick(c)));
    const restartable: ResourceList = new Map();
    const init: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      let cur = toList(pick(c));
      if (c.restartPolicy === 'Always') {
        addList(out, cur);
        addList(restartable, cur);
        cur = restartable;
      } else {
        const tmp: ResourceList = new Map();
        addList(tmp, cur);
        addList(tmp, restartable);
        cur = tmp;
      }
      maxList(init, cur);
    }
    maxList(out, init);
    const overhead = toList(pod.spec?.overhead);
    if (overheadAll) addList(out, overhead);
    else for (const [k, q] of overhead) {
      const cur = out.get(k);
      if (cur && cur.nanos !== 0n) out.set(k, { nanos: cur.nanos + q.nanos, format: cur.format });
    }
    return out;
  };
  return { reqs: calc((c) => c.resources?.requests, true), limits: calc((c) => c.resources?.limits, false) };
}

const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };
const qs = (q: Quantity | undefined) => formatQuantity(q ?? ZERO);
const milli = (q: Quantity | undefined) => Number(((q?.nanos ?? 0n) + 999_999n) / 1_000_000n);
const value = (q: Quantity | undefined) => Number(((q?.nanos ?? 0n) + 999_999_999n) / 1_000_000_000n);
const pct = (num: number, den: number) => Math.trunc((num / den) * 100);

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
export function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

const isHugePage = (r: string) => r.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isStandardContainer = (r: string) => STANDARD.has(r) || isHugePage(r);

/** NodeDescriber.Describe. */
export async function describeNodeByName(c: DescribeClient, namespace: string, name: string): Promise<string> {
  const node = await c.get('', 'nodes', '', name);
  const pods = await c.list('', 'pods', namespace, { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  let events: Obj[] | undefined;
  if (c.showEvents) {
    events = [...await c.events(node, 'Node'), ...await c.events(node, 'Node', name)];
  }
  let lease: Obj | undefined;
  let leaseErr: string | undefined;
  try {
    lease = await c.get('coordination.k8s.io', 'leases', 'kube-node-lease', name);
  } catch (e) {
    leaseErr = (e as Error).message;
  }
  const now = c.now;
  return tabbedString((w) => {
    const m = node.metadata ?? {};
    const spec = node.spec ?? {};
    const st = node.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    const roles = findNodeRoles(m.labels);
    w.write(LEVEL_0, 'Roles:\t%s\n', roles.length ? roles.join(',') : '<none>');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'CreationTimestamp:\t%s\n', rfc1123z(m.creationTimestamp));
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, 'Unschedulable:\t%v\n', spec.unschedulable === true);
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, 'HolderIdentity:\t%s\n', lease.spec?.holderIdentity ?? '<unset>');
      w.write(LEVEL_1, 'AcquireTime:\t%s\n', lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>');
      w.write(LEVEL_1, 'RenewTime:\t%s\n', lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>');
    } else w.write(LEVEL_0, 'Lease:\tFailed to get lease: %s\n', leaseErr ?? '');
    if ((st.conditions ?? []).length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const cd of st.conditions) {
        w.write(LEVEL_1, '%v \t%v \t%s \t%s \t%v \t%v\n', cd.type ?? '', cd.status ?? '', rfc1123z(cd.lastHeartbeatTime),
          rfc1123z(cd.lastTransitionTime), cd.reason ?? '', cd.message ?? '');
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(LEVEL_1, '%s:\t%s\n', a.type ?? '', a.address ?? '');
    const printResourceList = (rl: Record<string, string>) => {
      for (const r of Object.keys(rl).sort()) w.write(LEVEL_0, '  %s:\t%s\n', r, qs(toList({ [r]: rl[r] }).get(r)));
    };
    if (Object.keys(st.capacity ?? {}).length) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(st.capacity);
    }
    if (Object.keys(st.allocatable ?? {}).length) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(st.allocatable);
    }
    const ni = st.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, '  Machine ID:\t%s\n', ni.machineID ?? '');
    w.write(LEVEL_0, '  System UUID:\t%s\n', ni.systemUUID ?? '');
    w.write(LEVEL_0, '  Boot ID:\t%s\n', ni.bootID ?? '');
    w.write(LEVEL_0, '  Kernel Version:\t%s\n', ni.kernelVersion ?? '');
    w.write(LEVEL_0, '  OS Image:\t%s\n', ni.osImage ?? '');
    w.write(LEVEL_0, '  Operating System:\t%s\n', ni.operatingSystem ?? '');
    w.write(LEVEL_0, '  Architecture:\t%s\n', ni.architecture ?? '');
    w.write(LEVEL_0, '  Container Runtime Version:\t%s\n', ni.containerRuntimeVersion ?? '');
    w.write(LEVEL_0, '  Kubelet Version:\t%s\n', ni.kubeletVersion ?? '');
    w.write(LEVEL_0, '  Kube-Proxy Version:\t%s\n', ni.kubeProxyVersion ?? '');
    if (spec.podCIDR) w.write(LEVEL_0, 'PodCIDR:\t%s\n', spec.podCIDR);
    if ((spec.podCIDRs ?? []).length) w.write(LEVEL_0, 'PodCIDRs:\t%s\n', spec.podCIDRs.join(','));
    if (spec.providerID) w.write(LEVEL_0, 'ProviderID:\t%s\n', spec.providerID);
    describeNodeResource(pods, node, w, now);
    if (events) describeEvents(events, w, now);
  });
}

function describeNodeResource(pods: Obj[], node: Obj, w: Parameters<typeof printLabelsMultiline>[0], now: number): void {
  w.write(LEVEL_0, 'Non-terminated Pods:\t(%d in total)\n', pods.length);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toList(Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : node.status?.capacity);
  const allocCpu = milli(allocatable.get('cpu'));
  const allocMem = value(allocatable.get('memory'));
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cr = reqs.get('cpu');
    const cl = limits.get('cpu');
    const mr = reqs.get('memory');
    const ml = limits.get('memory');
    w.write(LEVEL_1, '%s\t%s\t\t%s (%d%%)\t%s (%d%%)\t%s (%d%%)\t%s (%d%%)\t%s\n', pod.metadata?.namespace ?? '', pod.metadata?.name ?? '',
      qs(cr), pct(milli(cr), allocCpu), qs(cl), pct(milli(cl), allocCpu), qs(mr), pct(value(mr), allocMem), qs(ml), pct(value(ml), allocMem),
      translateTimestampSince(pod.metadata?.creationTimestamp, now));
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const rl = podRequestsAndLimits(pod);
    addList(reqs, rl.reqs);
    addList(limits, rl.limits);
  }
  const frac = (num: number, den: number) => (den !== 0 ? pct(num, den) : 0);
  w.write(LEVEL_1, '%s\t%s (%d%%)\t%s (%d%%)\n', 'cpu', qs(reqs.get('cpu')), frac(milli(reqs.get('cpu')), allocCpu), qs(limits.get('cpu')), frac(milli(limits.get('cpu')), allocCpu));
  w.write(LEVEL_1, '%s\t%s (%d%%)\t%s (%d%%)\n', 'memory', qs(reqs.get('memory')), frac(value(reqs.get('memory')), allocMem), qs(limits.get('memory')), frac(value(limits.get('memory')), allocMem));
  const allocEph = value(allocatable.get('ephemeral-storage'));
  w.write(LEVEL_1, '%s\t%s (%d%%)\t%s (%d%%)\n', 'ephemeral-storage', qs(reqs.get('ephemeral-storage')), frac(value(reqs.get('ephemeral-storage')), allocEph),
    qs(limits.get('ephemeral-storage')), frac(value(limits.get('ephemeral-storage')), allocEph));
  const names = [...allocatable.keys()];
  for (const r of names.filter(isHugePage).sort()) {
    const a = value(allocatable.get(r));
    w.write(LEVEL_1, '%s\t%s (%d%%)\t%s (%d%%)\n', r, qs(reqs.get(r)), frac(value(reqs.get(r)), a), qs(limits.get(r)), frac(value(limits.get(r)), a));
  }
  for (const r of names.filter((x) => !isHugePage(x) && !isStandardContainer(x) && x !== 'pods').sort()) {
    w.write(LEVEL_1, '%s\t%s\t%s\n', r, qs(reqs.get(r)), qs(limits.get(r)));
  }
}

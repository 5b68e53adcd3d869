// describe horizontalpodautoscaler, poddisruptionbudget, priorityclass, networkpolicy, role, clusterrole,
// rolebinding, clusterrolebinding, csinode, and the generic describer for every other kind. Models
// k8s.io/kubectl/pkg/describe/describe.go (describeHorizontalPodAutoscalerV2, describePodDisruptionBudgetV1,
// describePriorityClass, describeNetworkPolicy*, Role/ClusterRole describers with pkg/util/rbac BreakdownRule
// and CompactRules, RoleBinding describers, describeCSINode, genericDescriber with printUnstructuredContent and
// smartLabelFor).
import { canonicalQuantity, formatLabelSelector } from '../../engine/api';
import { fillZeroValues } from '../../engine/api/schema';
import { formatLabels, goSprint } from '../printers';
import type { DescribeClient } from './client';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, type PrefixWriter, describeEvents, goStringSlice,
  printAnnotationsMultiline, printLabelsMultiline, rfc1123z, tabbedString, goTimeString } from './writer';

type Obj = any;

const q = (v: unknown) => (v === undefined || v === null ? '0' : canonicalQuantity(v as string));
const ios = (v: unknown) => (v === undefined || v === null ? '0' : String(v));

/** HorizontalPodAutoscalerDescriber.Describe (autoscaling/v2). */
export async function describeHPAByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const hpa = await c.get('autoscaling', 'horizontalpodautoscalers', ns, name);
  const events = c.showEvents ? await c.events(hpa, 'HorizontalPodAutoscaler') : undefined;
  return tabbedString((w) => {
    const m = hpa.metadata ?? {};
    const spec = hpa.spec ?? {};
    const st = hpa.status ?? {};
    const cur = (i: number) => (st.currentMetrics ?? [])[i];
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'CreationTimestamp:\t%s\n', rfc1123z(m.creationTimestamp));
    w.write(LEVEL_0, 'Reference:\t%s/%s\n', spec.scaleTargetRef?.kind ?? '', spec.scaleTargetRef?.name ?? '');
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((metric: Obj, i: number) => {
      switch (metric.type) {
        case 'Resource': {
          const r = metric.resource ?? {};
          w.write(LEVEL_1, 'resource %s on pods', r.name ?? '');
          if (r.target?.averageValue !== undefined) {
            const cm = cur(i)?.resource;
            w.write(LEVEL_0, ':\t%s / %s\n', cm ? q(cm.current?.averageValue) : '<unknown>', q(r.target.averageValue));
          } else {
            const cm = cur(i)?.resource;
            const current = cm && cm.current?.averageUtilization !== undefined ? `${cm.current.averageUtilization}% (${q(cm.current.averageValue)})` : '<unknown>';
            const target = r.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, '(as a percentage of request):\t%s / %s\n', current, target);
          }
          break;
        }
        case 'Pods': {
          const cm = cur(i)?.pods;
          w.write(LEVEL_1, '%q on pods:\t%s / %s\n', metric.pods?.metric?.name ?? '', cm ? q(cm.current?.averageValue) : '<unknown>', q(metric.pods?.target?.averageValue));
          break;
        }
        case 'External': {
          const e = metric.external ?? {};
          const cm = cur(i)?.external;
          if (e.target?.averageValue !== undefined) {
            w.write(LEVEL_1, '%q (target average value):\t%s / %s\n', e.metric?.name ?? '', cm?.current?.averageValue !== undefined ? q(cm.current.averageValue) : '<unknown>', q(e.target.averageValue));
          } else {
            w.write(LEVEL_1, '%q (target value):\t%s / %s\n', e.metric?.name ?? '', cm ? q(cm.current?.value) : '<unknown>', q(e.target?.value));
          }
          break;
        }
        case 'Object': {
          const o = metric.object ?? {};
          const cm = cur(i)?.object;
          w.write(LEVEL_1, '"%s" on %s/%s ', o.metric?.name ?? '', o.describedObject?.kind ?? '', o.describedObject?.name ?? '');
          if (o.target?.type === 'AverageValue') w.write(LEVEL_0, '(target average value):\t%s / %s\n', cm ? q(cm.current?.averageValue) : '<unknown>', q(o.target.averageValue));
          else w.write(LEVEL_0, '(target value):\t%s / %s\n', cm ? q(cm.current?.value) : '<unknown>', q(o.target?.value));
          break;
        }
        case 'ContainerResource': {
          const r = metric.containerResource ?? {};
          w.write(LEVEL_1, 'resource %s of container "%s" on pods', r.name ?? '', r.container ?? '');
          const cm = cur(i)?.containerResource;
          if (r.target?.averageValue !== undefined) w.write(LEVEL_0, ':\t%s / %s\n', cm ? q(cm.current?.averageValue) : '<unknown>', q(r.target.averageValue));
          else {
            const current = cm && cm.current?.averageUtilization !== undefined ? `${cm.current.averageUtilization}% (${q(cm.current.averageValue)})` : '<unknown>';
            const target = r.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, '(as a percentage of request):\t%s / %s\n', current, target);
          }
          break;
        }
        default:
          w.write(LEVEL_1, '<unknown metric type %q>\n', metric.type ?? '');
      }
    });
    w.write(LEVEL_0, 'Min replicas:\t%s\n', spec.minReplicas === undefined || spec.minReplicas === null ? '<unset>' : String(spec.minReplicas));
    w.write(LEVEL_0, 'Max replicas:\t%d\n', spec.maxReplicas ?? 0);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      for (const [dir, rules] of [['Scale Up', spec.behavior.scaleUp], ['Scale Down', spec.behavior.scaleDown]] as [string, Obj][]) {
        if (!rules) continue;
        w.write(LEVEL_1, '%s:\n', dir);
        if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, 'Stabilization Window: %d seconds\n', rules.stabilizationWindowSeconds);
        if ((rules.policies ?? []).length) {
          w.write(LEVEL_2, 'Select Policy: %s\n', rules.selectPolicy ?? 'Max');
          w.write(LEVEL_2, 'Policies:\n');
          for (const p of rules.policies) w.write(LEVEL_3, '- Type: %s\tValue: %d\tPeriod: %d seconds\n', p.type ?? '', p.value ?? 0, p.periodSeconds ?? 0);
        }
      }
    }
    w.write(LEVEL_0, '%s pods:\t', spec.scaleTargetRef?.kind ?? '');
    w.write(LEVEL_0, '%d current / %d desired\n', st.currentReplicas ?? 0, st.desiredReplicas ?? 0);
    if ((st.conditions ?? []).length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const cd of st.conditions) w.write(LEVEL_1, '%v\t%v\t%v\t%v\n', cd.type ?? '', cd.status ?? '', cd.reason ?? '', cd.message ?? '');
    }
    if (events) describeEvents(events, w, c.now);
  });
}

/** PodDisruptionBudgetDescriber.Describe (policy/v1). */
export async function describePDBByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const pdb = await c.get('policy', 'poddisruptionbudgets', ns, name);
  const events = c.showEvents ? await c.events(pdb, 'PodDisruptionBudget') : undefined;
  return tabbedString((w) => {
    const spec = pdb.spec ?? {};
    const st = pdb.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', pdb.metadata?.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', pdb.metadata?.namespace ?? '');
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, 'Min available:\t%s\n', ios(spec.minAvailable));
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, 'Max unavailable:\t%s\n', ios(spec.maxUnavailable));
    if (spec.selector) w.write(LEVEL_0, 'Selector:\t%s\n', formatLabelSelector(spec.selector));
    else w.write(LEVEL_0, 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, 'Allowed disruptions:\t%d\n', st.disruptionsAllowed ?? 0);
    w.write(LEVEL_2, 'Current:\t%d\n', st.currentHealthy ?? 0);
    w.write(LEVEL_2, 'Desired:\t%d\n', st.desiredHealthy ?? 0);
    w.write(LEVEL_2, 'Total:\t%d\n', st.expectedPods ?? 0);
    if (events) describeEvents(events, w, c.now);
  });
}

/** PriorityClassDescriber.Describe. */
export async function describePriorityClassByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const pc = await c.get('scheduling.k8s.io', 'priorityclasses', '', name);
  const events = c.showEvents ? await c.events(pc, 'PriorityClass') : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, 'Name:\t%s\n', pc.metadata?.name ?? '');
    w.write(LEVEL_0, 'Value:\t%v\n', pc.value ?? 0);
    w.write(LEVEL_0, 'GlobalDefault:\t%v\n', pc.globalDefault === true);
    w.write(LEVEL_0, 'PreemptionPolicy:\t%s\n', pc.preemptionPolicy ?? '');
    w.write(LEVEL_0, 'Description:\t%s\n', pc.description ?? '');
    w.write(LEVEL_0, 'Annotations:\t%s\n', formatLabels(pc.metadata?.annotations));
    if (events) describeEvents(events, w, c.now);
  });
}

function printPeers(rules: Obj[], peersKey: 'from' | 'to', labels: [string, string, string, string], indent: string, w: PrefixWriter): void {
  if (!rules.length) {
    w.write(LEVEL_0, '%s%s\n', indent, labels[0]);
    return;
  }
  rules.forEach((rule: Obj, i: number) => {
    if (!(rule.ports ?? []).length) w.write(LEVEL_0, '%s%s\n', indent, 'To Port: <any> (traffic allowed to all ports)');
    else {
      for (const p of rule.ports) {
        const proto = p.protocol ?? 'TCP';
        if (p.endPort === undefined || p.endPort === null) w.write(LEVEL_0, '%s%s: %s/%s\n', indent, 'To Port', ios(p.port), proto);
        else w.write(LEVEL_0, '%s%s: %s-%d/%s\n', indent, 'To Port Range', ios(p.port), p.endPort, proto);
      }
    }
    const peers = rule[peersKey] ?? [];
    if (!peers.length) w.write(LEVEL_0, '%s%s\n', indent, labels[1]);
    else {
      for (const peer of peers) {
        w.write(LEVEL_0, '%s%s\n', indent, labels[2]);
        if (peer.podSelector && peer.namespaceSelector) {
          w.write(LEVEL_1, '%s%s: %s\n', indent, 'NamespaceSelector', formatLabelSelector(peer.namespaceSelector));
          w.write(LEVEL_1, '%s%s: %s\n', indent, 'PodSelector', formatLabelSelector(peer.podSelector));
        } else if (peer.podSelector) w.write(LEVEL_1, '%s%s: %s\n', indent, 'PodSelector', formatLabelSelector(peer.podSelector));
        else if (peer.namespaceSelector) w.write(LEVEL_1, '%s%s: %s\n', indent, 'NamespaceSelector', formatLabelSelector(peer.namespaceSelector));
        else if (peer.ipBlock) {
          w.write(LEVEL_1, '%sIPBlock:\n', indent);
          w.write(LEVEL_2, '%sCIDR: %s\n', indent, peer.ipBlock.cidr ?? '');
          w.write(LEVEL_2, '%sExcept: %v\n', indent, (peer.ipBlock.except ?? []).join(', '));
        }
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, '%s%s\n', indent, labels[3]);
  });
}

/** NetworkPolicyDescriber.Describe. */
export async function describeNetworkPolicyByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const np = await c.get('networking.k8s.io', 'networkpolicies', ns, name);
  return tabbedString((w) => {
    const m = np.metadata ?? {};
    const spec = np.spec ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    w.write(LEVEL_0, 'Created on:\t%s\n', goTimeString(m.creationTimestamp));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (!Object.keys(ps.matchLabels ?? {}).length && !(ps.matchExpressions ?? []).length) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    else w.write(LEVEL_2, '%s\n', formatLabelSelector(ps));
    const types: string[] = spec.policyTypes ?? [];
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printPeers(spec.ingress ?? [], 'from', ['<none> (Selected pods are isolated for ingress connectivity)', 'From: <any> (traffic not restricted by source)', 'From:', '----------'], '    ', w);
    } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printPeers(spec.egress ?? [], 'to', ['<none> (Selected pods are isolated for egress connectivity)', 'To: <any> (traffic not restricted by destination)', 'To:', '----------'], '    ', w);
    } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, 'Policy Types: %v\n', types.join(', '));
  });
}

// pkg/util/rbac BreakdownRule + CompactRules + SortableRuleSlice.
function compactRules(rules: Obj[]): Obj[] {
  const broken: Obj[] = [];
  for (const r of rules) {
    for (const g of r.apiGroups ?? []) {
      for (const res of r.resources ?? []) {
        for (const v of r.verbs ?? []) {
          if ((r.resourceNames ?? []).length) for (const n of r.resourceNames) broken.push({ apiGroups: [g], resources: [res], verbs: [v], resourceNames: [n] });
          else broken.push({ apiGroups: [g], resources: [res], verbs: [v] });
        }
      }
    }
    for (const u of r.nonResourceURLs ?? []) for (const v of r.verbs ?? []) broken.push({ nonResourceURLs: [u], verbs: [v] });
  }
  const compacted: Obj[] = [];
  const simple = new Map<string, Obj>();
  for (const r of broken) {
    const isSimple = (r.resourceNames ?? []).length <= 1 && !(r.nonResourceURLs ?? []).length && (r.apiGroups ?? []).length === 1 && (r.resources ?? []).length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], (r.resourceNames ?? []).length === 1, r.resourceNames?.[0] ?? '']);
    const ex = simple.get(key);
    if (ex) ex.verbs = [...ex.verbs, ...r.verbs];
    else simple.set(key, structuredClone(r));
  }
  compacted.push(...simple.values());
  const str = (r: Obj) => `&PolicyRule{Verbs:${goStringSlice(r.verbs)},APIGroups:${goStringSlice(r.apiGroups)},Resources:${goStringSlice(r.resources)},ResourceNames:${goStringSlice(r.resourceNames)},NonResourceURLs:${goStringSlice(r.nonResourceURLs)},}`;
  return compacted.map((r, i) => ({ r, i })).sort((a, b) => (str(a.r) < str(b.r) ? -1 : str(a.r) > str(b.r) ? 1 : a.i - b.i)).map((x) => x.r);
}

function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [first, sub] = resources[0].split(/\/(.*)/s);
  let out = first;
  if (groups?.length && groups[0] !== '') out = `${out}.${groups[0]}`;
  if (sub !== undefined) out = `${out}/${sub}`;
  return out;
}

/** RoleDescriber / ClusterRoleDescriber. */
export async function describeRoleByName(c: DescribeClient, ns: string, name: string, cluster: boolean): Promise<string> {
  const role = await c.get('rbac.authorization.k8s.io', cluster ? 'clusterroles' : 'roles', cluster ? '' : ns, name);
  const rules = compactRules(role.rules ?? []);
  return tabbedString((w) => {
    w.write(LEVEL_0, 'Name:\t%s\n', role.metadata?.name ?? '');
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) {
      w.write(LEVEL_1, '%s\t%v\t%v\t%v\n', combineResourceGroup(r.resources, r.apiGroups), goStringSlice(r.nonResourceURLs), goStringSlice(r.resourceNames), goStringSlice(r.verbs));
    }
  });
}

/** RoleBindingDescriber / ClusterRoleBindingDescriber. */
export async function describeRoleBindingByName(c: DescribeClient, ns: string, name: string, cluster: boolean): Promise<string> {
  const b = await c.get('rbac.authorization.k8s.io', cluster ? 'clusterrolebindings' : 'rolebindings', cluster ? '' : ns, name);
  return tabbedString((w) => {
    w.write(LEVEL_0, 'Name:\t%s\n', b.metadata?.name ?? '');
    printLabelsMultiline(w, 'Labels', b.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, 'Kind:\t%s\n', b.roleRef?.kind ?? '');
    w.write(LEVEL_1, 'Name:\t%s\n', b.roleRef?.name ?? '');
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, '%s\t%s\t%s\n', s.kind ?? '', s.name ?? '', s.namespace ?? '');
  });
}

/** CSINodeDescriber.Describe. */
export async function describeCSINodeByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const csi = await c.get('storage.k8s.io', 'csinodes', '', name);
  const events = c.showEvents ? await c.events(csi, 'CSINode') : undefined;
  return tabbedString((w) => {
    const m = csi.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'CreationTimestamp:\t%s\n', rfc1123z(m.creationTimestamp));
    w.write(LEVEL_0, 'Spec:\n');
    if (csi.spec?.drivers) {
      w.write(LEVEL_1, 'Drivers:\n');
      for (const d of csi.spec.drivers) {
        w.write(LEVEL_2, '%s:\n', d.name ?? '');
        w.write(LEVEL_3, 'Node ID:\t%s\n', d.nodeID ?? '');
        if (d.allocatable?.count !== undefined && d.allocatable?.count !== null) {
          w.write(LEVEL_3, 'Allocatables:\n');
          w.write(LEVEL_4, 'Count:\t%d\n', d.allocatable.count);
        }
        if (d.topologyKeys) w.write(LEVEL_3, 'Topology Keys:\t%s\n', goStringSlice(d.topologyKeys));
      }
    }
    if (events) describeEvents(events, w, c.now);
  });
}

// camelcase.Split (fatih/camelcase): runs of lower, upper, digit and other characters; an upper run followed by a
// lower run gives its last letter to the lower one ("APIVersion" → API, Version).
function camelSplit(s: string): string[] {
  const cls = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of s) {
    const c = cls(ch);
    if (c === last && runs.length) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length).map((r) => r.join(''));
}

/** smartLabelFor: "apiVersion" → "API Version", "nodeName" → "Node Name". */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field).filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())))
    .join(' ');
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, '%s:\n', smartLabelFor(field));
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, '%s:\n', smartLabelFor(field));
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        else w.write(level + 1, '%v\n', goSprint(child));
      }
    } else w.write(level, '%s:\t%v\n', smartLabelFor(field), goSprint(value));
  }
}

/** genericDescriber: Name, Namespace, Labels, Annotations, then every other field, for kinds without a describer. */
export async function describeGeneric(c: DescribeClient, group: string, resource: string, kind: string, apiVersion: string, ns: string, name: string): Promise<string> {
  const obj = await c.get(group, resource, ns, name);
  // The dynamic client reads the server's JSON, which carries the fields Go always writes.
  const full = fillZeroValues({ ...obj, apiVersion, kind }, apiVersion, kind);
  const events = c.showEvents ? await c.events(full, kind) : undefined;
  return tabbedString((w) => {
    const m = full.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    printUnstructuredContent(w, LEVEL_0, full, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
    if (events) describeEvents(events, w, c.now);
  });
}


// describe configmap, secret, serviceaccount, namespace, limitrange, resourcequota, persistentvolume,
// persistentvolumeclaim and storageclass. Models k8s.io/kubectl/pkg/describe/describe.go
// (ConfigMapDescriber, describeSecret, describeServiceAccount, describeNamespace with DescribeResourceQuotas
// and DescribeLimitRanges, describeLimitRange, describeQuota, describePersistentVolume with
// printVolumeNodeAffinity, describePersistentVolumeClaim with getPodsForPVC, describeStorageClass).
// Deviation: Go ranges over a ConfigMap's or Secret's data in random order; we print keys sorted.
import { canonicalQuantity } from '../../engine/api';
import { base64Decode } from '../../engine/api/schema';
import { formatLabels, goSortArray } from '../printers';
import type { DescribeClient } from './client';
import { getAccessModesAsString, printPersistentVolumeClaim, printPersistentVolumeSource } from './volumes';
import { LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, describeEvents, goStringSlice, printAnnotationsMultiline, printBoolPtr,
  printLabelsMultiline, printPodsMultiline, rfc1123z, tabbedString, translateTimestampSince } from './writer';

type Obj = any;

const quantity = (v: unknown) => (v === undefined ? '0' : canonicalQuantity(v as string));

/** ConfigMapDescriber.Describe. */
export async function describeConfigMapByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const cm = await c.get('', 'configmaps', ns, name);
  const events = c.showEvents ? await c.events(cm, 'ConfigMap') : undefined;
  return tabbedString((w) => {
    const m = cm.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, '%s:\n----\n', k);
      w.write(LEVEL_0, '%s\n', cm.data[k]);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) {
      w.write(LEVEL_0, '%s: %s bytes\n', k, String(base64Decode(cm.binaryData[k]).length));
    }
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, c.now);
  });
}

/** SecretDescriber.Describe: data sizes only (a service-account token's token in clear). */
export async function describeSecretByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const s = await c.get('', 'secrets', ns, name);
  return tabbedString((w) => {
    const m = s.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, '\nType:\t%s\n', s.type ?? '');
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(s.data ?? {}).sort()) {
      const bytes = base64Decode(s.data[k] ?? '');
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, '%s:\t%s\n', k, new TextDecoder().decode(bytes));
      else w.write(LEVEL_0, '%s:\t%d bytes\n', k, bytes.length);
    }
  });
}

/** ServiceAccountDescriber.Describe. */
export async function describeServiceAccountByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const sa = await c.get('', 'serviceaccounts', ns, name);
  const tokens: string[] = [];
  const missing = new Set<string>();
  try {
    const secrets = await c.list('', 'secrets', ns);
    const existing = new Set<string>();
    for (const s of secrets) {
      if (s.type === 'kubernetes.io/service-account-token') {
        const a = s.metadata?.annotations ?? {};
        if (a['kubernetes.io/service-account.name'] === sa.metadata?.name && a['kubernetes.io/service-account.uid'] === sa.metadata?.uid) tokens.push(s.metadata.name);
      }
      existing.add(s.metadata?.name);
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  } catch { /* tokens stay unknown, as upstream */ }
  const events = c.showEvents ? await c.events(sa, 'ServiceAccount') : undefined;
  return tabbedString((w) => {
    const m = sa.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const empty = '                   ';
    const types: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: Obj) => s.name)],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s: Obj) => s.name)],
      ['Tokens:            ', tokens],
    ];
    goSortArray(types, (a, b) => a[0] < b[0]);
    for (const [header, names] of types) {
      if (names.length === 0) {
        w.write(LEVEL_0, '%s\t<none>\n', header);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, missing.has(n) ? '%s\t%s (not found)\n' : '%s\t%s\n', prefix, n);
        prefix = empty;
      }
    }
    if (events) describeEvents(events, w, c.now);
  });
}

function describeLimitRangeSpec(spec: Obj, prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const keys = new Set<string>();
    for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[field] ?? {})) keys.add(k);
    // Deviation: Go ranges over a map here (random order); we print resources in insertion order.
    for (const k of keys) {
      const v = (field: string) => (item[field]?.[k] !== undefined ? quantity(item[field][k]) : '-');
      w.write(LEVEL_0, '%s%s\t%v\t%v\t%v\t%v\t%v\t%v\n', prefix, item.type ?? '', k, v('min'), v('max'), v('defaultRequest'), v('default'), v('maxLimitRequestRatio'));
    }
  }
}

const QUOTA_SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** NamespaceDescriber.Describe. */
export async function describeNamespaceByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const ns = await c.get('', 'namespaces', '', name);
  const quotas = await c.list('', 'resourcequotas', name);
  const limits = await c.list('', 'limitranges', name);
  return tabbedString((w) => {
    const m = ns.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Status:\t%s\n', ns.status?.phase ?? '');
    if ((ns.status?.conditions ?? []).length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const cd of ns.status.conditions) {
        w.write(LEVEL_1, '%v\t%v\t%s\t%v\t%v\n', cd.type ?? '', cd.status ?? '', rfc1123z(cd.lastTransitionTime), cd.reason ?? '', cd.message ?? '');
      }
    }
    w.write(LEVEL_0, '\n');
    if (quotas.length === 0) w.write(LEVEL_0, 'No resource quota.\n');
    else {
      goSortArray(quotas, (a: Obj, b: Obj) => a.metadata.name < b.metadata.name);
      w.write(LEVEL_0, 'Resource Quotas\n');
      for (const q of quotas) {
        w.write(LEVEL_1, 'Name:\t%s\n', q.metadata?.name ?? '');
        const scopes = [...(q.spec?.scopes ?? [])].sort();
        if (scopes.length) {
          w.write(LEVEL_1, 'Scopes:\t%s\n', scopes.join(', '));
          for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_1, '* %s\n', QUOTA_SCOPE_HELP[s]);
        }
        w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
        w.write(LEVEL_1, '--------\t---\t---\n');
        for (const r of Object.keys(q.status?.hard ?? {}).sort()) w.write(LEVEL_1, '%s\t%s\t%s\n', r, quantity(q.status?.used?.[r]), quantity(q.status.hard[r]));
      }
    }
    w.write(LEVEL_0, '\n');
    if (limits.length === 0) w.write(LEVEL_0, 'No LimitRange resource.\n');
    else {
      w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
      w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
      for (const lr of limits) describeLimitRangeSpec(lr.spec, ' ', w);
    }
  });
}

/** LimitRangeDescriber.Describe. */
export async function describeLimitRangeByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const lr = await c.get('', 'limitranges', ns, name);
  return tabbedString((w) => {
    w.write(LEVEL_0, 'Name:\t%s\n', lr.metadata?.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', lr.metadata?.namespace ?? '');
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec, '', w);
  });
}

/** ResourceQuotaDescriber.Describe. */
export async function describeResourceQuotaByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const q = await c.get('', 'resourcequotas', ns, name);
  return tabbedString((w) => {
    w.write(LEVEL_0, 'Name:\t%s\n', q.metadata?.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', q.metadata?.namespace ?? '');
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length) {
      w.write(LEVEL_0, 'Scopes:\t%s\n', scopes.join(', '));
      for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_0, ' * %s\n', QUOTA_SCOPE_HELP[s]);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    for (const r of Object.keys(q.status?.hard ?? {}).sort()) w.write(LEVEL_0, '%v\t%v\t%v\n', r, quantity(q.status?.used?.[r]), quantity(q.status.hard[r]));
  });
}

/** PersistentVolumeDescriber.Describe. */
export async function describePersistentVolumeByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const pv = await c.get('', 'persistentvolumes', '', name);
  const events = c.showEvents ? await c.events(pv, 'PersistentVolume') : undefined;
  return tabbedString((w) => {
    const m = pv.metadata ?? {};
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Finalizers:\t%v\n', goStringSlice(m.finalizers));
    w.write(LEVEL_0, 'StorageClass:\t%s\n', m.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? '');
    if (m.deletionTimestamp) w.write(LEVEL_0, 'Status:\tTerminating (lasts %s)\n', translateTimestampSince(m.deletionTimestamp, c.now));
    else w.write(LEVEL_0, 'Status:\t%v\n', pv.status?.phase ?? '');
    w.write(LEVEL_0, 'Claim:\t%s\n', spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '');
    w.write(LEVEL_0, 'Reclaim Policy:\t%v\n', spec.persistentVolumeReclaimPolicy ?? '');
    w.write(LEVEL_0, 'Access Modes:\t%s\n', getAccessModesAsString(spec.accessModes));
    if (spec.volumeMode) w.write(LEVEL_0, 'VolumeMode:\t%v\n', spec.volumeMode);
    w.write(LEVEL_0, 'Capacity:\t%s\n', quantity(spec.capacity?.storage));
    w.write(LEVEL_0, 'Node Affinity:\t');
    const req = spec.nodeAffinity?.required;
    if (!req) w.writeLine('<none>');
    else {
      w.writeLine('');
      w.write(LEVEL_1, 'Required Terms:\t');
      if (!(req.nodeSelectorTerms ?? []).length) w.writeLine('<none>');
      else {
        w.writeLine('');
        req.nodeSelectorTerms.forEach((term: Obj, i: number) => {
          w.write(LEVEL_2, '%s:%s', `Term ${i}`, '\t');
          const reqs = term.matchExpressions ?? [];
          if (!reqs.length) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r: Obj, j: number) => {
            if (j !== 0) w.write(LEVEL_2, '%s', '\t');
            let expr = `${r.key} ${String(r.operator ?? '').toLowerCase()}`;
            if ((r.values ?? []).length) expr = `${expr} [${r.values.join(', ')}]`;
            w.write(LEVEL_0, '%s\n', expr);
          });
        });
      }
    }
    w.write(LEVEL_0, 'Message:\t%s\n', pv.status?.message ?? '');
    w.write(LEVEL_0, 'Source:\n');
    printPersistentVolumeSource(spec, w);
    if (events) describeEvents(events, w, c.now);
  });
}

/** PersistentVolumeClaimDescriber.Describe. */
export async function describePersistentVolumeClaimByName(c: DescribeClient, ns: string, name: string): Promise<string> {
  const pvc = await c.get('', 'persistentvolumeclaims', ns, name);
  const nsPods = await c.list('', 'pods', ns);
  const pods: Obj[] = [];
  for (const p of nsPods) for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(p);
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p: Obj) => p.metadata?.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) pods.push(owner);
  }
  const events = c.showEvents ? await c.events(pvc, 'PersistentVolumeClaim') : undefined;
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, c.now);
    printPodsMultiline(w, 'Used By', pods.map((p) => p.metadata?.name ?? ''));
    if ((pvc.status?.conditions ?? []).length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const cd of pvc.status.conditions) {
        w.write(LEVEL_1, '%v \t%v \t%s \t%s \t%v \t%v\n', cd.type ?? '', cd.status ?? '', rfc1123z(cd.lastProbeTime), rfc1123z(cd.lastTransitionTime), cd.reason ?? '', cd.message ?? '');
      }
    }
    if (events) describeEvents(events, w, c.now);
  });
}

/** storageutil.IsDefaultAnnotationText. */
function isDefaultAnnotationText(m: Obj): string {
  const a = m.annotations ?? {};
  if (a['storageclass.kubernetes.io/is-default-class'] === 'true') return 'Yes';
  if (a['storageclass.beta.kubernetes.io/is-default-class'] === 'true') return 'Yes';
  return 'No';
}

/** StorageClassDescriber.Describe. */
export async function describeStorageClassByName(c: DescribeClient, _ns: string, name: string): Promise<string> {
  const sc = await c.get('storage.k8s.io', 'storageclasses', '', name);
  const events = c.showEvents ? await c.events(sc, 'StorageClass') : undefined;
  return tabbedString((w) => {
    const m = sc.metadata ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'IsDefaultClass:\t%s\n', isDefaultAnnotationText(m));
    w.write(LEVEL_0, 'Annotations:\t%s\n', formatLabels(m.annotations));
    w.write(LEVEL_0, 'Provisioner:\t%s\n', sc.provisioner ?? '');
    w.write(LEVEL_0, 'Parameters:\t%s\n', formatLabels(sc.parameters));
    w.write(LEVEL_0, 'AllowVolumeExpansion:\t%s\n', printBoolPtr(sc.allowVolumeExpansion));
    if (!(sc.mountOptions ?? []).length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of sc.mountOptions) w.write(LEVEL_1, '%s\n', o);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, 'ReclaimPolicy:\t%s\n', sc.reclaimPolicy);
    if (sc.volumeBindingMode) w.write(LEVEL_0, 'VolumeBindingMode:\t%s\n', sc.volumeBindingMode);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (!sc.allowedTopologies.length) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term: Obj, i: number) => {
          w.write(LEVEL_1, '%s:%s', `Term ${i}`, '\t');
          const reqs = term.matchLabelExpressions ?? [];
          if (!reqs.length) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r: Obj, j: number) => {
            if (j !== 0) w.write(LEVEL_1, '%s', '\t');
            let expr = `${r.key} in`;
            if ((r.values ?? []).length) expr = `${expr} [${r.values.join(', ')}]`;
            w.write(LEVEL_0, '%s\n', expr);
          });
        });
      }
    }
    if (events) describeEvents(events, w, c.now);
  });
}

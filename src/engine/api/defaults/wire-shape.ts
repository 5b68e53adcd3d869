// What decoding a request into the Go types and encoding the result back does to an object, beyond
// the defaulting functions. kubesim stores JSON, so these effects are applied explicitly for
// `kubectl get -o yaml` to show what a real v1.32 API server shows:
//  - conversions (pkg/apis/core/v1/conversion.go, pkg/apis/apps/v1/conversion.go): Secret stringData
//    folded into data, spec.serviceAccount mirroring serviceAccountName, podIP/podIPs, hostIP/hostIPs,
//    podCIDR/podCIDRs, apiVersion/kind on StatefulSet volumeClaimTemplates;
//  - encoding/json: fields Go always writes (`resources: {}`, template `creationTimestamp: null`,
//    `status: {loadBalancer: {}}` …), which ../schema fillZeroValues knows from the v1.32 json tags.
import { fillZeroValuesShared } from '../schema';
import { type Obj, isObj, child, objAt, objects } from './util';

/** base64 of the UTF-8 bytes of s ([]byte fields are base64 in JSON). */
function base64(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Convert_v1_Secret_To_core_Secret: stringData overwrites data, and is never stored. */
function foldStringData(secret: Obj): void {
  const sd = objAt(secret, 'stringData');
  if (sd && Object.keys(sd).length > 0) {
    const data = child(secret, 'data');
    for (const [k, v] of Object.entries(sd)) if (typeof v === 'string') data[k] = base64(v);
  }
  delete secret.stringData;
}

/**
 * Convert_v1_PodSpec_To_core_PodSpec and back: serviceAccount is an alias of serviceAccountName; the
 * new field wins when both are set, and the old one is always written from it.
 */
export function mirrorServiceAccount(spec: Obj): void {
  const name = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName ? spec.serviceAccountName
    : typeof spec.serviceAccount === 'string' ? spec.serviceAccount : '';
  if (name) {
    spec.serviceAccountName = name;
    spec.serviceAccount = name;
  } else {
    delete spec.serviceAccountName;
    delete spec.serviceAccount;
  }
}

/** The singular/plural pairs (podIP/podIPs, hostIP/hostIPs, podCIDR/podCIDRs): the singular is authoritative. */
function mirrorIPs(o: Obj, single: string, plural: string, wrap: boolean): void {
  const one = typeof o[single] === 'string' ? (o[single] as string) : '';
  const many = Array.isArray(o[plural]) ? (o[plural] as unknown[]) : [];
  const first = wrap ? (isObj(many[0]) ? many[0].ip : undefined) : many[0];
  if (one && first !== one) o[plural] = [wrap ? { ip: one } : one];
  else if (!one && typeof first === 'string' && first) o[single] = first;
}

/** The conversion effects on one object of the given kind (after defaulting). */
function applyConversions(obj: Obj, kind: string): void {
  const spec = objAt(obj, 'spec');
  const templateSpec = objAt(objAt(spec, 'template'), 'spec');
  switch (kind) {
    case 'Secret':
      foldStringData(obj);
      break;
    case 'Pod': {
      if (spec) mirrorServiceAccount(spec);
      const status = objAt(obj, 'status');
      if (status) {
        mirrorIPs(status, 'podIP', 'podIPs', true);
        mirrorIPs(status, 'hostIP', 'hostIPs', true);
      }
      break;
    }
    case 'PodTemplate': {
      const t = objAt(objAt(obj, 'template'), 'spec');
      if (t) mirrorServiceAccount(t);
      break;
    }
    case 'ReplicationController':
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
      if (templateSpec) mirrorServiceAccount(templateSpec);
      break;
    case 'StatefulSet':
      if (templateSpec) mirrorServiceAccount(templateSpec);
      // Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec keeps the pre-1.17 apiVersion/kind (kubernetes#87583).
      for (const claim of objects(spec, 'volumeClaimTemplates')) {
        claim.apiVersion = 'v1';
        claim.kind = 'PersistentVolumeClaim';
      }
      break;
    case 'CronJob': {
      const t = objAt(objAt(objAt(objAt(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
      if (t) mirrorServiceAccount(t);
      break;
    }
    case 'Node':
      if (spec) mirrorIPs(spec, 'podCIDR', 'podCIDRs', false);
      break;
  }
}

/**
 * Applies the decode/encode round trip to a defaulted object, in place: the conversions, then every
 * field Go's encoder always writes. The object's own metadata is left as it came: the API server sets
 * creationTimestamp itself (on create; carried over on update).
 */
export function applyWireShape(obj: Obj, apiVersion: string, kind: string): void {
  applyConversions(obj, kind);
  // `obj` is a fresh decoded body: filling shares what lacks nothing, and the object's own metadata
  // (kept as it came) is not filled at all. Fields the fill adds come after the existing ones, in the
  // order fillZeroValues writes them, so assigning the changed ones reproduces its key order.
  const filled = fillZeroValuesShared(obj, apiVersion, kind, 'metadata');
  if (filled === obj) return;
  for (const k of Object.keys(filled)) if (obj[k] !== filled[k]) obj[k] = filled[k];
}

// What decoding a request into the Go types and encoding the result back does to an object, beyond
// the defaulting functions. kubesim stores JSON, so these effects have to be applied explicitly for
// `kubectl get -o yaml` to show what a real v1.32 API server shows:
//  - conversions (pkg/apis/core/v1/conversion.go, pkg/apis/apps/v1/conversion.go): Secret stringData
//    folded into data, spec.serviceAccount mirroring serviceAccountName, podIP/podIPs, hostIP/hostIPs,
//    podCIDR/podCIDRs, apiVersion/kind on StatefulSet volumeClaimTemplates;
//  - encoding/json: struct fields without omitempty (or structs, which omitempty never drops) are always
//    printed, so empty ones appear as `{}`, `0`, `""` or `null` — `resources: {}` on every container,
//    `metadata: {creationTimestamp: null}` on every embedded template, `status: {loadBalancer: {}}` on a
//    Service.
import { type Obj, isObj, child, objAt, objects } from './util';

/** Go's encoding of a zero metav1.Time: null. */
const ZERO_TIME = null;

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

/** The singular/plural pairs of PodStatus (podIP/podIPs, hostIP/hostIPs): the singular is authoritative. */
function mirrorIPs(o: Obj, single: string, plural: string, wrap: boolean): void {
  const one = typeof o[single] === 'string' ? (o[single] as string) : '';
  const many = Array.isArray(o[plural]) ? (o[plural] as unknown[]) : [];
  const first = wrap ? (isObj(many[0]) ? many[0].ip : undefined) : many[0];
  if (one && first !== one) o[plural] = [wrap ? { ip: one } : one];
  else if (!one && typeof first === 'string' && first) o[single] = first;
}

/** An embedded ObjectMeta always encodes creationTimestamp (a struct, so omitempty cannot drop it). */
function embeddedMeta(holder: Obj): void {
  const meta = child(holder, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = ZERO_TIME;
}

/**
 * A PodSpec's wire shape: the serviceAccount alias, `resources: {}` on every container, and the
 * embedded ObjectMeta of ephemeral volume claim templates.
 */
function podSpecShape(spec: Obj | undefined): void {
  if (!spec) return;
  mirrorServiceAccount(spec);
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of objects(spec, list)) if (!isObj(c.resources)) c.resources = {};
  }
  for (const v of objects(spec, 'volumes')) {
    const claim = objAt(objAt(v, 'ephemeral'), 'volumeClaimTemplate');
    if (claim) embeddedMeta(claim);
  }
}

function podTemplateShape(template: Obj | undefined): void {
  if (!template) return;
  embeddedMeta(template);
  podSpecShape(objAt(template, 'spec'));
}

/** Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec keeps the pre-1.17 apiVersion/kind on claim templates. */
function claimTemplateShape(claim: Obj): void {
  claim.apiVersion = 'v1';
  claim.kind = 'PersistentVolumeClaim';
  embeddedMeta(claim);
  const spec = child(claim, 'spec');
  if (!isObj(spec.resources)) spec.resources = {};
}

/** The status a kind encodes to when nothing has filled it in: non-omitempty fields and nested structs. */
const STATUS_SHAPES: Record<string, () => Obj> = {
  Pod: () => ({}),
  Service: () => ({ loadBalancer: {} }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  ReplicationController: () => ({ replicas: 0 }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  Ingress: () => ({ loadBalancer: {} }),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  PodDisruptionBudget: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
  ResourceQuota: () => ({}),
  VolumeAttachment: () => ({ attached: false }),
};

/**
 * The encoded form of an empty status for a kind (e.g. a Service's `{loadBalancer: {}}`), or undefined
 * for kinds without a status struct. A registry that resets status on create should reset it to this.
 */
export function emptyStatus(kind: string): Obj | undefined {
  return STATUS_SHAPES[kind]?.();
}

/** Fills the encoded-zero fields of obj.status, creating it when absent; present values are kept. */
export function applyStatusShape(obj: Obj, kind: string): void {
  const shape = emptyStatus(kind);
  if (!shape) return;
  const status = child(obj, 'status');
  for (const [k, v] of Object.entries(shape)) if (status[k] === undefined || status[k] === null) status[k] = v;
}

/** Event: zero times encode as null, the non-omitempty reporting fields as "". */
function eventShape(ev: Obj): void {
  if (!isObj(ev.involvedObject)) ev.involvedObject = {};
  if (!isObj(ev.source)) ev.source = {};
  for (const k of ['eventTime', 'firstTimestamp', 'lastTimestamp']) if (ev[k] === undefined) ev[k] = ZERO_TIME;
  for (const k of ['reportingComponent', 'reportingInstance']) if (typeof ev[k] !== 'string') ev[k] = '';
}

/** Applies the decode/encode round trip effects for one object of the given kind (after defaulting). */
export function applyWireShape(obj: Obj, kind: string): void {
  const spec = objAt(obj, 'spec');
  switch (kind) {
    case 'Secret':
      foldStringData(obj);
      break;
    case 'Pod': {
      podSpecShape(spec);
      const status = objAt(obj, 'status');
      if (status) {
        mirrorIPs(status, 'podIP', 'podIPs', true);
        mirrorIPs(status, 'hostIP', 'hostIPs', true);
      }
      break;
    }
    case 'PodTemplate':
      podTemplateShape(objAt(obj, 'template'));
      break;
    case 'ReplicationController':
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
      podTemplateShape(objAt(spec, 'template'));
      break;
    case 'StatefulSet':
      podTemplateShape(objAt(spec, 'template'));
      for (const claim of objects(spec, 'volumeClaimTemplates')) claimTemplateShape(claim);
      break;
    case 'CronJob': {
      const jobTemplate = objAt(spec, 'jobTemplate');
      if (jobTemplate) {
        embeddedMeta(jobTemplate);
        podTemplateShape(objAt(objAt(jobTemplate, 'spec'), 'template'));
      }
      break;
    }
    case 'PersistentVolumeClaim':
      if (spec && !isObj(spec.resources)) spec.resources = {};
      break;
    case 'Node':
      if (spec) mirrorIPs(spec, 'podCIDR', 'podCIDRs', false);
      break;
    case 'Event':
      eventShape(obj);
      break;
  }
  applyStatusShape(obj, kind);
}

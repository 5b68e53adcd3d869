// Which ReplicaSet runs the Deployment's current template, and which ones are old.
// Models deployment_util.go (EqualIgnoreHash, FindNewReplicaSet, FindOldReplicaSets,
// SetFromReplicaSetTemplate) and apimachinery's semantic equality.
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api';
import { clone } from '../../api';
import { byCreationTimestamp, specReplicas } from '../shared';
import { POD_TEMPLATE_HASH_LABEL } from './util';

const isEmpty = (v: unknown) => v === undefined || v === null
  || (Array.isArray(v) && v.length === 0)
  || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/**
 * apiequality.Semantic.DeepEqual for JSON data: like deep equality, except that nil and empty
 * slices and maps are equal (the forked reflect.DeepEqual), which in JSON means a missing field,
 * null, [] and {} compare equal.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (!semanticEqual(ao[k], bo[k])) return false;
  for (const k of Object.keys(bo)) if (!(k in ao) && !isEmpty(bo[k])) return false;
  return true;
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  const labels = t?.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _h, ...rest } = labels;
  return { ...t, metadata: { ...t!.metadata, labels: rest } };
}

/** EqualIgnoreHash: templates equal but for the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

/** FindNewReplicaSet: the oldest set whose template is the Deployment's (sorts rsList by creation). */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  rsList.sort(byCreationTimestamp);
  for (const rs of rsList) if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return rs;
  return undefined;
}

/** FindOldReplicaSets: [old sets with replicas, all old sets]. */
export function findOldReplicaSets(d: Deployment, rsList: ReplicaSet[]): [ReplicaSet[], ReplicaSet[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const required: ReplicaSet[] = [];
  const all: ReplicaSet[] = [];
  for (const rs of rsList) {
    if (newRS && rs.metadata?.uid === newRS.metadata?.uid) continue;
    all.push(rs);
    if (specReplicas(rs) !== 0) required.push(rs);
  }
  return [required, all];
}

/** SetFromReplicaSetTemplate: the Deployment takes the set's template, minus the pod-template-hash label. */
export function setFromReplicaSetTemplate(d: Deployment, t: PodTemplateSpec): void {
  const tpl = clone(t);
  if (tpl.metadata?.labels) {
    const { [POD_TEMPLATE_HASH_LABEL]: _h, ...rest } = tpl.metadata.labels;
    tpl.metadata.labels = rest;
  }
  d.spec = { ...d.spec!, template: tpl };
}

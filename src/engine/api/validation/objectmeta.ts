// Metadata, label, selector and generic field checks shared by every kind.
// Models apimachinery/pkg/api/validation/objectmeta.go and generic.go,
// apimachinery/pkg/apis/meta/v1/validation/validation.go and the ObjectMeta wrappers of
// pkg/apis/core/validation/validation.go (ValidateObjectMeta adds validateKubeFinalizerName).
// Deviation: Go iterates label and annotation maps in random order; we use the object's key order.
import { FieldError, FieldPath, forbidden, invalid, required, tooLong, GoSyntax, goQuote } from '../field';
import { deepEqual } from '../meta';
import type { LabelSelector, ObjectMeta, OwnerReference } from '../types';
import { isQualifiedName, isValidLabelValue, byteLength, nameIsDNSLabel, type NameFn } from './names';
import { goStringMap, goStructText } from './go-syntax';

/** apimachineryvalidation.FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = 'field is immutable';
/** apimachineryvalidation.IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);
const FIELD_MANAGER_MAX_LENGTH = 128;

/** The root paths validation starts from. */
export const META = FieldPath.root('metadata');
export const SPEC = FieldPath.root('spec');
export const STATUS = FieldPath.root('status');

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, path: FieldPath): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** ValidateImmutableField: `shown` is how the new value prints (Go %#v of its type). */
export function validateImmutableField(newV: unknown, oldV: unknown, path: FieldPath, shown: unknown = newV): FieldError[] {
  return deepEqual(newV ?? null, oldV ?? null) ? [] : [invalid(path, shown, FIELD_IMMUTABLE)];
}

/** metav1 validation ValidateLabelName. */
export function validateLabelName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** metav1 validation ValidateLabels: key and value errors, all reported at the map's path. */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  if (!labels) return [];
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(String(labels[k]))) errs.push(invalid(path, labels[k], m));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); total size at most 256 KiB. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  if (!annotations) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += byteLength(k) + byteLength(String(annotations[k] ?? ''));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** Options of ValidateLabelSelector. */
export interface LabelSelectorOptions {
  allowInvalidLabelValueInSelector?: boolean;
}

/** metav1 validation ValidateLabelSelector. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, opts: LabelSelectorOptions, path: FieldPath): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = path.child('matchExpressions').index(i);
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In': case 'NotIn':
        if (values.length === 0) errs.push(required(p.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''));
        break;
      case 'Exists': case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(p.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
        break;
      default:
        errs.push(invalid(p.child('operator'), r.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r.key, p.child('key')));
    if (!opts.allowInvalidLabelValueInSelector) {
      values.forEach((v, j) => { for (const m of isValidLabelValue(v)) errs.push(invalid(p.child('values').index(j), v, m)); });
    }
  });
  return errs;
}

/** GroupVersionKind.String() of an owner reference, e.g. "/v1, Kind=Event". */
function ownerGVK(ref: OwnerReference): { group: string; version: string; kind: string } {
  const av = ref.apiVersion ?? '';
  const parts = av.split('/');
  // ParseGroupVersion fails on more than one "/": FromAPIVersionAndKind then keeps only the kind.
  if (parts.length > 2) return { group: '', version: '', kind: ref.kind ?? '' };
  return parts.length === 2 ? { group: parts[0], version: parts[1], kind: ref.kind ?? '' } : { group: '', version: parts[0], kind: ref.kind ?? '' };
}

/** ValidateOwnerReferences. */
export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const gvk = ownerGVK(ref);
    if (!gvk.version) errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!gvk.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'uid must not be empty'));
    if (gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'Event') {
      errs.push(invalid(path, new GoSyntax(goStructText('v1.OwnerReference', ref)), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(invalid(path, new GoSyntax(goStructText('[]v1.OwnerReference', refs)),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
  return errs;
}

/** ValidateFinalizers (generic): qualified names, and orphan with foregroundDeletion is a conflict. */
function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  if (!finalizers) return [];
  const errs: FieldError[] = [];
  for (const f of finalizers) for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, [...finalizers], 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** core validateKubeFinalizerName: a name without "/" must be a standard finalizer. */
export function validateKubeFinalizerName(value: string, path: FieldPath): FieldError[] {
  if (value.split('/').length === 1 && !STANDARD_FINALIZERS.has(value)) {
    return [invalid(path, value, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

/** ValidateFieldManager. */
function validateFieldManager(manager: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (byteLength(manager) > FIELD_MANAGER_MAX_LENGTH) errs.push(tooLong(path, '', FIELD_MANAGER_MAX_LENGTH));
  let pos = 0;
  for (const ch of manager) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      errs.push(invalid(path, manager, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${pos})`));
    }
    pos += byteLength(ch);
  }
  return errs;
}

/** metav1 validation ValidateManagedFields. */
function validateManagedFields(fields: ObjectMeta['managedFields'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (fields ?? []).forEach((f, i) => {
    const p = path.index(i);
    if (f.operation !== 'Apply' && f.operation !== 'Update') errs.push(invalid(p.child('operation'), f.operation ?? '', 'must be `Apply` or `Update`'));
    if (f.fieldsType && f.fieldsType !== 'FieldsV1') errs.push(invalid(p.child('fieldsType'), f.fieldsType, 'must be `FieldsV1`'));
    errs.push(...validateFieldManager(f.manager ?? '', p.child('manager')));
    if (f.subresource && byteLength(f.subresource) > 256) errs.push(tooLong(p.child('subresource'), '', 256));
  });
  return errs;
}

/** core ValidateObjectMeta on create (generic checks, then the kube finalizer-name rule). */
export function validateObjectMeta(meta: ObjectMeta | undefined, requiresNamespace: boolean, nameFn: NameFn,
  path: FieldPath = META): FieldError[] {
  const errs = validateObjectMetaAccessor(meta, requiresNamespace, nameFn, path);
  (meta?.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, path.child('finalizers').index(i))));
  return errs;
}

/** apimachineryvalidation.ValidateObjectMetaAccessor: the generic ObjectMeta checks. */
export function validateObjectMetaAccessor(meta: ObjectMeta | undefined, requiresNamespace: boolean, nameFn: NameFn,
  path: FieldPath = META): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(invalid(path.child('generateName'), m.generateName, msg));
  if (!m.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(path.child('name'), m.name, msg));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(path.child('namespace'), ''));
    else for (const msg of nameIsNamespace(m.namespace)) errs.push(invalid(path.child('namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, path.child('generation')));
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, path.child('finalizers')));
  errs.push(...validateManagedFields(m.managedFields, path.child('managedFields')));
  return errs;
}

const nameIsNamespace = (ns: string) => nameIsDNSLabel(ns, false);

/** Go's time.Time.String() for an RFC 3339 timestamp: "2024-01-02 03:04:05 +0000 UTC". */
function goTime(ts: string | undefined): unknown {
  if (!ts) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(ts);
  return m ? new GoSyntax(`${m[1]} ${m[2]}${m[3] ?? ''} +0000 UTC`) : ts;
}

/** ValidateObjectMetaAccessorUpdate (generic) on the metadata of an update. */
export function validateObjectMetaAccessorUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined,
  path: FieldPath = META): FieldError[] {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set((n.finalizers ?? []).filter((f) => !(o.finalizers ?? []).includes(f)))].sort();
    if (extra.length) {
      errs.push(forbidden(path.child('finalizers'),
        `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map(goQuote).join(', ')}}`));
    }
  }
  if (!n.resourceVersion) errs.push(invalid(path.child('resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(path.child('generation'), n.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', path.child('name')));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', path.child('namespace')));
  errs.push(...validateImmutableField(n.uid ?? '', o.uid ?? '', path.child('uid')));
  errs.push(...validateImmutableField(n.creationTimestamp ?? null, o.creationTimestamp ?? null, path.child('creationTimestamp'),
    goTime(n.creationTimestamp ?? '0001-01-01T00:00:00Z')));
  errs.push(...validateImmutableField(n.deletionTimestamp ?? null, o.deletionTimestamp ?? null, path.child('deletionTimestamp'),
    goTime(n.deletionTimestamp)));
  errs.push(...validateImmutableField(n.deletionGracePeriodSeconds ?? null, o.deletionGracePeriodSeconds ?? null,
    path.child('deletionGracePeriodSeconds'), n.deletionGracePeriodSeconds ?? null));
  errs.push(...validateLabels(n.labels, path.child('labels')));
  errs.push(...validateAnnotations(n.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateManagedFields(n.managedFields, path.child('managedFields')));
  return errs;
}

/** core ValidateObjectMetaUpdate (generic update checks, then the kube finalizer-name rule). */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined,
  path: FieldPath = META): FieldError[] {
  const errs = validateObjectMetaAccessorUpdate(newMeta, oldMeta, path);
  (newMeta?.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, path.child('finalizers').index(i))));
  return errs;
}

// ObjectMeta's Go fields in declaration order, with the path validateFieldAllowList derives from the
// Go name (first letter lowered: UID becomes "uID").
const TEMPLATE_META_FORBIDDEN: [json: string, path: string][] = [['name', 'name'], ['generateName', 'generateName'],
  ['namespace', 'namespace'], ['selfLink', 'selfLink'], ['uid', 'uID'], ['resourceVersion', 'resourceVersion'],
  ['generation', 'generation'], ['creationTimestamp', 'creationTimestamp'], ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'], ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'], ['managedFields', 'managedFields']];

/** ValidateTemplateObjectMeta: PVC templates may carry labels and annotations only. */
export function validateTemplateObjectMeta(meta: ObjectMeta | undefined, path: FieldPath): FieldError[] {
  const m = (meta ?? {}) as Record<string, unknown>;
  const errs = validateAnnotations(meta?.annotations, path.child('annotations'));
  errs.push(...validateLabels(meta?.labels, path.child('labels')));
  for (const [json, p] of TEMPLATE_META_FORBIDDEN) {
    const v = m[json];
    // A zero value is "not set"; an empty list is not the zero (nil) slice, as reflect.DeepEqual sees it.
    if (v === undefined || v === null || v === '' || v === 0) continue;
    errs.push(forbidden(path.child(p), 'cannot be set'));
  }
  return errs;
}

/** ValidateHasLabel: the label must be present with the expected value. */
export function validateHasLabel(meta: ObjectMeta | undefined, path: FieldPath, key: string, expected: string): FieldError[] {
  const labels = meta?.labels ?? {};
  if (!(key in labels)) return [required(path.child('labels').key(key), `must be '${expected}'`)];
  if (labels[key] !== expected) {
    return [invalid(path.child('labels').key(key), goStringMap(labels), `must be '${expected}'`)];
  }
  return [];
}

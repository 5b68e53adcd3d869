// Cluster-scoped core kinds: Namespace and Node.
// Models pkg/apis/core/validation/validation.go ValidateNamespace, ValidateNamespaceUpdate,
// ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate, ValidateNode, ValidateNodeUpdate,
// ValidateNodeResources.
import { FieldError, FieldPath, GoSyntax, duplicate, forbidden, invalid } from '../field';
import type { Namespace, Node } from '../types';
import { nameIsDNSLabel, nameIsDNSSubdomain, isQualifiedName } from './names';
import { META, SPEC, validateKubeFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validateNodeTaints } from './scheduling';
import { isDualStackCIDRs, isValidCIDR } from './ip';
import { quantityOf, validateResourceQuantityValue } from './resources';
import { goStructText } from './go-syntax';

function validateNamespaceFinalizers(ns: Namespace, path: FieldPath, indexed: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (ns.spec?.finalizers ?? []).forEach((f, i) => {
    const p = indexed ? path.index(i) : path;
    for (const m of isQualifiedName(f)) errs.push(invalid(p, f, m));
    errs.push(...validateKubeFinalizerName(f, p));
  });
  return errs;
}

/** ValidateNamespace: a DNS label name, cluster-scoped. */
export function validateNamespace(ns: Namespace): FieldError[] {
  return [...validateObjectMeta(ns.metadata, false, nameIsDNSLabel), ...validateNamespaceFinalizers(ns, SPEC.child('finalizers'), false)];
}

/** ValidateNamespaceUpdate: only metadata rules (spec changes go through /finalize). */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

/** ValidateNamespaceStatusUpdate: phase must follow deletionTimestamp. */
export function validateNamespaceStatusUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata);
  const phase = ns.status?.phase ?? '';
  const path = FieldPath.root('status').child('Phase');
  if (!ns.metadata?.deletionTimestamp) {
    if (phase !== 'Active') errs.push(invalid(path, phase, 'may only be \'Active\' if `deletionTimestamp` is empty'));
  } else if (phase !== 'Terminating') {
    errs.push(invalid(path, phase, 'may only be \'Terminating\' if `deletionTimestamp` is not empty'));
  }
  return errs;
}

/** ValidateNamespaceFinalizeUpdate (the /finalize subresource). */
export function validateNamespaceFinalizeUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return [...validateObjectMetaUpdate(ns.metadata, old.metadata), ...validateNamespaceFinalizers(ns, SPEC.child('finalizers'), true)];
}

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['capacity', 'allocatable'] as const) {
    const list = (node.status?.[field] ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(list)) {
      const q = quantityOf(list[k]);
      if (q) errs.push(...validateResourceQuantityValue(k, q, FieldPath.root('status').child(field, k)));
    }
  }
  return errs;
}

/** ValidateNode. Taint errors are reported under metadata.taints, as upstream does. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  const taints = node.spec?.taints ?? [];
  if (taints.length) errs.push(...validateNodeTaints(taints, META.child('taints')));
  errs.push(...validateNodeResources(node));
  const cidrs = node.spec?.podCIDRs ?? [];
  const cp = SPEC.child('podCIDRs');
  cidrs.forEach((c, i) => errs.push(...isValidCIDR(cp.index(i), c)));
  if (cidrs.length > 1) {
    if (!isDualStackCIDRs(cidrs) || cidrs.length > 2) errs.push(invalid(cp, [...cidrs], 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => { if (seen.has(c)) errs.push(duplicate(cp.index(i), c)); seen.add(c); });
  }
  return errs;
}

/** ValidateNodeUpdate: podCIDRs and providerID may only be set once. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  errs.push(...validateNodeResources(node));
  const seen = new Set<string>();
  (node.status?.addresses ?? []).forEach((a, i) => {
    const k = `${a.type}/${a.address}`;
    if (seen.has(k)) {
      errs.push(duplicate(FieldPath.root('status').child('addresses').index(i), new GoSyntax(goStructText('core.NodeAddress', a))));
    }
    seen.add(k);
  });
  const oldCidrs = old.spec?.podCIDRs ?? [];
  const cidrs = node.spec?.podCIDRs ?? [];
  const msg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCidrs.length) {
    if (oldCidrs.length !== cidrs.length) errs.push(forbidden(SPEC.child('podCIDRs'), msg));
    else oldCidrs.forEach((c, i) => { if (c !== cidrs[i]) errs.push(forbidden(SPEC.child('podCIDRs'), msg)); });
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden(SPEC.child('providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  const taints = node.spec?.taints ?? [];
  if (taints.length) errs.push(...validateNodeTaints(taints, META.child('taints')));
  if ((node.spec?.externalID ?? '') !== (old.spec?.externalID ?? '')) errs.push(forbidden(SPEC.child('externalID'), 'may not be updated'));
  return errs;
}

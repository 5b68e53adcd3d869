// Resource names and quantities: container requests and limits, PV capacity, PVC requests.
// Models pkg/apis/core/validation/validation.go (validateResourceRequirements, ValidateResourceQuantityValue,
// validateContainerResourceName, validateResourceName, validateBasicResource) and the resource helpers of
// pkg/apis/core/helper/helpers.go (IsNativeResource, IsExtendedResourceName, IsOvercommitAllowed …).
import { FieldError, FieldPath, duplicate, forbidden, invalid, required } from '../field';
import { formatQuantity, parseQuantity, type Quantity } from '../quantity';
import type { ResourceRequirements } from '../types';
import { isQualifiedName } from './names';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas',
  'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage',
  'requests.storage', 'services.nodeports', 'services.loadbalancers']);
const INTEGER_RESOURCES = new Set(['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

/** helper.IsHugePageResourceName. */
export const isHugePageResourceName = (name: string) => name.startsWith('hugepages-');
/** helper.IsNativeResource: no domain, or a kubernetes.io/ one. */
export const isNativeResource = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** helper.IsExtendedResourceName: a domain-qualified name outside kubernetes.io. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}
/** helper.IsOvercommitAllowed: requests may be below limits (not for hugepages or extended resources). */
const isOvercommitAllowed = (name: string) => isNativeResource(name) && !isHugePageResourceName(name);
const isIntegerResourceName = (name: string) => INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
const isStandardResourceName = (name: string) =>
  STANDARD_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');

/** A quantity as the decoded object holds it (string or number); undefined when it does not parse. */
export function quantityOf(v: unknown): Quantity | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined; // a decode error upstream, reported before validation ever runs
  }
}

/** Quantity.Cmp: -1, 0 or 1. */
export const cmpQuantity = (a: Quantity, b: Quantity) => (a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0);
/** Quantity.String(). */
export const quantityString = (q: Quantity) => formatQuantity(q);

const NANO = 1_000_000_000n;

/** ValidateNonnegativeQuantity. */
export function validateNonnegativeQuantity(q: Quantity, path: FieldPath): FieldError[] {
  return q.nanos < 0n ? [invalid(path, quantityString(q), 'must be greater than or equal to 0')] : [];
}

/** ValidatePositiveQuantityValue. */
export function validatePositiveQuantityValue(q: Quantity, path: FieldPath): FieldError[] {
  return q.nanos <= 0n ? [invalid(path, quantityString(q), 'must be greater than zero')] : [];
}

/**
 * ValidateResourceQuantityValue. Deviation: upstream passes the resource.Quantity struct itself as the
 * bad value of "must be an integer", which v1.32 prints as a %#v struct dump; we print its string.
 */
export function validateResourceQuantityValue(resource: string, q: Quantity, path: FieldPath): FieldError[] {
  const errs = validateNonnegativeQuantity(q, path);
  if (isIntegerResourceName(resource)) {
    const milli = q.nanos / 1_000_000n + (q.nanos % 1_000_000n > 0n ? 1n : 0n);
    if (milli % 1000n !== 0n) errs.push(invalid(path, quantityString(q), 'must be an integer'));
  }
  return errs;
}

/** validateBasicResource: Value() must not be negative. */
export function validateBasicResource(q: Quantity, path: FieldPath): FieldError[] {
  const value = q.nanos / NANO + (q.nanos % NANO > 0n ? 1n : 0n);
  return value < 0n ? [invalid(path, Number(value), 'must be a valid resource quantity')] : [];
}

function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  if (name.split('/').length === 1 && !isStandardResourceName(name)) {
    return [invalid(path, name, 'must be a standard resource type or fully qualified')];
  }
  return errs;
}

/** validateContainerResourceName. */
function validateContainerResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (name.split('/').length === 1) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, 'doesn\'t follow extended resource name standard'));
  }
  return errs;
}

/** ValidateContainerResourceRequirements: names, quantities, requests ≤ limits, hugepages need cpu or memory. */
export function validateContainerResourceRequirements(req: ResourceRequirements | undefined, podClaimNames: ReadonlySet<string>,
  path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = (req?.limits ?? {}) as Record<string, unknown>;
  const requests = (req?.requests ?? {}) as Record<string, unknown>;
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const name of Object.keys(limits)) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityOf(limits[name]);
    if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const name of Object.keys(requests)) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityOf(requests[name]);
    if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    const lim = name in limits ? quantityOf(limits[name]) : undefined;
    if (q && lim) {
      // Non-overcommittable resources (hugepages, extended) must request exactly their limit.
      if (cmpQuantity(q, lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`));
      } else if (cmpQuantity(q, lim) > 0) {
        errs.push(invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`));
      }
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  errs.push(...validateResourceClaimNames(req?.claims ?? [], podClaimNames, path.child('claims')));
  return errs;
}

/** validateResourceClaimNames (simplified: per-request claim keys are not checked). */
function validateResourceClaimNames(claims: readonly { name: string }[], podClaimNames: ReadonlySet<string>,
  path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  claims.forEach((c, i) => {
    const p = path.index(i);
    if (!c.name) { errs.push(required(p, '')); return; }
    if (seen.has(c.name)) errs.push(duplicate(p, c.name));
    seen.add(c.name);
    if (!podClaimNames.has(c.name)) {
      const known = [...podClaimNames].sort();
      errs.push(new FieldError('FieldValueNotFound', String(p), c.name, `must be one of the names in pod.spec.resourceClaims${
        known.length ? `: ${known.join(', ')}` : ' which is empty'}`));
    }
  });
  return errs;
}

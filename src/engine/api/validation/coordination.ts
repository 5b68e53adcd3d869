// Lease, and core/v1 Event.
// Models pkg/apis/coordination/validation/validation.go ValidateLease, ValidateLeaseSpec, ValidateLeaseUpdate,
// and pkg/apis/core/validation/events.go legacyValidateEvent (core/v1 Events skip ObjectMeta validation).
import { FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../field';
import type { Event, Lease } from '../types';
import { isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names';
import { SPEC, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

function validateLeaseSpec(lease: Lease): FieldError[] {
  const s = (lease.spec ?? {}) as NonNullable<Lease['spec']> & { strategy?: string; preferredHolder?: string };
  const errs: FieldError[] = [];
  if (s.leaseDurationSeconds !== undefined && s.leaseDurationSeconds <= 0) {
    errs.push(invalid(SPEC.child('leaseDurationSeconds'), s.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (s.leaseTransitions !== undefined && s.leaseTransitions < 0) {
    errs.push(invalid(SPEC.child('leaseTransitions'), s.leaseTransitions, 'must be greater than or equal to 0'));
  }
  if (s.strategy !== undefined) {
    const sp = SPEC.child('strategy').child('strategy');
    if (!s.strategy.includes('/')) {
      if (s.strategy !== 'OldestEmulationVersion') errs.push(notSupported(sp, s.strategy, ['OldestEmulationVersion']));
    } else errs.push(...isQualifiedName(s.strategy).map((m) => invalid(sp, s.strategy, m)));
  }
  if (s.preferredHolder && !s.strategy) errs.push(forbidden(SPEC.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  return errs;
}

/** ValidateLease (create); pass `old` for ValidateLeaseUpdate. */
export function validateLease(lease: Lease, old?: Lease): FieldError[] {
  if (old) return [...validateObjectMetaUpdate(lease.metadata, old.metadata), ...validateLeaseSpec(lease)];
  return [...validateObjectMeta(lease.metadata, true, nameIsDNSSubdomain), ...validateLeaseSpec(lease)];
}

/**
 * ValidateEventCreate / ValidateEventUpdate for core/v1: only the legacy rules apply (reportingComponent
 * naming, length limits, involvedObject namespace); on update nothing is immutable for v1 either.
 */
export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const involvedPath = FieldPath.root('involvedObject').child('namespace');
  if (!ev.eventTime) {
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
    } else if (ns !== involvedNs) errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
    const rc = ev.reportingComponent ?? '';
    const rcPath = FieldPath.root('reportingComponent');
    if (!rc) errs.push(required(rcPath, ''));
    errs.push(...isQualifiedName(rc).map((m) => invalid(rcPath, rc, m)));
    const ri = ev.reportingInstance ?? '';
    if (!ri) errs.push(required(FieldPath.root('reportingInstance'), ''));
    if (ri.length > 128) errs.push(invalid(FieldPath.root('reportingInstance'), '', 'can have at most 128 characters'));
    if (!ev.action) errs.push(required(FieldPath.root('action'), ''));
    if ((ev.action ?? '').length > 128) errs.push(invalid(FieldPath.root('action'), '', 'can have at most 128 characters'));
    if (!ev.reason) errs.push(required(FieldPath.root('reason'), ''));
    if ((ev.reason ?? '').length > 128) errs.push(invalid(FieldPath.root('reason'), '', 'can have at most 128 characters'));
    if ((ev.message ?? '').length > 1024) errs.push(invalid(FieldPath.root('message'), '', 'can have at most 1024 characters'));
  }
  errs.push(...isDNS1123Subdomain(ns).map((m) => invalid(FieldPath.root('namespace'), ns, m)));
  return errs;
}


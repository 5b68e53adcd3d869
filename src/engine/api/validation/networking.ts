// Ingress and IngressClass.
// Models pkg/apis/networking/validation/validation.go ValidateIngressCreate, ValidateIngressUpdate,
// ValidateIngressSpec, validateIngressRules, validateHTTPIngressPath, validateIngressBackend,
// validateIngressTLS, ValidateIngressStatusUpdate, ValidateIngressClass, ValidateIngressClassUpdate.
import { FieldError, FieldPath, forbidden, invalid, notSupported, required, tooLong, GoSyntax } from '../field';
import type { Ingress, IngressClass } from '../types';
import { isDNS1123Subdomain, isValidPathSegmentName, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label,
  nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { SPEC, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { isDomainPrefixedPath } from './batch';
import { isValidIP, parseIP } from './ip';

type Backend = NonNullable<NonNullable<Ingress['spec']>['defaultBackend']>;
type Rule = NonNullable<NonNullable<Ingress['spec']>['rules']>[number];

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateTypedLocalObjectReference(r: { apiGroup?: string; kind?: string; name?: string }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (r.apiGroup !== undefined) errs.push(...isDNS1123Subdomain(r.apiGroup).map((m) => invalid(path.child('apiGroup'), r.apiGroup, m)));
  if (!r.kind) errs.push(required(path.child('kind'), 'kind is required'));
  else errs.push(...isValidPathSegmentName(r.kind).map((m) => invalid(path.child('kind'), r.kind, m)));
  if (!r.name) errs.push(required(path.child('name'), 'name is required'));
  else errs.push(...isValidPathSegmentName(r.name).map((m) => invalid(path.child('name'), r.name, m)));
  return errs;
}

function validateIngressBackend(b: Backend, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) return validateTypedLocalObjectReference(b.resource, path.child('resource'));
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(required(path.child('service', 'name'), ''));
  else errs.push(...nameIsDNS1035Label(svc.name, false).map((m) => invalid(path.child('service', 'name'), svc.name, m)));
  const portName = svc.port?.name ?? '';
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...isValidPortName(portName).map((m) => invalid(path.child('service', 'port', 'name'), portName, m)));
  else if (portNumber) errs.push(...isValidPortNum(portNumber).map((m) => invalid(path.child('service', 'port', 'number'), portNumber, m)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPIngressPath(p: NonNullable<NonNullable<Rule['http']>['paths']>[number], path: FieldPath): FieldError[] {
  if (!p.pathType) return [required(path.child('pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = p.path ?? '';
  const pp = path.child('path');
  switch (p.pathType) {
    case 'Exact': case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
      if (value) {
        for (const seq of INVALID_SEQUENCES) if (value.includes(seq)) errs.push(invalid(pp, value, `must not contain '${seq}'`));
        for (const suf of INVALID_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(pp, value, `cannot end with '${suf}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value && !value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(path.child('pathType'), p.pathType, PATH_TYPES));
  }
  return errs.concat(validateIngressBackend(p.backend, path.child('backend')));
}

function validateRuleValue(rule: Rule, path: FieldPath): FieldError[] {
  if (!rule.http) return [];
  const hp = path.child('http');
  const paths = rule.http.paths ?? [];
  const errs: FieldError[] = paths.length ? [] : [required(hp.child('paths'), '')];
  paths.forEach((p, i) => errs.push(...validateHTTPIngressPath(p, hp.child('paths').index(i))));
  return errs;
}

/** validateIngressRules: hosts are DNS names (a leading "*." wildcard allowed), never IPs. */
function validateIngressRules(rules: readonly Rule[], path: FieldPath, allowInvalidWildcardRule: boolean): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const p = path.index(i);
    let wildcard = false;
    if (r.host) {
      if (parseIP(r.host)) errs.push(invalid(p.child('host'), r.host, 'must be a DNS name, not an IP address'));
      if (r.host.includes('*')) {
        errs.push(...isWildcardDNS1123Subdomain(r.host).map((m) => invalid(p.child('host'), r.host, m)));
        wildcard = true;
      } else {
        errs.push(...isDNS1123Subdomain(r.host).map((m) => invalid(p.child('host'), r.host, m)));
      }
    }
    if (!wildcard || !allowInvalidWildcardRule) errs.push(...validateRuleValue(r, p));
  });
  return errs;
}

function validateIngressSpec(spec: NonNullable<Ingress['spec']>, allowInvalidSecretName: boolean, allowInvalidWildcardRule: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.rules ?? [];
  if (!rules.length && !spec.defaultBackend) {
    const shown = spec.rules === undefined ? new GoSyntax('[]networking.IngressRule(nil)') : new GoSyntax('[]networking.IngressRule{}');
    errs.push(invalid(SPEC, shown, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, SPEC.child('defaultBackend')));
  if (rules.length) errs.push(...validateIngressRules(rules, SPEC.child('rules'), allowInvalidWildcardRule));
  (spec.tls ?? []).forEach((tls, i) => {
    const tp = SPEC.child('tls').index(i);
    (tls.hosts ?? []).forEach((h, j) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      errs.push(...msgs.map((m) => invalid(tp.child('hosts').index(j), h, m)));
    });
    if (!allowInvalidSecretName && tls.secretName) errs.push(...nameIsDNSSubdomain(tls.secretName, false).map((m) => invalid(tp.child('secretName'), tls.secretName, m)));
  });
  if (spec.ingressClassName !== undefined) {
    errs.push(...nameIsDNSSubdomain(spec.ingressClassName, false).map((m) => invalid(SPEC.child('ingressClassName'), spec.ingressClassName, m)));
  }
  return errs;
}

const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** ValidateIngressCreate. */
export function validateIngress(ing: Ingress): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateIngressSpec(ing.spec ?? {}, false, false));
  const ann = ing.metadata?.annotations ?? {};
  const cls = ing.spec?.ingressClassName;
  if (INGRESS_CLASS_ANNOTATION in ann && cls !== undefined && ann[INGRESS_CLASS_ANNOTATION] !== cls) {
    // Upstream names this path "annotations.kubernetes.io/ingress.class" (Child, without "metadata").
    errs.push(invalid(FieldPath.root('annotations').child(INGRESS_CLASS_ANNOTATION), ann[INGRESS_CLASS_ANNOTATION],
      'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** ValidateIngressUpdate: invalid data already stored stays acceptable. */
export function validateIngressUpdate(ing: Ingress, old: Ingress): FieldError[] {
  const errs = validateObjectMetaUpdate(ing.metadata, old.metadata);
  const oldSpec = old.spec ?? {};
  const allowSecret = (oldSpec.tls ?? []).some((t) => t.secretName && nameIsDNSSubdomain(t.secretName, false).length);
  const allowWildcard = (oldSpec.rules ?? []).some((r) => (r.host ?? '').includes('*') && validateRuleValue(r, FieldPath.root('')).length);
  errs.push(...validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain));
  return errs.concat(validateIngressSpec(ing.spec ?? {}, allowSecret, allowWildcard));
}

/** ValidateIngressStatusUpdate. */
export function validateIngressStatusUpdate(ing: Ingress, old: Ingress): FieldError[] {
  const errs = validateObjectMetaUpdate(ing.metadata, old.metadata);
  (ing.status?.loadBalancer?.ingress ?? []).forEach((lb, i) => {
    const p = FieldPath.root('status').child('loadBalancer', 'ingress').index(i);
    if (lb.ip) errs.push(...isValidIP(p.child('ip'), lb.ip));
    if (lb.hostname) {
      errs.push(...isDNS1123Subdomain(lb.hostname).map((m) => invalid(p.child('hostname'), lb.hostname, m)));
      if (parseIP(lb.hostname)) errs.push(invalid(p.child('hostname'), lb.hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

/** ValidateIngressClass: the controller is a domain-prefixed path of at most 250 characters. */
export function validateIngressClass(ic: IngressClass): FieldError[] {
  const errs = validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain);
  const controller = ic.spec?.controller ?? '';
  const cp = SPEC.child('controller');
  if (controller.length > 250) errs.push(tooLong(cp, '', 250));
  errs.push(...isDomainPrefixedPath(cp, controller));
  const params = ic.spec?.parameters;
  if (params) {
    const pp = SPEC.child('parameters');
    errs.push(...validateTypedLocalObjectReference(params, pp));
    if (params.scope === undefined) errs.push(required(pp.child('scope'), ''));
    else if (params.scope !== 'Cluster' && params.scope !== 'Namespace') errs.push(notSupported(pp.child('scope'), params.scope, ['Cluster', 'Namespace']));
    else if (params.scope === 'Namespace') {
      if (params.namespace === undefined) errs.push(required(pp.child('namespace'), '`parameters.scope` is set to \'Namespace\''));
      else errs.push(...nameIsDNSLabel(params.namespace, false).map((m) => invalid(pp.child('namespace'), params.namespace, m)));
    } else if (params.namespace !== undefined) {
      errs.push(forbidden(pp.child('namespace'), '`parameters.scope` is set to \'Cluster\''));
    }
  }
  return errs;
}

/** ValidateIngressClassUpdate: the controller is immutable. */
export function validateIngressClassUpdate(ic: IngressClass, old: IngressClass): FieldError[] {
  const errs = validateObjectMetaUpdate(ic.metadata, old.metadata);
  errs.push(...validateImmutableField(ic.spec?.controller ?? '', old.spec?.controller ?? '', SPEC.child('controller')));
  return errs.concat(validateIngressClass(ic));
}


// Namespace, Node, Ingress, IngressClass, Event, ServiceAccount and Lease messages.
import { describe, expect, it } from 'vitest';
import { createMessage, updateMessage } from './testing';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, WILDCARD } from './test-messages';

const ingress = (rules: string, name = 'webapp-ingress', extra = '') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${extra}spec:
${rules}`;

const rule = (host: string, path = '/', pathType = 'Prefix', backend = 'service:\n              name: webapp-service\n              port:\n                number: 80') => `  rules:
  - host: ${host}
    http:
      paths:
      - path: ${path}
${pathType ? `        pathType: ${pathType}\n` : ''}        backend:
          ${backend}
`;

const long = 'a'.repeat(64);

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'Namespace name with capitals', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: My_NS\n',
    want: `Namespace "My_NS" is invalid: metadata.name: Invalid value: "My_NS": ${DNS1123_LABEL}` },
  { name: 'Namespace name with a dot', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n',
    want: 'Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots' },
  // The kubernetes.io/metadata.name label defaulted from the name fails too.
  { name: 'Namespace name too long', yaml: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${long}\n`,
    want: `Namespace "${long}" is invalid: [metadata.name: Invalid value: "${long}": must be no more than 63 characters, metadata.labels: Invalid value: "${long}": must be no more than 63 characters]` },
  { name: 'Node taint effect', yaml: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  taints:\n  - key: gpu\n    effect: NoRun\n',
    want: 'Node "n1" is invalid: metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' },
  { name: 'Node duplicate taint', yaml: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  taints:\n  - key: gpu\n    effect: NoSchedule\n  - key: gpu\n    value: x\n    effect: NoSchedule\n',
    want: 'Node "n1" is invalid: metadata.taints[1]: Duplicate value: core.Taint{Key:"gpu", Value:"x", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair' },
  { name: 'Ingress host with capitals', yaml: ingress(rule('MyWebApp.example.com')),
    want: `Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].host: Invalid value: "MyWebApp.example.com": ${DNS1123_SUBDOMAIN}` },
  { name: 'Ingress host that is an IP', yaml: ingress(rule('10.0.0.1')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address' },
  { name: 'Ingress wildcard host', yaml: ingress(rule('"*.*.example.com"')),
    want: `Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].host: Invalid value: "*.*.example.com": ${WILDCARD}` },
  { name: 'Ingress path without pathType', yaml: ingress(rule('mywebapp.example.com', '/', '')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified' },
  { name: 'Ingress relative Prefix path', yaml: ingress(rule('mywebapp.example.com', 'api')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path' },
  { name: 'Ingress pathType', yaml: ingress(rule('mywebapp.example.com', '/', 'Regex')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"' },
  { name: 'Ingress backend without port', yaml: ingress(rule('mywebapp.example.com', '/', 'Prefix', 'service:\n              name: webapp-service')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].http.paths[0].backend: Required value: port name or number is required' },
  { name: 'Ingress backend Service name', yaml: ingress(rule('mywebapp.example.com', '/', 'Prefix', 'service:\n              name: Web_Service\n              port:\n                number: 80')),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Web_Service": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')' },
  { name: 'Ingress with neither rules nor default backend', yaml: ingress('  ingressClassName: nginx\n'),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified' },
  { name: 'Ingress class annotation and field disagree', yaml: ingress(`  ingressClassName: nginx\n${rule('mywebapp.example.com')}`, 'webapp-ingress',
    '  annotations:\n    kubernetes.io/ingress.class: traefik\n'),
    want: 'Ingress.networking.k8s.io "webapp-ingress" is invalid: annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified' },
  { name: 'IngressClass controller', yaml: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: nginx\n',
    want: 'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")' },
  { name: 'Event with a foreign involvedObject namespace', yaml: 'apiVersion: v1\nkind: Event\nmetadata:\n  name: e1\ninvolvedObject:\n  kind: Pod\n  name: p\n  namespace: other\nreason: Test\n',
    want: 'Event "e1" is invalid: involvedObject.namespace: Invalid value: "other": does not match event.namespace' },
  // core/v1 Events skip their own ObjectMeta rules; only the generic path-segment check applies.
  { name: 'Event name with a slash', yaml: 'apiVersion: v1\nkind: Event\nmetadata:\n  name: a/b\ninvolvedObject:\n  kind: Pod\n  name: p\n',
    want: 'Event "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\'' },
  { name: 'ServiceAccount name', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build_bot\n',
    want: `ServiceAccount "build_bot" is invalid: metadata.name: Invalid value: "build_bot": ${DNS1123_SUBDOMAIN}` },
  { name: 'Lease duration', yaml: 'apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: l\nspec:\n  leaseDurationSeconds: 0\n',
    want: 'Lease.coordination.k8s.io "l" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0' },
  { name: 'label value too long', yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    app: ${long}\n`,
    want: `ConfigMap "cm" is invalid: metadata.labels: Invalid value: "${long}": must be no more than 63 characters` },
  { name: 'label value with a space', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    app: my app\n',
    want: `ConfigMap "cm" is invalid: metadata.labels: Invalid value: "my app": ${LABEL_VALUE}` },
  { name: 'finalizer without a domain', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  finalizers: [cleanup]\n',
    want: 'ConfigMap "cm" is invalid: metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified' },
  { name: 'generateName', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-x\n  generateName: CM-\n',
    want: `ConfigMap "cm-x" is invalid: metadata.generateName: Invalid value: "CM-": ${DNS1123_SUBDOMAIN}` },
];

describe('other kinds on create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });
});

describe('other kinds on update', () => {
  it('an IngressClass controller is immutable', () => {
    const ic = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n';
    expect(updateMessage(ic, (o) => { (o.spec as { controller: string }).controller = 'example.com/other'; }))
      .toBe('IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "example.com/other": field is immutable');
  });

  it('an update needs a resourceVersion', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';
    expect(updateMessage(cm, (o) => { delete (o.metadata as Record<string, unknown>).resourceVersion; }))
      .toBe('ConfigMap "cm" is invalid: metadata.resourceVersion: Invalid value: "": must be specified for an update');
  });

  it('a Namespace status phase follows its deletionTimestamp', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n';
    expect(updateMessage(ns, (o) => { o.status = { phase: 'Terminating' }; }, true))
      .toBe('Namespace "team" is invalid: status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty');
  });
});

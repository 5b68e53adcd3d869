// Service, Endpoints and EndpointSlice messages, and the node-port allocator's.
import { describe, expect, it } from 'vitest';
import { newInvalid } from '../errors';
import { createMessage, updateMessage } from './testing';
import { nodePortNotInRange } from './service';
import { DNS1035_LABEL } from './test-messages';

const svc = (spec: string, name = 's') => `
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: web
${spec}`;

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'two ports without names', yaml: svc('  ports:\n  - port: 80\n  - port: 443\n'),
    want: 'Service "s" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]' },
  { name: 'name with capitals', yaml: svc('  ports:\n  - port: 80\n', 'MyService'),
    want: `Service "MyService" is invalid: metadata.name: Invalid value: "MyService": ${DNS1035_LABEL}` },
  { name: 'name starting with a digit', yaml: svc('  ports:\n  - port: 80\n', '1web'),
    want: `Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035_LABEL}` },
  { name: 'protocol', yaml: svc('  ports:\n  - port: 80\n    protocol: HTTP\n'),
    want: 'Service "s" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
  { name: 'port out of range', yaml: svc('  ports:\n  - port: 0\n    targetPort: 80\n'),
    want: 'Service "s" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
  { name: 'type', yaml: svc('  type: NodePorts\n  ports:\n  - port: 80\n'),
    want: 'Service "s" is invalid: spec.type: Unsupported value: "NodePorts": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
  { name: 'ExternalName without a name', yaml: svc('  type: ExternalName\n'),
    want: 'Service "s" is invalid: spec.externalName: Required value' },
  { name: 'ExternalName that is not a DNS name', yaml: svc('  type: ExternalName\n  externalName: my_db.example.com\n'),
    want: 'Service "s" is invalid: spec.externalName: Invalid value: "my_db.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')' },
  { name: 'nodePort on a ClusterIP Service', yaml: svc('  ports:\n  - port: 80\n    nodePort: 30080\n'),
    want: 'Service "s" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'' },
  { name: 'the same port twice', yaml: svc('  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n'),
    want: 'Service "s" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}' },
  { name: 'named targetPort with capitals', yaml: svc('  ports:\n  - port: 80\n    targetPort: HTTP\n'),
    want: 'Service "s" is invalid: [spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)]' },
  { name: 'sessionAffinity', yaml: svc('  sessionAffinity: Sticky\n  ports:\n  - port: 80\n'),
    want: 'Service "s" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"' },
  { name: 'no ports', yaml: svc(''), want: 'Service "s" is invalid: spec.ports: Required value' },
  { name: 'headless Service may have no ports', yaml: svc('  clusterIP: None\n'), want: '' },
  { name: 'headless NodePort', yaml: svc('  type: NodePort\n  clusterIP: None\n  ports:\n  - port: 80\n'),
    want: 'Service "s" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services' },
  { name: 'selector value', yaml: svc('  ports:\n  - port: 80\n').replace('app: web', 'app: my web'),
    want: 'Service "s" is invalid: spec.selector: Invalid value: "my web": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')' },
  { name: 'Endpoints address in loopback', yaml: `
apiVersion: v1
kind: Endpoints
metadata:
  name: e
subsets:
- addresses:
  - ip: 127.0.0.1
  ports:
  - port: 80
`, want: 'Endpoints "e" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)' },
  { name: 'Endpoints subset without addresses', yaml: `
apiVersion: v1
kind: Endpoints
metadata:
  name: e
subsets:
- ports:
  - port: 80
`, want: 'Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`' },
  { name: 'EndpointSlice addressType', yaml: `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: es
addressType: IPv5
endpoints:
- addresses: [10.0.0.1]
`, want: 'EndpointSlice.discovery.k8s.io "es" is invalid: addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"' },
  { name: 'EndpointSlice address not IPv4', yaml: `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: es
addressType: IPv4
endpoints:
- addresses: [fd00::1]
`, want: 'EndpointSlice.discovery.k8s.io "es" is invalid: endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address' },
];

describe('Service and endpoints on create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });
});

describe('Service on update', () => {
  const allocated = svc('  clusterIP: 10.96.0.10\n  clusterIPs: [10.96.0.10]\n  ports:\n  - port: 80\n');

  it('may not move its cluster IP', () => {
    expect(updateMessage(allocated, (o) => { Object.assign(o.spec as object, { clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'] }); }))
      .toBe('Service "s" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set');
  });

  it('keeps its allocated cluster IP when an apply omits it', () => {
    expect(updateMessage(allocated, (o) => {
      const s = o.spec as Record<string, unknown>;
      delete s.clusterIP;
      delete s.clusterIPs;
    })).toBe('');
  });
});

describe('node port allocation', () => {
  it('words an out-of-range node port as the allocator does', () => {
    expect(newInvalid({ group: '', kind: 'Service' }, 'np', [nodePortNotInRange(0, 29999)]).message)
      .toBe('Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767');
  });
});

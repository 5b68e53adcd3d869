import { describe, expect, it } from 'vitest';
import { applyMarkers } from './apply-errors';
import { locatePath, parsePath, splitDocuments } from './yaml-locate';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
      - name: sidecar   # a comment
        image: ""
        ports:
          - containerPort: "x"
`;

const MULTI = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  a: b
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: "shop"
spec:
  ports:
  - port: 99999
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containerz: []
`;

describe('yaml-locate', () => {
  it('splits documents and reads their identity', () => {
    expect(splitDocuments(MULTI).map((d) => [d.startLine, d.kind, d.name, d.namespace])).toEqual([
      [0, 'ConfigMap', 'web', undefined], [7, 'Service', 'web', 'shop'], [16, 'Pod', 'p', undefined]]);
  });

  it('parses field paths', () => {
    expect(parsePath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parsePath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });

  const doc = splitDocuments(DEPLOY)[0];
  it.each([
    { name: 'top-level scalar', path: 'spec.replicas', line: 5 },
    { name: 'nested map', path: 'spec.selector.matchLabels.app', line: 8 },
    { name: 'sequence item at its key indent', path: 'spec.template.spec.containers[0]', line: 15 },
    { name: 'first key on the dash line', path: 'spec.template.spec.containers[1].name', line: 19 },
    { name: 'key after the dash line', path: 'spec.template.spec.containers[1].image', line: 20 },
    { name: 'indented nested sequence', path: 'spec.template.spec.containers[1].ports[0].containerPort', line: 22 },
    { name: 'missing leaf: the deepest found', path: 'spec.template.spec.containers[0].resources', line: 15 },
    { name: 'index-less path (Go type error)', path: 'spec.template.spec.containers.ports.containerPort', line: 18 },
    { name: 'map key in brackets', path: 'spec.template.metadata.labels[app]', line: 12 },
  ])('locates $name', ({ path, line }) => {
    expect(locatePath(doc, path)).toBe(line);
  });
});

describe('applyMarkers', () => {
  it.each([
    {
      name: 'field errors of an invalid object',
      text: DEPLOY,
      output: 'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.containers[1].image: Required value\n',
      markers: [{ line: 6, message: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
        { line: 21, message: 'spec.template.spec.containers[1].image: Required value' }],
    },
    {
      name: 'one inline cause, in the right document of several',
      text: MULTI,
      output: 'configmap/web created\nThe Service "web" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n',
      markers: [{ line: 15, message: 'spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive' }],
    },
    {
      name: 'strict decoding: unknown field',
      text: MULTI,
      output: 'Error from server (BadRequest): error when creating "m.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containerz"\n',
      markers: [{ line: 22, message: 'error when creating "m.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containerz"' }],
    },
    {
      name: 'Go type error',
      text: DEPLOY,
      output: 'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32\n',
      markers: [{ line: 19, message: expect.stringContaining('cannot unmarshal string') }],
    },
    {
      name: 'unknown kind',
      text: 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: p\n',
      output: 'error: resource mapping not found for name: "p" namespace: "" from "c.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
      markers: [{ line: 2, message: expect.stringContaining('no matches for kind "Foo"') }],
    },
    {
      name: 'YAML syntax error',
      text: MULTI,
      output: 'error: error parsing d.yaml: error converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context\n',
      markers: [{ line: 10, message: 'error parsing d.yaml: error converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context' }],
    },
    {
      name: 'several documents failed (an aggregate, causes in brackets)',
      text: MULTI,
      output: 'Error from server (Invalid): error when creating "m.yaml": Service "web" is invalid: [spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive, metadata.namespace: Invalid value: "shop": x]\n'
        + 'Error from server (Invalid): error when creating "m.yaml": Pod "p" is invalid: spec.containers: Required value\n',
      markers: [{ line: 15, message: 'spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive' },
        { line: 12, message: 'metadata.namespace: Invalid value: "shop": x' },
        { line: 21, message: 'spec.containers: Required value' }],
    },
    { name: 'success', text: DEPLOY, output: 'deployment.apps/web configured\n', markers: [] },
  ])('$name', ({ text, output, markers }) => {
    expect(applyMarkers(text, output)).toEqual(markers);
  });
});

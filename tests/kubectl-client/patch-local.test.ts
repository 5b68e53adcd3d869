// kubectl patch --local -f and its client-side errors must be the real kubectl v1.32's, byte for byte.
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_KUBECTL, runReal } from './real-kubectl';
import { runOurs } from './ours';

const FILES = {
  'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: x
  labels:
    app: a
spec:
  containers:
  - name: c
    image: nginx
    ports:
    - containerPort: 80
`,
  'patch.yaml': 'spec:\n  containers:\n  - name: c\n    image: httpd:2.4\n',
  'deploy.json': JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } },
      spec: { containers: [{ name: 'n', image: 'nginx', env: [{ name: 'A', value: '1' }] }] } } } }),
};

const L = ['patch', '--local', '-f'];
const cases: { name: string; args: string[] }[] = [
  { name: 'strategic image change', args: [...L, 'pod.yaml', '-p', '{"spec":{"containers":[{"name":"c","image":"httpd"}]}}', '-o', 'yaml'] },
  { name: 'strategic no change', args: [...L, 'pod.yaml', '-p', '{"metadata":{"labels":{"app":"a"}}}'] },
  { name: 'strategic change, name output', args: [...L, 'pod.yaml', '-p', '{"metadata":{"labels":{"tier":"fe"}}}'] },
  { name: 'strategic from a YAML file', args: [...L, 'pod.yaml', '--patch-file', 'patch.yaml', '-o', 'json'] },
  { name: 'strategic delete directive', args: [...L, 'deploy.json', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"n","env":[{"name":"A","$patch":"delete"}]}]}}}}', '-o', 'yaml'] },
  { name: 'merge replaces lists', args: [...L, 'pod.yaml', '--type', 'merge', '-p', '{"spec":{"containers":[{"name":"d","image":"redis"}]}}', '-o', 'yaml'] },
  { name: 'merge YAML patch', args: [...L, 'pod.yaml', '--type=merge', '-p', 'spec:\n  hostNetwork: true', '-o', 'json'] },
  { name: 'json replace', args: [...L, 'pod.yaml', '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"x"}]', '-o', 'yaml'] },
  { name: 'json remove missing', args: [...L, 'pod.yaml', '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/zz"}]'] },
  { name: 'json add', args: [...L, 'pod.yaml', '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/zz","value":"1"}]'] },
  { name: 'no patch', args: ['patch', 'pod', 'x'] },
  { name: 'patch and patch-file', args: ['patch', 'pod', 'x', '-p', '{}', '--patch-file', 'patch.yaml'] },
  { name: 'bad type', args: ['patch', 'pod', 'x', '-p', '{}', '--type=foo'] },
  { name: 'local with resources', args: ['patch', '--local', 'pod', 'x', '-p', '{}'] },
  { name: 'local with server dry run', args: [...L, 'pod.yaml', '--dry-run=server', '-p', '{}'] },
  { name: 'missing patch file', args: ['patch', 'pod', 'x', '--patch-file=nope.json'] },
  { name: 'bad output, local', args: [...L, 'pod.yaml', '-p', '{}', '-o', 'wide'] },
];

describe.skipIf(!HAVE_REAL_KUBECTL)('kubectl patch (client side) matches kubectl v1.32', () => {
  it.each(cases)('$name', async ({ args }) => {
    const real = runReal(args, { files: FILES });
    expect(await runOurs(args, { files: FILES })).toEqual(real);
  });
});

// `kubectl create … --dry-run=client -o yaml|json|name` and create's client-side errors must be the real
// kubectl v1.32's, byte for byte.
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_KUBECTL, runReal } from './real-kubectl';
import { runOurs } from './ours';

const FILES = {
  'app.properties': 'color=blue\nsize=10\n',
  'ui.env': '# comment\nMODE=dark\n\n  LEVEL=3\nEMPTY=\n',
  'bad.env': 'not valid=1\n',
  'index.html': '<h1>hi & bye</h1>\n',
};

const D = ['--dry-run=client'];
const cases: { name: string; args: string[] }[] = [
  { name: 'deployment yaml', args: ['create', 'deployment', 'web', '--image=nginx', ...D, '-o', 'yaml'] },
  { name: 'deployment json', args: ['create', 'deployment', 'web', '--image=nginx', ...D, '-o', 'json'] },
  { name: 'deployment name', args: ['create', 'deployment', 'web', '--image=nginx', ...D, '-o', 'name'] },
  { name: 'deployment default output', args: ['create', 'deployment', 'web', '--image=nginx', ...D] },
  { name: 'deployment replicas, port, namespace', args: ['create', 'deploy', 'web', '--image=registry.k8s.io/nginx:1.27', '--replicas=3', '--port=80', '-n', 'dev', ...D, '-o', 'yaml'] },
  { name: 'deployment with command', args: ['create', 'deployment', 'b', '--image=busybox', ...D, '-o', 'yaml', '--', 'sleep', '3600'] },
  { name: 'deployment two images', args: ['create', 'deployment', 'two', '--image=nginx,redis:7', ...D, '-o', 'json'] },
  { name: 'deployment two images and command', args: ['create', 'deployment', 'two', '--image=nginx', '--image=redis', ...D, '--', 'x'] },
  { name: 'deployment without a name', args: ['create', 'deployment', '--image=nginx', ...D] },
  { name: 'deployment two names', args: ['create', 'deployment', 'a', 'b', '--image=nginx', ...D] },
  { name: 'deployment bad replicas', args: ['create', 'deployment', 'a', '--image=nginx', '--replicas=x', ...D] },
  { name: 'deployment bad output', args: ['create', 'deployment', 'a', '--image=nginx', ...D, '-o', 'wide'] },
  { name: 'deployment bad dry-run', args: ['create', 'deployment', 'a', '--image=nginx', '--dry-run=maybe'] },
  { name: 'deployment save-config', args: ['create', 'deployment', 'a', '--image=nginx', '--save-config', ...D, '-o', 'yaml'] },
  { name: 'namespace', args: ['create', 'namespace', 'dev', ...D, '-o', 'yaml'] },
  { name: 'namespace json', args: ['create', 'ns', 'dev', ...D, '-o', 'json'] },
  { name: 'serviceaccount', args: ['create', 'sa', 'robot', ...D, '-o', 'yaml'] },
  { name: 'configmap literals', args: ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=x=y', ...D, '-o', 'yaml'] },
  { name: 'configmap from file', args: ['create', 'cm', 'cfg', '--from-file=app.properties', '--from-file=page=index.html', ...D, '-o', 'json'] },
  { name: 'configmap from env file', args: ['create', 'configmap', 'cfg', '--from-env-file=ui.env', ...D, '-o', 'yaml'] },
  { name: 'configmap bad env file', args: ['create', 'configmap', 'cfg', '--from-env-file=bad.env', ...D] },
  { name: 'configmap env and literal', args: ['create', 'configmap', 'cfg', '--from-env-file=ui.env', '--from-literal=a=b', ...D] },
  { name: 'configmap missing file', args: ['create', 'configmap', 'cfg', '--from-file=nope.txt', ...D] },
  { name: 'configmap bad literal', args: ['create', 'configmap', 'cfg', '--from-literal=novalue', ...D] },
  { name: 'configmap duplicate key', args: ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=a=2', ...D] },
  { name: 'configmap append-hash', args: ['create', 'configmap', 'cfg', '--from-literal=a=1', '--append-hash', ...D, '-o', 'yaml'] },
  { name: 'configmap empty', args: ['create', 'configmap', 'empty', ...D, '-o', 'yaml'] },
  { name: 'secret generic', args: ['create', 'secret', 'generic', 'db', '--from-literal=username=admin', '--from-literal=password=s3cr=t', ...D, '-o', 'yaml'] },
  { name: 'secret generic type', args: ['create', 'secret', 'generic', 'db', '--from-file=app.properties', '--type=Opaque', ...D, '-o', 'json'] },
  { name: 'secret generic append-hash', args: ['create', 'secret', 'generic', 'db', '--from-literal=a=b', '--append-hash', ...D, '-o', 'yaml'] },
  { name: 'secret docker-registry', args: ['create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p&<>', '--docker-email=e@x', ...D, '-o', 'yaml'] },
  { name: 'secret docker-registry missing', args: ['create', 'secret', 'docker-registry', 'reg', ...D] },
  { name: 'secret tls missing', args: ['create', 'secret', 'tls', 't', ...D] },
  { name: 'secret tls no files', args: ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=k.pem', ...D] },
  { name: 'secret without subcommand', args: ['create', 'secret'] },
  { name: 'service clusterip', args: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', ...D, '-o', 'yaml'] },
  { name: 'service clusterip json', args: ['create', 'svc', 'clusterip', 'web', '--tcp=80:http,443', ...D, '-o', 'json'] },
  { name: 'service headless', args: ['create', 'service', 'clusterip', 'web', '--clusterip=None', ...D, '-o', 'yaml'] },
  { name: 'service nodeport', args: ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080', ...D, '-o', 'yaml'] },
  { name: 'service loadbalancer', args: ['create', 'service', 'loadbalancer', 'web', '--tcp=80', ...D, '-o', 'yaml'] },
  { name: 'service externalname', args: ['create', 'service', 'externalname', 'ext', '--external-name=example.com', ...D, '-o', 'yaml'] },
  { name: 'service no ports', args: ['create', 'service', 'nodeport', 'web', ...D] },
  { name: 'service bad port', args: ['create', 'service', 'clusterip', 'web', '--tcp=99999', ...D] },
  { name: 'service bad target', args: ['create', 'service', 'clusterip', 'web', '--tcp=80:BAD_', ...D] },
  { name: 'job', args: ['create', 'job', 'pi', '--image=perl:5.34', ...D, '-o', 'yaml', '--', 'perl', '-e', 'print 1'] },
  { name: 'job json', args: ['create', 'job', 'pi', '--image=perl', ...D, '-o', 'json'] },
  { name: 'job without image', args: ['create', 'job', 'pi', ...D] },
  { name: 'cronjob', args: ['create', 'cronjob', 'hello', '--image=busybox:1.28', '--schedule=*/1 * * * *', ...D, '-o', 'yaml', '--', 'date'] },
  { name: 'cronjob json', args: ['create', 'cj', 'hello', '--image=busybox', '--schedule=@daily', '--restart=Never', ...D, '-o', 'json'] },
  { name: 'ingress', args: ['create', 'ingress', 'web', '--rule=mywebapp.example.com/*=webapp-service:80', ...D, '-o', 'yaml'] },
  { name: 'ingress tls and class', args: ['create', 'ing', 'web', '--class=nginx', '--rule=foo.com/=svc:https,tls', '--rule=foo.com/path/sub*=other:8080', '--rule=bar.com/x=b:http,tls=sec1', '--annotation=a=b', ...D, '-o', 'json'] },
  { name: 'ingress default backend', args: ['create', 'ingress', 'web', '--default-backend=svc:80', ...D, '-o', 'yaml'] },
  { name: 'ingress bad rule', args: ['create', 'ingress', 'web', '--rule=nopath', ...D] },
  { name: 'ingress nothing', args: ['create', 'ingress', 'web', ...D] },
  { name: 'quota', args: ['create', 'quota', 'q', '--hard=cpu=1,memory=1024Mi,pods=10', '--scopes=BestEffort,NotTerminating', ...D, '-o', 'yaml'] },
  { name: 'quota bad', args: ['create', 'quota', 'q', '--hard=cpu', ...D] },
  { name: 'pdb', args: ['create', 'pdb', 'p', '--selector=app=web', '--min-available=2', ...D, '-o', 'yaml'] },
  { name: 'pdb json', args: ['create', 'poddisruptionbudget', 'p', '--selector=app=web,tier!=db', '--max-unavailable=25%', ...D, '-o', 'json'] },
  { name: 'pdb no selector', args: ['create', 'pdb', 'p', ...D] },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'high', '--value=1000', '--description=important', ...D, '-o', 'yaml'] },
  { name: 'priorityclass json', args: ['create', 'pc', 'high', '--value=1000', '--global-default', '--preemption-policy=Never', ...D, '-o', 'json'] },
  { name: 'clusterrole nonresource', args: ['create', 'clusterrole', 'c', '--verb=get,list', '--non-resource-url=/logs/*', ...D, '-o', 'yaml'] },
  { name: 'clusterrole aggregation', args: ['create', 'clusterrole', 'c', '--aggregation-rule=a=b', ...D, '-o', 'json'] },
  { name: 'clusterrole bad url', args: ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=/a*b', ...D] },
  { name: 'clusterrole aggregation and verbs', args: ['create', 'clusterrole', 'c', '--verb=get', '--aggregation-rule=a=b', ...D] },
  { name: 'pdb set selectors', args: ['create', 'pdb', 'p', '--selector=a in (x,y),!b', '--min-available=1', ...D, '-o', 'yaml'] },
  { name: 'pdb gt selector', args: ['create', 'pdb', 'p', '--selector=a>1', '--min-available=1', ...D, '-o', 'yaml'] },
  { name: 'role no verbs', args: ['create', 'role', 'r', ...D] },
  { name: 'role no resources', args: ['create', 'role', 'r', '--verb=get', ...D] },
  { name: 'rolebinding', args: ['create', 'rolebinding', 'rb', '--role=r', '--user=u', '--group=g', '--serviceaccount=default:robot', ...D, '-o', 'yaml'] },
  { name: 'rolebinding json', args: ['create', 'rolebinding', 'rb', '--clusterrole=view', '--serviceaccount=default:robot', '-n', 'dev', ...D, '-o', 'json'] },
  { name: 'rolebinding both roles', args: ['create', 'rolebinding', 'rb', '--role=r', '--clusterrole=c', ...D] },
  { name: 'rolebinding bad sa', args: ['create', 'rolebinding', 'rb', '--role=r', '--serviceaccount=robot', ...D] },
  { name: 'clusterrolebinding', args: ['create', 'clusterrolebinding', 'crb', '--clusterrole=cluster-admin', '--user=me', ...D, '-o', 'yaml'] },
  { name: 'create with stray args', args: ['create', 'foo'] },
  { name: 'create without -f', args: ['create'] },
];

describe.skipIf(!HAVE_REAL_KUBECTL)('kubectl create client-side output matches kubectl v1.32', () => {
  it.each(cases)('$name', async ({ args }) => {
    const real = runReal(args, { files: FILES });
    expect(await runOurs(args, { files: FILES })).toEqual(real);
  });
});

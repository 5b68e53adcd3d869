import { describe, expect, it } from 'vitest';
import { editFileName, execCommand, kubectlTarget } from './actions';
import { logsCommand } from './LogView';

const pod = (namespace?: string) => ({ metadata: { name: 'web', namespace } });

describe('inspector actions', () => {
  it.each([
    { name: 'namespaced', resource: 'deployments', obj: pod('shop'), want: 'deployments web -n shop' },
    { name: 'cluster-scoped', resource: 'nodes', obj: { metadata: { name: 'minikube' } }, want: 'nodes minikube' },
  ])('kubectlTarget: $name', ({ resource, obj, want }) => {
    expect(kubectlTarget(resource, obj)).toBe(want);
  });

  it.each([
    { name: 'default namespace', obj: pod('default'), container: undefined, want: 'kubectl exec -it web -- sh' },
    { name: 'other namespace and container', obj: pod('shop'), container: 'side', want: 'kubectl exec -it web -n shop -c side -- sh' },
  ])('execCommand: $name', ({ obj, container, want }) => {
    expect(execCommand(obj, container)).toBe(want);
  });

  it.each([
    { name: 'one container', ns: 'default', containers: 1, want: 'kubectl logs -f web' },
    { name: 'several, elsewhere', ns: 'shop', containers: 2, want: 'kubectl logs -f web -n shop -c nginx' },
  ])('logsCommand: $name', ({ ns, containers, want }) => {
    expect(logsCommand('web', ns, 'nginx', containers)).toBe(want);
  });

  it.each([
    { name: 'a new file', files: new Map<string, string>(), want: 'deployment-web.yaml' },
    { name: 'the same text again', files: new Map([['/home/learner/deployment-web.yaml', 'x']]), want: 'deployment-web.yaml' },
    { name: 'never over other text', files: new Map([['/home/learner/deployment-web.yaml', 'mine']]), want: 'deployment-web-2.yaml' },
  ])('editFileName: $name', ({ files, want }) => {
    expect(editFileName('Deployment', 'web', 'x', files)).toBe(want);
  });
});

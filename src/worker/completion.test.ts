import { describe, expect, it } from 'vitest';
import { completeLine, resolveType, resourceTypeNames, splitForCompletion, type CompletionContext } from './completion';

const objects: Record<string, Record<string, string[]>> = {
  pods: { default: ['web-1', 'web-2', 'db-0'], 'kube-system': ['coredns-abc'] },
  deployments: { default: ['web'] },
  nodes: { '': ['minikube', 'minikube-m02'] },
  namespaces: { '': ['default', 'kube-system', 'kube-public'] },
};
const files: Record<string, string[]> = { '.': ['.hidden', 'pod.yaml', 'notes.txt', 'k8s'], 'k8s/': ['svc.yml', 'deploy.json'] };
const ctx: CompletionContext = {
  listDir: (p) => files[p],
  isDir: (p) => p === 'k8s' || p === 'k8s/',
  listNames: (info, ns) => objects[info.resource]?.[info.namespaced ? ns : ''] ?? [],
  containers: (pod) => (pod === 'web-1' ? ['init', 'nginx'] : []),
  namespace: 'default',
  contexts: ['minikube'],
  commands: ['kubectl', 'cat', 'cd', 'clear', 'ls'],
};
const values = (line: string) => completeLine(line, line.length, ctx).candidates.map((c) => c.value);

describe('splitForCompletion', () => {
  const cases = [
    { name: 'empty', text: '', words: [], cur: '', from: 0 },
    { name: 'partial first word', text: 'kub', words: [], cur: 'kub', from: 0 },
    { name: 'after a space', text: 'kubectl get ', words: ['kubectl', 'get'], cur: '', from: 12 },
    { name: 'quotes removed', text: `echo "a b" 'c`, words: ['echo', 'a b'], cur: 'c', from: 11 },
    { name: 'last command of a pipeline', text: 'kubectl get po | gr', words: [], cur: 'gr', from: 17 },
    { name: 'redirect target', text: 'cat a > o', words: ['cat', 'a'], cur: 'o', from: 8 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = splitForCompletion(c.text);
      expect({ words: r.words, cur: r.cur, from: r.from }).toEqual({ words: c.words, cur: c.cur, from: c.from });
    });
  }
});

describe('completeLine', () => {
  const cases = [
    { name: 'command names', line: 'c', want: ['cat', 'cd', 'clear'] },
    { name: 'kubectl verbs', line: 'kubectl rol', want: ['rollout'] },
    { name: 'subcommands', line: 'kubectl rollout re', want: ['restart', 'resume'] },
    { name: 'resource types with groups', line: 'kubectl get deploy', want: ['deployments.apps'] },
    { name: 'names of the typed kind', line: 'kubectl get pods web', want: ['web-1', 'web-2'] },
    { name: 'names already given are skipped', line: 'kubectl get pods web-1 web', want: ['web-2'] },
    { name: 'short names resolve', line: 'kubectl describe po d', want: ['db-0'] },
    { name: '-n changes the namespace', line: 'kubectl get pods -n kube-system c', want: ['coredns-abc'] },
    { name: '--namespace= value', line: 'kubectl get pods --namespace=kube-p', want: ['--namespace=kube-public'] },
    { name: 'TYPE/NAME form', line: 'kubectl delete deployment/w', want: ['deployment/web'] },
    { name: 'scale offers its allowed types', line: 'kubectl scale d', want: ['deployment'] },
    { name: 'logs offers pods and pod-owning types', line: 'kubectl logs d', want: ['db-0', 'daemonsets/', 'deployments/'] },
    { name: 'logs POD offers containers', line: 'kubectl logs web-1 ', want: ['init', 'nginx'] },
    { name: 'drain offers nodes', line: 'kubectl drain minikube-', want: ['minikube-m02'] },
    { name: 'output formats', line: 'kubectl get pods -o j', want: ['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'] },
    { name: 'flags', line: 'kubectl get --show-l', want: ['--show-labels'] },
    { name: '-f offers manifests and directories', line: 'kubectl apply -f ', want: ['pod.yaml', 'k8s/'] },
    { name: '-f inside a directory', line: 'kubectl apply -f k8s/', want: ['k8s/svc.yml', 'k8s/deploy.json'] },
    { name: 'files for other commands, hidden ones only when asked', line: 'cat .', want: ['.hidden'] },
    { name: 'cd offers directories only', line: 'cd ', want: ['k8s/'] },
    { name: 'completion shells', line: 'kubectl completion b', want: ['bash'] },
  ];
  for (const c of cases) it(c.name, () => expect(values(c.line)).toEqual(c.want));

  it('describes verbs as kubectl does', () => {
    const [get] = completeLine('kubectl get', 11, ctx).candidates;
    expect(get).toEqual({ value: 'get', description: 'Display one or many resources' });
  });

  it('asks for no space after a lone directory', () => {
    expect(completeLine('cat k8', 6, ctx)).toMatchObject({ from: 4, to: 6, noSpace: true, candidates: [{ value: 'k8s/' }] });
  });
});

describe('resource types', () => {
  it('lists types as `kubectl api-resources --verbs=get -o name` (core first, then by group)', () => {
    const names = resourceTypeNames();
    expect(names.slice(0, 2)).toEqual(['componentstatuses', 'configmaps']);
    expect(names).toContain('deployments.apps');
    expect(names).not.toContain('bindings');
    expect(names.indexOf('deployments.apps')).toBeLessThan(names.indexOf('cronjobs.batch'));
  });

  it('resolves plural, singular, short and grouped names', () => {
    expect(['po', 'pod', 'pods', 'Pod'].map((t) => resolveType(t)?.resource)).toEqual(['pods', 'pods', 'pods', 'pods']);
    expect(resolveType('deployments.apps')?.kind).toBe('Deployment');
    expect(resolveType('nosuch')).toBeUndefined();
  });
});

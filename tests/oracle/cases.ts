// The command lines the oracle suites compare with the real kubectl v1.32 (tests/oracle/*.test.ts). Kept as
// data so docs/kubectl-support.md can be generated from what is tested (scripts/gen-kubectl-support.ts).

/** A compared command line; `normalize` masks what legitimately differs between two runs. */
export interface OracleCase {
  line: string;
  normalize?: (s: string) => string;
  /** Why the normalization is needed. */
  note?: string;
}

/**
 * Client-side ages of a streaming command move with the wall clock between the two runs (the real one runs
 * until interrupted): durations masked, column padding collapsed.
 */
export function maskAges(s: string): string {
  return s.replace(/\b\d+(?:[dhms]\d*)*[dhms]\b/g, '<age>').replace(/ {2,}/g, '  ');
}

/**
 * describe of a ConfigMap or Secret ranges over a Go map (random order in the real kubectl): the Data
 * section's entries sorted. ConfigMap entries are blocks ("key:\n----\nvalue\n"), Secret entries lines.
 */
export function sortDescribeData(s: string): string {
  return s.replace(/(\nData\n====\n)([\s\S]*?)(\n\n(?:BinaryData|Events)|$)/, (_m, head: string, body: string, tail: string) => {
    const blocks = body.includes('\n----\n') ? body.split(/\n(?=[^\n]+:\n----\n)/) : body.split('\n');
    return head + blocks.sort().join('\n') + tail;
  });
}

const ages = (line: string): OracleCase => ({ line, normalize: maskAges, note: 'streams until interrupted; ages move meanwhile' });
const mapOrder = (line: string): OracleCase => ({ line, normalize: sortDescribeData, note: 'Go map iteration order is random' });

export const GET_CASES: readonly (string | OracleCase)[] = [
  'get nodes', 'get nodes -o wide', 'get no --no-headers', 'get pods', 'get po -A', 'get pods -o wide', 'get pods -n kube-system',
  'get svc', 'get services', 'get deploy', 'get deployments -o wide', 'get rs', 'get sts', 'get ds -A', 'get all', 'get all -A',
  'get cm', 'get secrets', 'get pvc', 'get pv', 'get sc', 'get ing', 'get jobs', 'get cj', 'get ns', 'get ep', 'get endpointslices',
  'get sa', 'get lease -A', 'get priorityclass', 'get roles', 'get rolebindings -o wide', 'get events', 'get po,svc', 'get svc,cm -A',
  'get pods --show-labels', 'get pods -L app', 'get pods -l app=my-webapp', 'get pods --sort-by=.metadata.name',
  'get pods -A --sort-by=.metadata.creationTimestamp', 'get pods -o name', 'get deploy,svc -o name',
  "get pods -o jsonpath='{.items[*].metadata.name}'",
  "get nodes -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.nodeInfo.kubeletVersion}{\"\\n\"}{end}'",
  'get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image',
  "get svc -o go-template='{{range .items}}{{.metadata.name}} {{end}}'",
  'get svc -o yaml', 'get svc kubernetes -o json', 'get cm webapp-config -o yaml', 'get cm webapp-config -o json',
  'get secret db-credentials -o yaml', 'get deploy webapp-deployment -o yaml', 'get pod test-app-pod -o yaml',
  'get deploy webapp-deployment -o jsonpath={.spec.replicas}', 'get ns default --show-labels',
  ages('get pods -w'), ages('get deploy -w -o name'), ages('get svc --watch-only'),
];

export const DESCRIBE_CASES: readonly (string | OracleCase)[] = [
  'describe pod test-app-pod', 'describe pods -n kube-system', 'describe deploy webapp-deployment', 'describe deployment',
  'describe svc webapp-service', 'describe service kubernetes', 'describe node minikube', 'describe pvc database-pvc',
  'describe ingress webapp-ingress', mapOrder('describe secret db-credentials'), mapOrder('describe configmap webapp-config'),
  'describe cm kube-root-ca.crt', 'describe ns default', 'describe namespace kube-system', 'describe sts database-statefulset',
  'describe rs', 'describe job pi', 'describe cj hello', 'describe sa default', 'describe sc standard', 'describe ep webapp-service',
  'describe ds -n kube-system', 'describe priorityclass', 'describe role pod-reader', 'describe rolebinding read-pods',
  'describe pods webapp', 'describe lease -n kube-node-lease',
];

export const ERROR_CASES: readonly (string | OracleCase)[] = [
  'get pod nope', 'get pods nope other', 'get podz', 'get pods --foo', 'get', 'get pods -o foo', 'get pods -l "a in (b"',
  'get pods --sort-by=.foo', 'get deploy/nope svc/nope', 'describe pod nope', 'describe podz', 'describe', 'get pods -n',
  'get pods --all-namespaces=maybe', 'get nodes -o jsonpath={.items[*', 'get pods --chunk-size=abc',
  // A patch whose JSON lost its quotes to the shell goes to the server as it is (util/yaml ToJSON), which answers in
  // encoding/json's words; one that is not JSON is read as YAML by kubectl itself.
  'patch pod test-app-pod -p {metadata:{labels:{a:b}}}', 'patch pod test-app-pod --type=merge -p {"metadata":{"labels":1',
  'patch pod test-app-pod -p [{bad', 'patch pod test-app-pod -p [bad', 'patch pod test-app-pod -p [a,',
  'patch pod test-app-pod --dry-run=client -p {metadata:1}', 'patch pod test-app-pod --dry-run=client --type=merge -p {metadata:1}',
  'patch pod test-app-pod --dry-run=client --type=json -p {metadata:1}', 'patch pod test-app-pod --type=json -p {metadata:1}',
];

export const DISCOVERY_CASES: readonly (string | OracleCase)[] = [
  'api-resources', 'api-resources -o wide', 'api-resources -o name', 'api-resources --namespaced=false', 'api-resources --api-group=apps',
  'api-resources --sort-by=kind', 'api-resources --verbs=list,get --no-headers', 'api-versions', 'version', 'version -o json',
  'version -o yaml', 'version --client', 'version -o foo', 'cluster-info',
  'explain pods', 'explain pod.spec', 'explain pods.spec.containers', 'explain pod.spec.restartPolicy', 'explain deployment',
  'explain deployments.apps.spec.strategy', 'explain svc.spec.ports', 'explain pods.metadata.labels', 'explain pods --recursive',
  'explain podz', 'explain pods.spec.foo', 'explain', 'explain ingress.spec.rules', 'explain cronjob.spec.jobTemplate',
  'explain node.status.capacity', 'explain deploy.spec.strategy.rollingUpdate.maxSurge',
];

export const CONFIG_AUTH_EVENTS_CASES: readonly (string | OracleCase)[] = [
  'config view', 'config view -o json', 'config view --minify', 'config view -o jsonpath={.contexts[*].name}', 'config current-context',
  'config get-contexts', 'config get-contexts -o name', 'config get-contexts nope', 'config get-clusters', 'config get-users',
  'config use-context nope', 'config set-context --current --namespace=kube-system', 'config get-contexts', 'get pods',
  'config set-context --current --namespace=default', 'config use-context minikube',
  'auth can-i get pods', 'auth can-i list deployments -n kube-system', 'auth can-i foo pods', 'auth can-i get foos',
  'auth can-i get nodes', "auth can-i '*' '*'", 'auth can-i get /logs/', 'auth can-i get pods --subresource=log',
  'auth can-i --list', 'auth can-i get pods --as=jane', 'auth can-i delete pods --as=jane',
  'auth can-i get deployments.apps/webapp --as=jane', 'auth can-i list pods --as=system:serviceaccount:default:viewer',
  'auth can-i --list --as=jane', 'auth can-i get pods -q --as=bob', 'auth can-i', 'auth can-i --list -q', 'auth whoami',
  'auth whoami --as=jane --as-group=devs',
  'events', 'events -A', 'events -n kube-system', 'events --types=Warning', 'events --types=Foo', 'events --for deployment/webapp',
  'events --for pod', 'events --for foo/bar', 'events -o name --for deployment/webapp-deployment', 'events -n nothere',
  ages('events -w'), 'top pod', 'top node', 'top node --sort-by=foo',
];

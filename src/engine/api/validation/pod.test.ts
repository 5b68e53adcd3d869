// Pod create and update messages, as `kubectl apply` shows them after "The ".
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { createMessage, updateMessage } from './testing';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, NAME_PART, POD_UPDATE } from './test-messages';

/** A pod with one container, its spec body indented under `spec:`. */
const pod = (spec: string, name = 'p', meta = '') => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${meta}spec:
${spec}`;

const nginx = `  containers:
  - name: web
    image: nginx
`;

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'missing image', yaml: pod('  containers:\n  - name: web\n'), want: 'Pod "p" is invalid: spec.containers[0].image: Required value' },
  { name: 'container name not a DNS label', yaml: pod('  containers:\n  - name: Web\n    image: nginx\n'),
    want: `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": ${DNS1123_LABEL}` },
  { name: 'pod name with capitals', yaml: pod(nginx, 'MyPod'),
    want: `Pod "MyPod" is invalid: metadata.name: Invalid value: "MyPod": ${DNS1123_SUBDOMAIN}` },
  { name: 'no containers', yaml: pod('  containers: []\n'), want: 'Pod "p" is invalid: spec.containers: Required value' },
  { name: 'duplicate container names', yaml: pod('  containers:\n  - name: web\n    image: nginx\n  - name: web\n    image: redis\n'),
    want: 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"' },
  { name: 'containerPort out of range', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 70000\n'),
    want: 'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive' },
  { name: 'port name with capitals', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: Http\n      containerPort: 80\n'),
    want: 'Pod "p" is invalid: spec.containers[0].ports[0].name: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
  { name: 'port name of digits only', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: "8080"\n      containerPort: 80\n'),
    want: 'Pod "p" is invalid: spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)' },
  { name: 'mount of an undeclared volume', yaml: pod(`${nginx}    volumeMounts:\n    - name: data\n      mountPath: /data\n`),
    want: 'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"' },
  { name: 'two mounts on one path', yaml: pod(`${nginx}    volumeMounts:\n    - name: a\n      mountPath: /data\n    - name: b\n      mountPath: /data\n  volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    emptyDir: {}\n`),
    want: 'Pod "p" is invalid: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique' },
  { name: 'env value and valueFrom', yaml: pod(`${nginx}    env:\n    - name: A\n      value: x\n      valueFrom:\n        secretKeyRef:\n          name: s\n          key: k\n`),
    want: 'Pod "p" is invalid: spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty' },
  { name: 'secretKeyRef without key', yaml: pod(`${nginx}    env:\n    - name: A\n      valueFrom:\n        secretKeyRef:\n          name: db-credentials\n`),
    want: 'Pod "p" is invalid: spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value' },
  { name: 'env name with =', yaml: pod(`${nginx}    env:\n    - name: A=B\n      value: x\n`),
    want: 'Pod "p" is invalid: spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'' },
  { name: 'envFrom with neither source', yaml: pod(`${nginx}    envFrom:\n    - prefix: APP_\n`),
    want: 'Pod "p" is invalid: spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`' },
  { name: 'fieldRef to an unsupported field', yaml: pod(`${nginx}    env:\n    - name: PHASE\n      valueFrom:\n        fieldRef:\n          fieldPath: status.phase\n`),
    want: 'Pod "p" is invalid: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"' },
  { name: 'requests above limits', yaml: pod(`${nginx}    resources:\n      requests:\n        cpu: "2"\n      limits:\n        cpu: "1"\n`),
    want: 'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1' },
  { name: 'unknown resource name', yaml: pod(`${nginx}    resources:\n      limits:\n        gpu: "1"\n`),
    want: 'Pod "p" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified, spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers]' },
  { name: 'restartPolicy', yaml: pod(`${nginx}  restartPolicy: Sometimes\n`),
    want: 'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' },
  { name: 'dnsPolicy', yaml: pod(`${nginx}  dnsPolicy: Cluster\n`),
    want: 'Pod "p" is invalid: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' },
  { name: 'imagePullPolicy', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    imagePullPolicy: Sometimes\n'),
    want: 'Pod "p" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"' },
  { name: 'toleration without key nor Exists', yaml: pod(`${nginx}  tolerations:\n  - operator: Equal\n    value: x\n    effect: NoSchedule\n`),
    want: 'Pod "p" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"' },
  { name: 'toleration effect', yaml: pod(`${nginx}  tolerations:\n  - key: dedicated\n    operator: Exists\n    effect: NoRun\n`),
    want: 'Pod "p" is invalid: spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' },
  { name: 'tolerationSeconds without NoExecute', yaml: pod(`${nginx}  tolerations:\n  - key: k\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 30\n`),
    want: 'Pod "p" is invalid: spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set' },
  { name: 'nodeSelector value', yaml: pod(`${nginx}  nodeSelector:\n    disk: fast ssd\n`),
    want: `Pod "p" is invalid: spec.nodeSelector: Invalid value: "fast ssd": ${LABEL_VALUE}` },
  { name: 'probe without handler', yaml: pod(`${nginx}    livenessProbe:\n      initialDelaySeconds: 5\n`),
    want: 'Pod "p" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type' },
  { name: 'liveness successThreshold', yaml: pod(`${nginx}    livenessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 2\n`),
    want: 'Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1' },
  { name: 'probe port name', yaml: pod(`${nginx}    readinessProbe:\n      httpGet:\n        port: HTTP\n`),
    want: 'Pod "p" is invalid: [spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)]' },
  { name: 'probe on an init container', yaml: pod(`${nginx}  initContainers:\n  - name: init\n    image: busybox\n    readinessProbe:\n      exec:\n        command: [true]\n`),
    want: 'Pod "p" is invalid: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always' },
  { name: 'sidecar restartPolicy other than Always', yaml: pod(`${nginx}  initContainers:\n  - name: log\n    image: busybox\n    restartPolicy: OnFailure\n`),
    want: 'Pod "p" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"' },
  { name: 'restartPolicy on a regular container', yaml: pod('  containers:\n  - name: web\n    image: nginx\n    restartPolicy: Always\n'),
    want: 'Pod "p" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers' },
  { name: 'init container named like a container', yaml: pod(`${nginx}  initContainers:\n  - name: web\n    image: busybox\n`),
    want: 'Pod "p" is invalid: spec.initContainers[0].name: Duplicate value: "web"' },
  { name: 'hostPath without path', yaml: pod(`${nginx}  volumes:\n  - name: host\n    hostPath:\n      type: Directory\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].hostPath.path: Required value' },
  { name: 'hostPath type', yaml: pod(`${nginx}  volumes:\n  - name: host\n    hostPath:\n      path: /var/log\n      type: Folder\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].hostPath.type: Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"' },
  { name: 'configMap volume without name', yaml: pod(`${nginx}  volumes:\n  - name: cfg\n    configMap: {}\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].configMap.name: Required value' },
  { name: 'two sources in one volume', yaml: pod(`${nginx}  volumes:\n  - name: v\n    emptyDir: {}\n    hostPath:\n      path: /tmp\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type' },
  { name: 'invalid volume name hides it from mounts', yaml: pod(`${nginx}    volumeMounts:\n    - name: Data\n      mountPath: /data\n  volumes:\n  - name: Data\n    emptyDir: {}\n`),
    want: `Pod "p" is invalid: [spec.volumes[0].name: Invalid value: "Data": ${DNS1123_LABEL}, spec.containers[0].volumeMounts[0].name: Not found: "Data"]` },
  { name: 'secret defaultMode', yaml: pod(`${nginx}  volumes:\n  - name: s\n    secret:\n      secretName: s\n      defaultMode: 1000\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive' },
  { name: 'downwardAPI item path', yaml: pod(`${nginx}  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - path: /etc/labels\n        fieldRef:\n          fieldPath: metadata.labels\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].downwardAPI.path: Invalid value: "/etc/labels": must be a relative path' },
  { name: 'pvc volume without claimName', yaml: pod(`${nginx}  volumes:\n  - name: data\n    persistentVolumeClaim: {}\n`),
    want: 'Pod "p" is invalid: spec.volumes[0].persistentVolumeClaim.claimName: Required value' },
  { name: 'runAsUser negative', yaml: pod(`${nginx}  securityContext:\n    runAsUser: -1\n`),
    want: 'Pod "p" is invalid: spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive' },
  { name: 'node affinity without terms', yaml: pod(`${nginx}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: []\n`),
    want: 'Pod "p" is invalid: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term' },
  { name: 'pod affinity without topologyKey', yaml: pod(`${nginx}  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: db\n`),
    want: `Pod "p" is invalid: [spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty, spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty, spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": ${NAME_PART}]` },
  { name: 'hostPort clash between containers', yaml: pod('  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n  - name: b\n    image: nginx\n    ports:\n    - containerPort: 81\n      hostPort: 8080\n'),
    want: 'Pod "p" is invalid: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"' },
  { name: 'activeDeadlineSeconds zero', yaml: pod(`${nginx}  activeDeadlineSeconds: 0\n`),
    want: 'Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive' },
  { name: 'several errors, in upstream order', yaml: pod('  containers:\n  - name: Web\n  restartPolicy: Sometimes\n', 'Bad'),
    want: `Pod "Bad" is invalid: [metadata.name: Invalid value: "Bad": ${DNS1123_SUBDOMAIN}, spec.containers[0].name: Invalid value: "Web": ${DNS1123_LABEL}, spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]` },
  { name: 'annotation key', yaml: pod(nginx, 'p', '  annotations:\n    my annotation: x\n'),
    want: `Pod "p" is invalid: metadata.annotations: Invalid value: "my annotation": ${NAME_PART}` },
  { name: 'label key prefix', yaml: pod(nginx, 'p', '  labels:\n    Example.com/app: x\n'),
    want: `Pod "p" is invalid: metadata.labels: Invalid value: "Example.com/app": prefix part ${DNS1123_SUBDOMAIN}` },
  { name: 'image with trailing space', yaml: pod('  containers:\n  - name: web\n    image: "nginx "\n'),
    want: 'Pod "p" is invalid: spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace' },
];

describe('Pod create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });

  it('a missing name is required', () => {
    expect(createMessage(pod(nginx, 'x'), (o) => { delete o.metadata!.name; }))
      .toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('a sidecar may carry probes', () => {
    expect(createMessage(pod(`${nginx}  initContainers:\n  - name: log\n    image: busybox\n    restartPolicy: Always\n    readinessProbe:\n      exec:\n        command: [true]\n`))).toBe('');
  });
});

describe('Pod update', () => {
  const base = pod(`${nginx}  tolerations:\n  - key: k\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 30\n  activeDeadlineSeconds: 100\n`);

  it('may change an image', () => {
    expect(updateMessage(base, (o) => { (o.spec as { containers: { image: string }[] }).containers[0].image = 'nginx:1.27'; })).toBe('');
  });

  it('may not add a container', () => {
    const added = { name: 'b', image: 'redis', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File' };
    expect(updateMessage(base, (o) => { (o.spec as { containers: unknown[] }).containers.push(added); }))
      .toBe('Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('may only lower activeDeadlineSeconds', () => {
    expect(updateMessage(base, (o) => { (o.spec as { activeDeadlineSeconds: number }).activeDeadlineSeconds = 200; }))
      .toBe('Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value');
  });

  it('may not modify a toleration', () => {
    expect(updateMessage(base, (o) => { (o.spec as { tolerations: { key: string }[] }).tolerations[0].key = 'other'; }))
      .toBe('Pod "p" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('may not change other fields, and says which ones may change', () => {
    const msg = updateMessage(base, (o) => {
      (o.spec as { containers: { ports?: unknown[] }[] }).containers[0].ports = [{ containerPort: 8080, protocol: 'TCP' }];
    });
    expect(msg.startsWith(`Pod "p" is invalid: spec: Forbidden: ${POD_UPDATE}\n  core.PodSpec{\n`)).toBe(true);
    expect(msg).toContain('- \t\t\tPorts:      nil,\n+ \t\t\tPorts:      {{ContainerPort: 8080, Protocol: "TCP"}},\n');
    expect(msg.endsWith('  \tRestartPolicy:       "Always",\n  \t... // 29 identical fields\n  }\n')).toBe(true);
  });

  it('keeps the status rules: a terminated container of a Never pod stays terminated', () => {
    const never = pod(`${nginx}  restartPolicy: Never\n`);
    const withState = (state: object) => (o: KubeObject) => {
      o.status = { containerStatuses: [{ name: 'web', image: 'nginx', imageID: '', ready: false, restartCount: 0, state }] };
    };
    expect(updateMessage(never, withState({ running: {} }), true, withState({ terminated: { exitCode: 0 } })))
      .toBe('Pod "p" is invalid: status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state');
  });
});

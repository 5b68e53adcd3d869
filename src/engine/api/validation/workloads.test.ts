// Deployment, ReplicaSet, DaemonSet and StatefulSet messages.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { createMessage, updateMessage } from './testing';
import { DNS1123_LABEL } from './test-messages';

const deployment = (spec: string, kind = 'Deployment', name = 'web') => `
apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
${spec}`;

const template = (labels = 'app: web', extra = '') => `  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
      - name: web
        image: nginx
${extra}`;

const selector = (labels = 'app: web') => `  selector:\n    matchLabels:\n      ${labels}\n`;

type Spec = Record<string, unknown>;
const spec = (o: KubeObject) => o.spec as Spec;

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'Deployment selector does not match the template', yaml: deployment(selector() + template('app: api')),
    want: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`' },
  { name: 'Deployment without selector', yaml: deployment(template()),
    want: 'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]' },
  { name: 'Deployment negative replicas', yaml: deployment(`  replicas: -1\n${selector()}${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
  { name: 'Deployment maxSurge and maxUnavailable both 0', yaml: deployment(`${selector()}  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0' },
  { name: 'Deployment maxUnavailable above 100%', yaml: deployment(`${selector()}  strategy:\n    rollingUpdate:\n      maxUnavailable: 110%\n${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%' },
  { name: 'Deployment maxSurge not a percent', yaml: deployment(`${selector()}  strategy:\n    rollingUpdate:\n      maxSurge: abc\n${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')' },
  { name: 'Deployment progress deadline not above minReadySeconds', yaml: deployment(`  minReadySeconds: 20\n  progressDeadlineSeconds: 10\n${selector()}${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds' },
  { name: 'Deployment strategy type', yaml: deployment(`${selector()}  strategy:\n    type: BlueGreen\n${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"' },
  { name: 'Deployment Recreate with rollingUpdate', yaml: deployment(`${selector()}  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n${template()}`),
    want: 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'' },
  { name: 'Deployment template restartPolicy', yaml: deployment(selector() + template('app: web', '      restartPolicy: Never\n')),
    want: 'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"' },
  { name: 'Deployment template pod spec', yaml: deployment(`${selector()}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n`),
    want: 'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value' },
  { name: 'Deployment template label value', yaml: deployment(selector() + template('app: web\n        tier: front end')),
    want: 'Deployment.apps "web" is invalid: spec.template.labels: Invalid value: "front end": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')' },
  { name: 'ReplicaSet empty selector', yaml: deployment(`  selector:\n    matchLabels: {}\n${template()}`, 'ReplicaSet'),
    want: 'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment' },
  { name: 'ReplicaSet selector operator', yaml: deployment(`  selector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]\n${template()}`, 'ReplicaSet'),
    want: 'ReplicaSet.apps "web" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Equals", Values:[]string{"web"}}}}: invalid label selector]' },
  { name: 'DaemonSet without selector reports only the mismatch', yaml: deployment(template(), 'DaemonSet'),
    want: 'DaemonSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`' },
  { name: 'DaemonSet rolling update with nothing to move', yaml: deployment(`${selector()}  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n${template()}`, 'DaemonSet'),
    want: 'DaemonSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0' },
  { name: 'StatefulSet name with dots', yaml: deployment(`  serviceName: db\n${selector()}${template()}`, 'StatefulSet', 'db.v1'),
    want: 'StatefulSet.apps "db.v1" is invalid: metadata.name: Invalid value: "db.v1": must not contain dots' },
  { name: 'StatefulSet name not a label', yaml: deployment(`  serviceName: db\n${selector()}${template()}`, 'StatefulSet', 'DB'),
    want: `StatefulSet.apps "DB" is invalid: metadata.name: Invalid value: "DB": ${DNS1123_LABEL}` },
  { name: 'StatefulSet podManagementPolicy', yaml: deployment(`  podManagementPolicy: Random\n${selector()}${template()}`, 'StatefulSet'),
    want: 'StatefulSet.apps "web" is invalid: spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\'' },
  { name: 'StatefulSet selector mismatch', yaml: deployment(selector('app: db') + template(), 'StatefulSet'),
    want: 'StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`' },
  // Upstream leaves a StatefulSet's pod spec and claim templates to the controller (kubernetes#137728, #132211).
  { name: 'StatefulSet pod spec is not validated', yaml: deployment(`${selector()}  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      resources:\n        requests:\n          storage: 1Gi\n`, 'StatefulSet'),
    want: '' },
];

describe('workloads on create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });
});

describe('workloads on update', () => {
  it('a Deployment selector is immutable', () => {
    const msg = updateMessage(deployment(selector() + template()), (o) => {
      spec(o).selector = { matchLabels: { app: 'web2' } };
      (spec(o).template as { metadata: { labels: Record<string, string> } }).metadata.labels = { app: 'web2' };
    });
    expect(msg).toBe('Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });

  it('a Deployment may scale and change its image', () => {
    expect(updateMessage(deployment(selector() + template()), (o) => {
      spec(o).replicas = 5;
      (spec(o).template as { spec: { containers: { image: string }[] } }).spec.containers[0].image = 'nginx:1.27';
    })).toBe('');
  });

  it('a StatefulSet may not change its claim templates', () => {
    const sts = deployment(`  serviceName: db\n${selector()}${template()}  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n`, 'StatefulSet');
    const msg = updateMessage(sts, (o) => {
      (spec(o).volumeClaimTemplates as { spec: { resources: { requests: { storage: string } } } }[])[0].spec.resources.requests.storage = '2Gi';
    });
    expect(msg).toBe('StatefulSet.apps "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than \'replicas\', \'ordinals\', \'template\', \'updateStrategy\', \'persistentVolumeClaimRetentionPolicy\' and \'minReadySeconds\' are forbidden');
  });

  it('a StatefulSet may scale', () => {
    expect(updateMessage(deployment(`  serviceName: db\n${selector()}${template()}`, 'StatefulSet'), (o) => { spec(o).replicas = 3; })).toBe('');
  });

  it('a status update may not report more ready than total replicas', () => {
    const msg = updateMessage(deployment(selector() + template()), (o) => { o.status = { replicas: 1, readyReplicas: 2, availableReplicas: 1 }; }, true);
    expect(msg).toBe('Deployment.apps "web" is invalid: status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas');
  });
});

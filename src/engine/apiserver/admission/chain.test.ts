// The whole chain on the seed objects: what a learner's Pod, PVC and Ingress look like in a v1.32
// minikube cluster once decoded, defaulted and admitted (nodeName, status and server metadata aside).
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { applyDefaults } from '../../api/defaults';
import { resourceFor, type KubeObject, type Pod } from '../../api';
import { ADMISSION_PLUGINS, runAdmission } from './index';
import { attrs, fakeContext } from './testing';
import * as seed from '../../../../tests/fixtures';

const minikube: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'k8s.io/minikube-hostpath',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } } as KubeObject,
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', spec: { controller: 'k8s.io/ingress-nginx' },
    metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } },
];

/** Decode-time defaults, then both admission phases, as the API server runs them for a create. */
function create(group: string, resource: string, manifest: string): KubeObject {
  const obj = load(manifest) as KubeObject;
  obj.metadata = { namespace: 'default', ...obj.metadata };
  applyDefaults(obj, resourceFor(group, resource)!);
  runAdmission(attrs(group, resource, { object: obj }), fakeContext(minikube));
  return obj;
}

describe('admission chain', () => {
  it('runs the default-on plugins in AllOrderedPlugins order', () => {
    expect(ADMISSION_PLUGINS.map((p) => p.name)).toEqual(['NamespaceLifecycle', 'LimitRanger', 'ServiceAccount',
      'TaintNodesByCondition', 'Priority', 'DefaultTolerationSeconds', 'DefaultStorageClass', 'StorageObjectInUseProtection',
      'PersistentVolumeClaimResize', 'DefaultIngressClass']);
  });

  it('Pod test-app-pod comes out as `kubectl get pod -o yaml` shows it', () => {
    const pod = create('', 'pods', seed.TEST_APP_POD) as Pod;
    const vol = pod.spec!.volumes![0].name;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod).toEqual(load(`
apiVersion: v1
kind: Pod
metadata:
  name: test-app-pod
  namespace: default
spec:
  containers:
  - image: nginx:latest
    imagePullPolicy: Always
    name: test-app-container
    ports:
    - containerPort: 80
      protocol: TCP
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: ${vol}
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: ${vol}
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status: {}
`));
  });

  it('the volume suffix comes from the seeded Rng: same seed, same name', () => {
    const names = [1, 1, 2].map((seed) => {
      const pod: KubeObject = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
      runAdmission(attrs('', 'pods', { object: pod }), fakeContext(minikube, seed));
      return (pod as Pod).spec!.volumes![0].name;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).not.toBe(names[2]);
  });

  it('PVC database-pvc gets minikube\'s default class and the protection finalizer', () => {
    const pvc = create('', 'persistentvolumeclaims', seed.DATABASE_PVC);
    expect(pvc).toEqual(load(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  finalizers:
  - kubernetes.io/pvc-protection
  name: database-pvc
  namespace: default
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: standard
  volumeMode: Filesystem
status:
  phase: Pending
`));
  });

  it('Ingress webapp-ingress gets the default IngressClass (minikube ingress addon: nginx)', () => {
    const ing = create('networking.k8s.io', 'ingresses', seed.WEBAPP_INGRESS);
    expect((ing.spec as { ingressClassName?: string }).ingressClassName).toBe('nginx');
  });

  it('workload objects pass unchanged: ServiceAccount, Priority and tolerations act on pods only', () => {
    const d = create('apps', 'deployments', `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`);
    const spec = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.tolerations).toBeUndefined();
    expect(spec.priority).toBeUndefined();
    expect(spec.volumes).toBeUndefined();
  });
});

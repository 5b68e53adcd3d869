// The tutorial seeds' manifests, as kubectl sends them, against what a v1.32 cluster shows in
// `kubectl get -o yaml` once defaulted — minus metadata the server sets (uid, resourceVersion,
// creationTimestamp, managedFields, last-applied annotation), what admission adds (see
// apiserver/admission), registry-allocated fields (clusterIP, ipFamilies, selectors) and controller status.
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { applyDefaults } from './index';
import { resourceForKind, parseApiVersion } from '../kinds';
import type { KubeObject } from '../types';
import * as seed from '../../../../tests/fixtures';

// Variations on the shared seeds, kept small and explicit: a Secret with another password, and the
// StatefulSet with its first env var only.
const SECRET = seed.seedObject(seed.DB_CREDENTIALS);
SECRET.data.password = 'czNjcmV0';
const STATEFULSET = seed.seedObject(seed.DATABASE_STATEFULSET);
STATEFULSET.spec.template.spec.containers[0].env.splice(1);

function defaulted(manifest: string | KubeObject): KubeObject {
  const obj = (typeof manifest === 'string' ? load(manifest) : structuredClone(manifest)) as KubeObject;
  const { group, version } = parseApiVersion(obj.apiVersion!);
  applyDefaults(obj, resourceForKind(group, version, obj.kind!)!);
  return obj;
}

const cases: { name: string; input: string | KubeObject; want: string }[] = [
  {
    name: 'Pod test-app-pod',
    input: seed.TEST_APP_POD,
    want: `
apiVersion: v1
kind: Pod
metadata:
  name: test-app-pod
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
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  terminationGracePeriodSeconds: 30
status: {}
`,
  },
  {
    name: 'Deployment webapp-deployment',
    input: seed.WEBAPP_DEPLOYMENT,
    want: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapp-deployment
spec:
  progressDeadlineSeconds: 600
  replicas: 3
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: my-webapp
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: my-webapp
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: webapp-config
        image: nginx:latest
        imagePullPolicy: Always
        name: webapp
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      - env:
        - name: MONGO_INITDB_ROOT_USERNAME
          valueFrom:
            secretKeyRef:
              key: username
              name: db-credentials
        - name: MONGO_INITDB_ROOT_PASSWORD
          valueFrom:
            secretKeyRef:
              key: password
              name: db-credentials
        image: mongo:latest
        imagePullPolicy: Always
        name: database
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /data/db
          name: db-data
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
      volumes:
      - name: db-data
        persistentVolumeClaim:
          claimName: database-pvc
status: {}
`,
  },
  {
    name: 'Service webapp-service (clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy come from the registry)',
    input: seed.WEBAPP_SERVICE,
    want: `
apiVersion: v1
kind: Service
metadata:
  name: webapp-service
spec:
  internalTrafficPolicy: Cluster
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: my-webapp
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
`,
  },
  {
    name: 'ConfigMap webapp-config (no defaults)',
    input: seed.WEBAPP_CONFIG,
    want: `
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  DATABASE_URL: mongodb://database-service:27017/mydb
  WEBAPP_ENV: production
`,
  },
  {
    name: 'Secret db-credentials (type given)',
    input: SECRET,
    want: `
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  password: czNjcmV0
  username: YWRtaW4=
`,
  },
  {
    name: 'PersistentVolumeClaim database-pvc (storageClassName and the finalizer come from admission)',
    input: seed.DATABASE_PVC,
    want: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: database-pvc
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  volumeMode: Filesystem
status:
  phase: Pending
`,
  },
  {
    name: 'StatefulSet database-statefulset',
    input: STATEFULSET,
    want: `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: database-statefulset
spec:
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  podManagementPolicy: OrderedReady
  replicas: 1
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: database
  serviceName: database
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: database
    spec:
      containers:
      - env:
        - name: MONGO_INITDB_ROOT_USERNAME
          valueFrom:
            secretKeyRef:
              key: username
              name: db-credentials
        image: mongo:latest
        imagePullPolicy: Always
        name: database
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
  updateStrategy:
    rollingUpdate:
      partition: 0
    type: RollingUpdate
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      creationTimestamp: null
      name: database-data
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
      volumeMode: Filesystem
    status:
      phase: Pending
status:
  availableReplicas: 0
  replicas: 0
`,
  },
  {
    name: 'CronJob hello (the jobTemplate gets pod-template defaults, not Job defaults)',
    input: seed.HELLO_CRONJOB,
    want: `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  concurrencyPolicy: Allow
  failedJobsHistoryLimit: 1
  jobTemplate:
    metadata:
      creationTimestamp: null
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            name: hello
            resources: {}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
          dnsPolicy: ClusterFirst
          restartPolicy: OnFailure
          schedulerName: default-scheduler
          securityContext: {}
          terminationGracePeriodSeconds: 30
  schedule: '* * * * *'
  successfulJobsHistoryLimit: 3
  suspend: false
status: {}
`,
  },
  {
    name: 'Ingress webapp-ingress (no v1 defaults; ingressClassName comes from DefaultIngressClass)',
    input: seed.WEBAPP_INGRESS,
    want: `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: webapp-ingress
spec:
  rules:
  - host: mywebapp.example.com
    http:
      paths:
      - backend:
          service:
            name: webapp-service
            port:
              number: 80
        path: /
        pathType: Prefix
status:
  loadBalancer: {}
`,
  },
];

describe('seed manifests, defaulted', () => {
  for (const c of cases) {
    it(c.name, () => expect(defaulted(c.input)).toEqual(load(c.want)));
    it(`${c.name}: defaulting is idempotent`, () => {
      const once = defaulted(c.input);
      const twice = structuredClone(once);
      const { group, version } = parseApiVersion(twice.apiVersion!);
      applyDefaults(twice, resourceForKind(group, version, twice.kind!)!);
      expect(twice).toEqual(once);
    });
  }
});

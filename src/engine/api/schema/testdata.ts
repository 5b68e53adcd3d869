// The seed tutorials' manifests as the tests decode them: one source, tests/fixtures/seeds.ts (read from the
// golden transcripts' files), plus a realistic stored Pod for the decode cost measurement.
export {
  TEST_APP_POD, WEBAPP_DEPLOYMENT, WEBAPP_SERVICE, WEBAPP_CONFIG, DB_CREDENTIALS_PLACEHOLDER, DB_CREDENTIALS,
  DATABASE_PVC, DATABASE_STATEFULSET, HELLO_CRONJOB, WEBAPP_INGRESS,
} from '../../../../tests/fixtures';

/** A realistic Pod as the API server stores it (for the decode cost measurement). */
export const REALISTIC_POD = `
apiVersion: v1
kind: Pod
metadata:
  name: webapp-deployment-7c9d8f6b5-x2k4p
  namespace: default
  uid: 5f0c3b4e-8a52-4c0e-9a0b-2d8e6f1c7a11
  resourceVersion: "1234"
  creationTimestamp: "2024-05-01T10:00:00Z"
  generateName: webapp-deployment-7c9d8f6b5-
  labels:
    app: my-webapp
    pod-template-hash: 7c9d8f6b5
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: webapp-deployment-7c9d8f6b5
    uid: 0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9
    controller: true
    blockOwnerDeletion: true
spec:
  containers:
  - name: webapp
    image: nginx:latest
    imagePullPolicy: Always
    ports:
    - containerPort: 80
      protocol: TCP
    envFrom:
    - configMapRef:
        name: webapp-config
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {cpu: 500m, memory: 256Mi}
    readinessProbe:
      httpGet: {path: /, port: 80, scheme: HTTP}
      periodSeconds: 10
      timeoutSeconds: 1
      successThreshold: 1
      failureThreshold: 3
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - name: kube-api-access-abcde
      mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  nodeName: minikube
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
  - name: kube-api-access-abcde
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken: {expirationSeconds: 3607, path: token}
      - configMap:
          name: kube-root-ca.crt
          items: [{key: ca.crt, path: ca.crt}]
      - downwardAPI:
          items:
          - path: namespace
            fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}
status:
  phase: Running
  hostIP: 192.168.49.2
  hostIPs: [{ip: 192.168.49.2}]
  podIP: 10.244.0.5
  podIPs: [{ip: 10.244.0.5}]
  qosClass: Burstable
  startTime: "2024-05-01T10:00:00Z"
  conditions:
  - {type: Initialized, status: "True", lastTransitionTime: "2024-05-01T10:00:00Z"}
  - {type: Ready, status: "True", lastTransitionTime: "2024-05-01T10:00:05Z"}
  - {type: ContainersReady, status: "True", lastTransitionTime: "2024-05-01T10:00:05Z"}
  - {type: PodScheduled, status: "True", lastTransitionTime: "2024-05-01T10:00:00Z"}
  containerStatuses:
  - name: webapp
    image: nginx:latest
    imageID: docker-pullable://nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
    containerID: docker://4f3e2d1c0b9a
    ready: true
    started: true
    restartCount: 0
    state:
      running: {startedAt: "2024-05-01T10:00:03Z"}
`;

// The seed tutorials' manifests (seeds/004: "Kubernetes Fundamental" parts 3–6), properly indented, as the
// tests decode them.

/** Pod test-app-pod (part 6). */
export const TEST_APP_POD = `
apiVersion: v1
kind: Pod
metadata:
  name: test-app-pod
spec:
  containers:
  - name: test-app-container
    image: nginx:latest
    ports:
    - containerPort: 80
`;

/** Deployment webapp-deployment (part 5). */
export const WEBAPP_DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapp-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: my-webapp
  template:
    metadata:
      labels:
        app: my-webapp
    spec:
      containers:
      - name: webapp
        image: nginx:latest
        ports:
        - containerPort: 80
        envFrom:
        - configMapRef:
            name: webapp-config
      - name: database
        image: mongo:latest
        env:
        - name: MONGO_INITDB_ROOT_USERNAME
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: username
        - name: MONGO_INITDB_ROOT_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: password
        volumeMounts:
        - name: db-data
          mountPath: /data/db
      volumes:
      - name: db-data
        persistentVolumeClaim:
          claimName: database-pvc
`;

/** Service webapp-service (parts 3–5). */
export const WEBAPP_SERVICE = `
apiVersion: v1
kind: Service
metadata:
  name: webapp-service
spec:
  selector:
    app: my-webapp
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`;

/** ConfigMap webapp-config (parts 4–5). */
export const WEBAPP_CONFIG = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
`;

/** Secret db-credentials exactly as the tutorial prints it: placeholders instead of base64. */
export const DB_CREDENTIALS_PLACEHOLDER = `
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: <base64-encoded-username>
  password: <base64-encoded-password>
`;

/** Secret db-credentials with real base64 (admin / s3cr3t!). */
export const DB_CREDENTIALS = `
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: YWRtaW4=
  password: czNjcjN0IQ==
`;

/** PersistentVolumeClaim database-pvc, the claim the Deployment mounts. */
export const DATABASE_PVC = `
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
`;

/** StatefulSet database-statefulset with volumeClaimTemplates (part 5). */
export const DATABASE_STATEFULSET = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: database-statefulset
spec:
  serviceName: database
  replicas: 1
  selector:
    matchLabels:
      app: database
  template:
    metadata:
      labels:
        app: database
    spec:
      containers:
      - name: database
        image: mongo:latest
        env:
        - name: MONGO_INITDB_ROOT_USERNAME
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: username
        - name: MONGO_INITDB_ROOT_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-credentials
              key: password
  volumeClaimTemplates:
  - metadata:
      name: database-data
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

/** CronJob hello (part 3). */
export const HELLO_CRONJOB = `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`;

/** Ingress webapp-ingress (part 3). */
export const WEBAPP_INGRESS = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: webapp-ingress
spec:
  rules:
  - host: mywebapp.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: webapp-service
            port:
              number: 80
`;

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

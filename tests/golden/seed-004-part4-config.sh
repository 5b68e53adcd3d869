# Seed 004 (Kubernetes Fundamental – Part 4), ConfigMap, Secret and Volume as the post builds them up on the
# webapp-with-db pod (indentation restored), each file applied as it comes. What a real cluster does with
# them: env from a ConfigMap is read once at container start (the post says changes need no restart), a
# running pod's env cannot be changed by apply, the Secret's placeholders are not base64, and the claim's
# data outlives the pod.
cat <<'YAML' > webapp-with-db-pod-service-ingress-configmap.yaml
# webapp-with-db-pod-service-ingress-configmap.yaml

apiVersion: v1
kind: Pod
metadata:
  name: webapp-with-db
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
---
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
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
YAML
kubectl apply -f webapp-with-db-pod-service-ingress-configmap.yaml
sleep 30
kubectl get pods,svc,cm
kubectl exec webapp-with-db -c webapp -- printenv WEBAPP_ENV DATABASE_URL
kubectl get configmap webapp-config -o yaml | head -4
kubectl patch configmap webapp-config -p '{"data":{"WEBAPP_ENV":"staging"}}'
sleep 90
kubectl exec webapp-with-db -c webapp -- printenv WEBAPP_ENV
cat <<'YAML' > webapp-with-db-pod-service-ingress-configmap-secret.yaml
# webapp-with-db-pod-service-ingress-configmap-secret.yaml

apiVersion: v1
kind: Pod
metadata:
  name: webapp-with-db
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
---
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
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
---
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: <base64-encoded-username>
  password: <base64-encoded-password>
YAML
kubectl apply -f webapp-with-db-pod-service-ingress-configmap-secret.yaml
kubectl get configmap webapp-config -o jsonpath='{.data.WEBAPP_ENV}'; echo
sed -i 's/<base64-encoded-username>/YWRtaW4=/; s/<base64-encoded-password>/czNjcjN0/' webapp-with-db-pod-service-ingress-configmap-secret.yaml
kubectl delete pod webapp-with-db
kubectl apply -f webapp-with-db-pod-service-ingress-configmap-secret.yaml
sleep 30
kubectl get secret db-credentials -o yaml | head -5
echo czNjcjN0 | base64 -d; echo
kubectl exec webapp-with-db -c webapp -- printenv WEBAPP_ENV
kubectl exec webapp-with-db -c database -- printenv MONGO_INITDB_ROOT_USERNAME MONGO_INITDB_ROOT_PASSWORD
cat <<'YAML' > webapp-with-db-pod-service-ingress-configmap-secret-volume.yaml
# webapp-with-db-pod-service-ingress-configmap-secret-volume.yaml

apiVersion: v1
kind: Pod
metadata:
  name: webapp-with-db
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
---
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
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
---
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: YWRtaW4=
  password: czNjcjN0
---
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
YAML
kubectl delete pod webapp-with-db
kubectl apply -f webapp-with-db-pod-service-ingress-configmap-secret-volume.yaml
sleep 30
kubectl get pod webapp-with-db
kubectl get pvc,pv
kubectl exec webapp-with-db -c database -- sh -c 'echo kept > /data/db/note.txt; ls /data/db | head -3'
kubectl delete pod webapp-with-db
kubectl apply -f webapp-with-db-pod-service-ingress-configmap-secret-volume.yaml
sleep 30
kubectl exec webapp-with-db -c database -- cat /data/db/note.txt

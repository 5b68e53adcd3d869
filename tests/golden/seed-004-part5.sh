# Seed 004 (Kubernetes Fundamental – Part 5), file by file in the order the post applies them (indentation
# restored): the Deployment needs a claim Part 5 never creates, the Secret's placeholders are not base64,
# and the StatefulSet waits for its Secret; then what a learner does next (real base64 values, the claim
# from Part 4).
cat <<'YAML' > webapp-deployment.yaml
# webapp-deployment.yaml

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
YAML
kubectl apply -f webapp-deployment.yaml
cat <<'YAML' > webapp-service.yaml
# webapp-service.yaml

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
YAML
kubectl apply -f webapp-service.yaml
cat <<'YAML' > webapp-config.yaml
# webapp-config.yaml

apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
data:
  WEBAPP_ENV: "production"
  DATABASE_URL: "mongodb://database-service:27017/mydb"
YAML
kubectl apply -f webapp-config.yaml
cat <<'YAML' > db-credentials-secret.yaml
# db-credentials-secret.yaml

apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
data:
  username: <base64-encoded-username>
  password: <base64-encoded-password>
YAML
kubectl apply -f db-credentials-secret.yaml
cat <<'YAML' > database-statefulset.yaml
# database-statefulset.yaml

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
YAML
kubectl apply -f database-statefulset.yaml
sleep 30
kubectl get all
kubectl get pvc
kubectl describe pod database-statefulset-0 | tail -4
kubectl get events --field-selector reason=FailedScheduling
echo -n admin | base64
echo -n s3cr3t | base64
sed -i 's/<base64-encoded-username>/YWRtaW4=/; s/<base64-encoded-password>/czNjcjN0/' db-credentials-secret.yaml
kubectl apply -f db-credentials-secret.yaml
kubectl get secret db-credentials -o jsonpath='{.data.username}' | base64 -d; echo
sleep 30
kubectl get pods
kubectl exec database-statefulset-0 -- env | grep MONGO
cat <<'YAML' > database-pvc.yaml
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
kubectl apply -f database-pvc.yaml
sleep 60
kubectl get pods
kubectl get pvc
kubectl exec deploy/webapp-deployment -c webapp -- env | grep -e WEBAPP -e DATABASE

# Seed 004 (Kubernetes Fundamental – Part 4), Deployment and StatefulSet as the post gives them (indentation
# restored): three replicas that share one ReadWriteOnce claim (two mongods cannot lock /data/db), a
# deleted pod replaced, the second file's elided template and "apiVersion: v1" StatefulSet refused, then
# the StatefulSet under apps/v1: a stable name and its own claim across a deletion, ordered scaling.
cat <<'YAML' > webapp-with-db-deployment.yaml
# webapp-with-db-deployment.yaml

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
kubectl apply -f webapp-with-db-deployment.yaml
sed -i 's/<base64-encoded-username>/YWRtaW4=/; s/<base64-encoded-password>/czNjcjN0/' webapp-with-db-deployment.yaml
kubectl apply -f webapp-with-db-deployment.yaml
sleep 60
kubectl get deployment webapp-deployment
kubectl get pods -l app=my-webapp
kubectl logs webapp-deployment-5fdb9875f8-7thcs -c database --previous | grep -c DBPathInUse
kubectl delete pod webapp-deployment-5fdb9875f8-9s9wg
kubectl get pods -l app=my-webapp
cat <<'YAML' > webapp-with-db-deployment-and-statefulset.yaml
# webapp-with-db-deployment-and-statefulset.yaml

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
      # ... (same as the previous Deployment config)
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
kubectl apply -f webapp-with-db-deployment-and-statefulset.yaml
kubectl get deployment webapp-deployment
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
kubectl get statefulset database-statefulset
kubectl get pods -l app=database
kubectl get pvc
kubectl delete pod database-statefulset-0
kubectl get pods -l app=database
sleep 20
kubectl get pods -l app=database
kubectl describe pod database-statefulset-0 | grep ClaimName
kubectl scale statefulset database-statefulset --replicas=2
sleep 2
kubectl get pods -l app=database
sleep 30
kubectl get pods -l app=database
kubectl get pvc

# Seed 004 (Kubernetes Fundamental – Part 2): the node, namespaces grouping resources, and the
# webapp-with-db pod (indentation restored) whose two containers share one network namespace, so nginx
# reaches mongod on localhost, and one IP.
kubectl get nodes
kubectl get namespaces
kubectl create namespace shop
cat <<'YAML' > webapp-with-db-pod.yaml
# webapp-with-db-pod.yaml

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
  - name: database
    image: mongo:latest
YAML
kubectl apply -f webapp-with-db-pod.yaml -n shop
kubectl get pods
kubectl get pods -n shop
sleep 30
kubectl get pods -n shop -o wide
kubectl exec webapp-with-db -n shop -c webapp -- curl -s localhost:27017
kubectl exec webapp-with-db -n shop -c webapp -- hostname -i
kubectl exec webapp-with-db -n shop -- hostname
kubectl delete namespace shop
kubectl get pods -n shop
kubectl apply -f webapp-with-db-pod.yaml
kubectl scale pod webapp-with-db --replicas=2

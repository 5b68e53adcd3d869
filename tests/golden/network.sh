# Services: seed 004 Part 3's pod and Service, endpoints and slices, a NodePort from the host, a Service selecting nothing.
cat <<'YAML' > webapp.yaml
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
YAML
kubectl apply -f webapp.yaml
sleep 120
kubectl get svc,endpoints
kubectl get endpointslices
kubectl describe svc webapp-service
kubectl expose pod webapp-with-db --name=webapp-np --type=NodePort --port=80 --overrides='{"spec":{"ports":[{"port":80,"nodePort":30080}]}}'
sleep 2
kubectl get svc webapp-np
curl -s -o /dev/null -w '%{http_code}\n' http://192.168.49.2:30080/
curl -sS -o /dev/null -w '%{http_code}\n' http://192.168.49.2:30081/
curl http://localhost:8080/
curl http://mywebapp.example.com/
kubectl create service clusterip nothing --tcp=80:80
sleep 2
kubectl get endpoints nothing
kubectl get endpointslices -l kubernetes.io/service-name=nothing

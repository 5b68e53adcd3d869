# Seed 004 (Kubernetes Fundamental – Part 3), as the post gives it (indentation restored): the Service in
# front of webapp-with-db reached by name from another pod, the every-minute CronJob and its output, and
# the Ingress — no address until an ingress controller runs (minikube addons enable ingress), then the
# host rule answering through the node's IP.
cat <<'YAML' > webapp-with-db-pod-and-service.yaml
# webapp-with-db-pod-and-service.yaml

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
kubectl apply -f webapp-with-db-pod-and-service.yaml
sleep 30
kubectl get endpoints webapp-service
kubectl run client --image=busybox:1.28 --rm -it --restart=Never -- wget -qO- http://webapp-service
cat <<'YAML' > hello-cronjob.yaml
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
YAML
kubectl apply -f hello-cronjob.yaml
kubectl get cronjob hello
sleep 150
kubectl get cronjob hello
kubectl get jobs
kubectl get pods -l batch.kubernetes.io/job-name
kubectl logs job/hello-28948863
cat <<'YAML' > webapp-ingress.yaml
# webapp-with-db-pod-service-and-ingress.yaml

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
YAML
kubectl apply -f webapp-ingress.yaml
sleep 30
kubectl get ingress
curl http://mywebapp.example.com/
minikube addons enable ingress
sleep 60
kubectl get ingress
curl -s -H 'Host: mywebapp.example.com' http://192.168.49.2/ | grep title
curl -s -o /dev/null -w '%{http_code}\n' http://192.168.49.2/

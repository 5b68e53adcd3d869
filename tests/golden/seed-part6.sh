# Seed 004 (Kubernetes Fundamental – Part 6), end to end as a learner types it: minikube, the cluster,
# the test pod, port-forward in the background and the page through it, its logs (nginx's start-up and
# the access-log line of each request), a shell in the container, services, and scaling a deployment.
minikube version
kubectl --version
minikube start
kubectl cluster-info
kubectl get nodes
cat test-app.yaml
kubectl apply -f test-app.yaml
kubectl get pods
sleep 20
kubectl get pods
kubectl port-forward test-app-pod 8080:80 &
curl http://localhost:8080
kubectl logs test-app-pod
kubectl exec -it test-app-pod - /bin/bash
kubectl exec -it test-app-pod -- /bin/bash
hostname
ls /usr/share/nginx/html
curl -s localhost | grep title
exit
kubectl get services
kubectl describe pod test-app-pod | head -5
kubectl create deployment test-app --image=nginx:latest
kubectl scale --replicas=2 deployment/test-app
sleep 20
kubectl get deployments
kubectl get pods
kubectl expose deployment test-app --port=80
kubectl get services
kubectl port-forward test-app 8081:80
kubectl port-forward service/test-app 8081:80 &
curl -s -o /dev/null -w '%{http_code}\n' http://localhost:8081
jobs
kill %1 %2
kubectl delete pod test-app-pod

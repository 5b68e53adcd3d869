# Seed 004 (Kubernetes Fundamental – Part 6): the read side of the walkthrough.
kubectl --version
kubectl version --client
kubectl version
kubectl cluster-info
kubectl get nodes
kubectl apply -f test-app.yaml
kubectl get pods
sleep 30
kubectl get pods
kubectl get pods -o wide
kubectl get services
kubectl get deployments
kubectl get service kubernetes
kubectl describe pod test-app-pod
kubectl describe service kubernetes
kubectl describe node minikube
kubectl get pod
kubectl get po test-app-pod --no-headers
kubectl get pods/test-app-pod services/kubernetes
kubectl get nodes -A
kubectl get pods -A

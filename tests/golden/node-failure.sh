# A node stops (issue 4): NotReady after the 40 s grace period, unreachable taints, its Deployment's
# pods evicted after their 300 s toleration and recreated on the other nodes; then it comes back.
# nodes: 3
kubectl create deployment web --image=nginx:1.25 --replicas=6
kubectl rollout status deployment/web
kubectl get pods -o wide
minikube node stop minikube-m02
sleep 30
kubectl get nodes
sleep 15
kubectl get nodes
kubectl get node minikube-m02 -o jsonpath='{range .spec.taints[*]}{.key}:{.effect}{"\n"}{end}'
kubectl get pods -o wide
sleep 310
kubectl get pods -o wide
kubectl get deploy web
kubectl get events --field-selector reason=TaintManagerEviction
minikube node start minikube-m02
sleep 60
kubectl get nodes
kubectl get pods -o wide

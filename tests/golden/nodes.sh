# cordon, uncordon, drain and taint on the minikube node.
kubectl apply -f web-deployment.yaml
kubectl run solo --image=nginx:1.27
kubectl rollout status deployment/web
kubectl cordon minikube
kubectl cordon minikube
kubectl drain minikube
echo "exit $?"
kubectl drain minikube --ignore-daemonsets --force --dry-run=client
kubectl drain minikube --ignore-daemonsets --force
kubectl get pods -A -o wide
kubectl uncordon minikube
kubectl uncordon minikube
kubectl cordon
kubectl cordon nope
kubectl taint nodes minikube dedicated=special:NoSchedule
kubectl taint nodes minikube dedicated=special:NoSchedule
kubectl taint nodes minikube dedicated=other:NoSchedule --overwrite
kubectl taint node minikube gpu:NoExecute
kubectl get node minikube -o jsonpath='{.spec.taints}'
echo
kubectl taint nodes minikube dedicated:NoSchedule-
kubectl taint nodes minikube gpu-
kubectl taint nodes minikube gpu-
kubectl taint nodes minikube foo=bar:Sometimes
kubectl taint nodes minikube
kubectl taint pods solo a=b:NoSchedule

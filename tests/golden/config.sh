# kubectl config: the minikube kubeconfig, contexts and namespaces.
kubectl config view
kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'
echo
kubectl config current-context
kubectl config get-contexts
kubectl config get-clusters
kubectl config get-users
kubectl create namespace dev
kubectl config set-context --current --namespace=dev
kubectl config get-contexts
kubectl get pods
kubectl config set-context --current --namespace=default
kubectl config set-context staging --cluster=minikube --user=minikube --namespace=kube-system
kubectl config use-context staging
kubectl get pods
kubectl config use-context minikube
kubectl config rename-context staging stage
kubectl config delete-context stage
kubectl config use-context nope
kubectl config view -o json

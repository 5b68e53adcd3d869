# nodes: 2
# minikube with two nodes (minikube start --nodes 2): the worker node's start lines, status per node,
# node list, stopping and starting a node's kubelet, and what cannot change on an existing cluster.
minikube start --nodes 2
minikube status
minikube node list
kubectl get nodes
minikube node stop minikube-m02
sleep 60
kubectl get nodes
minikube node start minikube-m02
sleep 10
kubectl get nodes
minikube node stop nope
minikube start --nodes 3
minikube node add

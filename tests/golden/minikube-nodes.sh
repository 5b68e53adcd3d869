# nodes: 2
# minikube with two nodes (minikube start --nodes 2): the worker node's start lines, status per node,
# node list, stopping and starting a node's kubelet, what cannot change on an existing cluster, and
# `minikube node add` / `minikube node delete` (minikube-m03 joins on 192.168.49.4, kindnet and kube-proxy
# follow it; then it is drained and deleted).
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
kubectl get nodes -o wide
kubectl get daemonsets -n kube-system
minikube node list
minikube node delete m03
minikube node list
kubectl get nodes
minikube node delete m07

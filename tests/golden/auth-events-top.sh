# kubectl auth can-i/whoami (the minikube user is a cluster admin; RBAC for others), events and top.
kubectl apply -f pod-reader-rbac.yaml -f test-app.yaml
kubectl auth can-i create deployments
kubectl auth can-i delete nodes
kubectl auth can-i get pods --as=jane
kubectl auth can-i delete pods --as=jane
echo "exit $?"
kubectl auth can-i get pods/log --as=system:serviceaccount:default:viewer
kubectl auth can-i list secrets --as=system:serviceaccount:default:viewer -n kube-system
kubectl auth can-i --list --as=jane
kubectl auth can-i explode pods
kubectl auth can-i get widgets
kubectl auth whoami
kubectl auth whoami --as=jane -o yaml
sleep 20
kubectl events
kubectl events --for pod/test-app-pod
kubectl events -A --types=Warning
kubectl events -n nothing
kubectl top pods
kubectl top node

# The failover demo's timings (kubesim script --node-monitor-grace-period=10s
# --default-unreachable-toleration-seconds=30): a stopped node is NotReady after 10 s and its pods
# are evicted 30 s after the taint, so a class sees the whole failover in about a minute.
# nodes: 3
# timings: --node-monitor-grace-period=10s --default-unreachable-toleration-seconds=30
kubectl create deployment web --image=nginx:1.25 --replicas=6
kubectl rollout status deployment/web
kubectl get pod -o jsonpath='{.items[0].spec.tolerations}'
echo
minikube node stop minikube-m03
sleep 15
kubectl get nodes
sleep 35
kubectl get pods -o wide
kubectl get events --field-selector reason=TaintManagerEviction

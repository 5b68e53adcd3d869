# kubectl wait: conditions, jsonpath, deletion and timeouts.
kubectl apply -f web-deployment.yaml
kubectl wait --for=condition=Available deployment/web --timeout=2m
kubectl wait --for=condition=Ready pod -l app=web
kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=web
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 deployment/web
kubectl run slow --image=nginx:no-such-tag
kubectl wait --for=condition=Ready pod/slow --timeout=1s
echo "exit $?"
kubectl wait --for=condition=Ready pod/nope
kubectl delete pod slow --wait=false
kubectl wait --for=delete pod/slow --timeout=60s
kubectl wait --for=delete pod/nope
kubectl wait --for=foo pod/x
kubectl wait pod/x
kubectl wait --for=jsonpath='{.status.phase}'= pod/x

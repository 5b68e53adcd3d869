# kubectl get -w: the list, then every change until interrupted (here by timeout).
kubectl apply -f web-deployment.yaml
timeout 15 kubectl get pods -w
echo "exit $?"
kubectl scale deployment web --replicas=1
timeout 40 kubectl get pods --watch-only
timeout 10 kubectl get deploy web -w --output-watch-events
timeout 5 kubectl get deploy web -w -o name
timeout 5 kubectl get pods -w --sort-by=.metadata.name
kubectl get pods,svc -w
timeout 3 kubectl events -w

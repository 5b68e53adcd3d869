# kubectl apply (created/configured/unchanged, directories, -R, multi-document, stdin, dry runs,
# server-side with conflicts, prune) and kubectl diff.
kubectl diff -f pod-nginx.yaml
echo "exit $?"
kubectl apply -f pod-nginx.yaml
kubectl apply -f pod-nginx.yaml
kubectl diff -f pod-nginx.yaml
echo "exit $?"
sed 's/app: nginx/app: web/' pod-nginx.yaml > changed.yaml
kubectl diff -f changed.yaml
echo "exit $?"
kubectl apply -f changed.yaml --dry-run=client
kubectl apply -f changed.yaml --dry-run=server
kubectl apply -f changed.yaml
kubectl apply -f app
kubectl apply -R -f app
kubectl apply -f multi.yaml -o name
cat multi.yaml | kubectl apply -f -
kubectl apply -f web-deployment.yaml
kubectl scale deployment web --replicas=1
kubectl apply -f web-deployment.yaml --server-side
echo "exit $?"
kubectl apply -f web-deployment.yaml --server-side --force-conflicts
kubectl run handmade --image=nginx:1.27
kubectl get pod handmade -o yaml > handmade.yaml
kubectl apply -f handmade.yaml
kubectl apply -f app/config.yaml --prune -l tier=app
kubectl apply -f app/config.yaml --prune
kubectl apply -f https://k8s.io/examples/application/deployment.yaml
kubectl apply -f web-deployment.yaml --force-conflicts
kubectl apply -f web-deployment.yaml --server-side --dry-run=client
kubectl apply
kubectl apply pods

# kubectl rollout status/history/undo/pause/resume/restart on a Deployment.
kubectl apply -f web-deployment.yaml
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web --timeout=5m
kubectl rollout history deploy/web
kubectl rollout undo deploy/web
kubectl rollout status deploy/web --watch=false
kubectl rollout undo deploy/web --to-revision=9
kubectl rollout pause deploy/web
kubectl rollout pause deploy/web
kubectl rollout restart deploy/web
kubectl rollout undo deploy/web
kubectl rollout resume deploy/web
kubectl rollout resume deploy/web
kubectl rollout restart deploy/web
kubectl rollout status deploy/web
kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}'
echo
kubectl rollout history deploy/web
kubectl rollout status deploy/nope
kubectl rollout status configmap/kube-root-ca.crt
kubectl rollout status
kubectl rollout status deploy/web --revision=-1
kubectl rollout
kubectl rollout foo

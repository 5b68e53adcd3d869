# kubectl delete: names, types, selectors, --all, files, grace periods, force, cascade, dry runs.
kubectl apply -f web-deployment.yaml
kubectl apply -f multi.yaml
kubectl run a --image=nginx:1.27
kubectl run b --image=nginx:1.27
kubectl delete pod a
kubectl delete pod a
kubectl delete pod a --ignore-not-found
kubectl delete pods b nope
kubectl delete pod -l app=nope
kubectl delete -f multi.yaml
kubectl run c --image=nginx:1.27
kubectl delete pod c --force --grace-period=0
kubectl run d --image=nginx:1.27
kubectl delete pod d --now
kubectl delete deployment web --cascade=orphan
kubectl get rs
kubectl delete rs --all --dry-run=client
kubectl delete rs --all
kubectl create namespace tmp
kubectl delete namespace tmp -n default
kubectl delete pods
kubectl delete
kubectl delete pod x -o yaml
kubectl delete pod x --grace-period=5 --force
kubectl delete pod x --now --grace-period=3
kubectl delete pod x --cascade=bogus
kubectl delete pod x -l app=web

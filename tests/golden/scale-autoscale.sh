# kubectl scale and autoscale.
kubectl apply -f web-deployment.yaml
kubectl scale --replicas=2 deployment/web
kubectl scale --replicas=3 --current-replicas=1 deployment/web
kubectl scale --replicas=3 --current-replicas=2 deployment web
kubectl scale deployment web
kubectl scale --replicas=-1 deployment web
kubectl scale --replicas=1 deployment/nope deployment/web
kubectl scale --replicas=5 deployment/web --dry-run=client
kubectl scale --replicas=2 deployment/web --timeout=60s
kubectl get deployment web
kubectl scale --replicas=2 pod/web
kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80
kubectl autoscale deployment web --max=5 --name=web-dry --dry-run=client -o yaml
kubectl autoscale deployment web --max=1 --min=3
kubectl autoscale deployment web --max=0
kubectl autoscale service kubernetes --max=3
kubectl autoscale deployment web
kubectl get hpa

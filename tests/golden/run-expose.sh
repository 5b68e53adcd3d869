# kubectl run and expose: the pod run generates, services expose derives from a deployment, pod or service.
kubectl run nginx --image=nginx:1.27 --port=80 --labels=app=nginx,tier=fe --env=MODE=dev
kubectl run nginx --image=nginx
kubectl run --image=nginx
kubectl run bad --image=nginx --restart=Sometimes
kubectl run bad --image=nginx --rm
kubectl run bad --image=nginx -t
kubectl run bb --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600
kubectl run web --image=nginx --port=80 --expose
kubectl create deployment api --image=nginx:1.27 --port=8080
kubectl expose deployment api --port=80 --target-port=8080 --type=NodePort
kubectl expose deployment api --name=api-internal --dry-run=client -o yaml
kubectl expose pod nginx --name=nginx-svc
kubectl expose service api --name=api-copy --port=81
kubectl run noport --image=redis:7
kubectl expose pod noport
kubectl expose configmap kube-root-ca.crt --port=80
kubectl expose deployment nope --port=80
kubectl get svc

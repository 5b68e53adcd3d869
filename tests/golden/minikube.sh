# The minikube CLI (v1.35.0, docker driver): version, start (create, then the existing profile), status,
# ip, node list, addons (list, metrics-server → kubectl top, ingress), service (--url, the table, list,
# errors), tunnel in the background (LoadBalancer EXTERNAL-IP), stop/start, delete, minikube kubectl.
minikube version
minikube version --short
minikube status
minikube start
minikube start
minikube ip
minikube node list
minikube kubectl -- get nodes
kubectl top nodes
minikube addons enable metrics-server
kubectl top pods -A
sleep 30
kubectl top nodes
kubectl top pods -n kube-system --sort-by=memory
minikube addons list
minikube addons enable nope
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --type=NodePort --port=80
kubectl create service loadbalancer lb --tcp=80:80
sleep 20
minikube service web --url
curl -s http://192.168.49.2:31595 | head -4
minikube service web
minikube service kubernetes
minikube service list
minikube service nope
kubectl get svc lb
minikube tunnel &
kubectl get svc lb
kill %1
kubectl get svc lb
minikube dashboard --url &
kill %1
minikube addons enable ingress
kubectl get pods -n ingress-nginx
minikube addons disable metrics-server
kubectl top nodes
minikube stop
minikube status
echo $?
minikube ip
minikube start
minikube status
minikube delete
minikube status
minikube frobnicate

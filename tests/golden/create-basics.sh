# kubectl create: generators, dry runs and the errors kubectl gives before and after the server.
kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80
kubectl create deployment web --image=nginx
kubectl create deployment --image=nginx
kubectl create deployment api
kubectl create deployment api --image=nginx --replicas=x
kubectl create deploy api --image=registry.k8s.io/echoserver:1.4 --dry-run=client -o yaml
kubectl create namespace dev
kubectl create namespace dev
kubectl create configmap app --from-literal=MODE=dev --from-literal=LEVEL=3 -n dev
kubectl create configmap app --from-literal=MODE=dev -n dev
kubectl create configmap bad --from-literal=novalue
kubectl create secret generic db --from-literal=username=admin --from-literal=password='s3cr=t'
kubectl create secret generic db -o name --dry-run=client
kubectl create secret docker-registry reg --docker-username=me --docker-password=pw --docker-email=me@example.com
kubectl create secret tls tls
kubectl create service clusterip web --tcp=80:80
kubectl create service nodeport web-np --tcp=80:80 --node-port=30080
kubectl create service externalname ext --external-name=example.com
kubectl create service clusterip none
kubectl create job pi --image=perl:5.34 -- perl -Mbignum=bpi -wle 'print bpi(20)'
kubectl create cronjob hello --image=busybox:1.28 --schedule='*/1 * * * *' -- /bin/sh -c 'date; echo Hello'
kubectl create job manual --from=cronjob/hello
kubectl create ingress web --rule='mywebapp.example.com/*=web:80'
kubectl create serviceaccount robot
kubectl create role pod-reader --verb=get,list,watch --resource=pods
kubectl create rolebinding read-pods --role=pod-reader --serviceaccount=default:robot
kubectl create quota small --hard=pods=10,cpu=2
kubectl create -f multi.yaml
kubectl create -f multi.yaml
kubectl create foo
kubectl get all

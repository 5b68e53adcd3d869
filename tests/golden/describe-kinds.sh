# kubectl describe: every kind a learner meets, name prefixes, selectors and errors.
kubectl apply -f webapp-config.yaml -f db-credentials-secret.yaml -f webapp-deployment.yaml -f webapp-service.yaml -f test-app.yaml
kubectl apply -f web-deployment.yaml -f pi-job.yaml -f hello-cronjob.yaml -f webapp-ingress.yaml -f database-pvc.yaml -f database-statefulset.yaml
kubectl apply -f policies.yaml -f pod-reader-rbac.yaml
sleep 60
kubectl describe pod test-app-pod
kubectl describe deploy webapp-deployment
kubectl describe rs -l app=web
kubectl describe svc webapp-service
kubectl describe ingress webapp-ingress
kubectl describe configmap webapp-config
kubectl describe secret db-credentials
kubectl describe pvc database-pvc
kubectl describe sts database-statefulset
kubectl describe job pi
kubectl describe cronjob hello
kubectl describe ds -n kube-system
kubectl describe ns default
kubectl describe sa default
kubectl describe sc standard
kubectl describe ep webapp-service
kubectl describe endpointslices -l kubernetes.io/service-name=webapp-service
kubectl describe networkpolicy allow-web
kubectl describe quota compute
kubectl describe limitrange defaults
kubectl describe pdb web-pdb
kubectl describe hpa web
kubectl describe priorityclass high
kubectl describe role pod-reader
kubectl describe rolebinding read-pods
kubectl describe clusterrole node-reader
kubectl describe clusterrolebinding read-nodes
kubectl describe lease -n kube-node-lease
kubectl describe pods web
kubectl describe pod nope
kubectl describe podz
kubectl describe
kubectl describe pods -l app=nothing
kubectl describe deploy web --show-events=false

# kubectl get: every output format, columns, sorting, selectors and several kinds.
kubectl apply -f webapp-config.yaml -f db-credentials-secret.yaml -f webapp-deployment.yaml -f webapp-service.yaml -f test-app.yaml
kubectl apply -f pi-job.yaml -f hello-cronjob.yaml -f webapp-ingress.yaml -f database-pvc.yaml
sleep 60
kubectl get all
kubectl get all -A
kubectl get deploy,rs,po -o wide
kubectl get pods --show-labels
kubectl get pods -L app -L tier
kubectl get pods -l app --sort-by=.metadata.name
kubectl get pods --sort-by=.status.phase --no-headers
kubectl get pods --field-selector=status.phase=Running
kubectl get svc -o name
kubectl get deploy webapp-deployment -o yaml
kubectl get cm webapp-config -o json
kubectl get secret db-credentials -o jsonpath='{.data}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'
kubectl get svc webapp-service -o jsonpath-as-json='{.spec.ports[*].port}'
kubectl get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu,MEMORY:.status.capacity.memory
kubectl get pods -o custom-columns-file=columns.txt
kubectl get pods -o jsonpath-file=names.jsonpath
kubectl get svc -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
kubectl get deploy -o template --template='{{range .items}}{{.metadata.name}} {{.spec.replicas}}{{"\n"}}{{end}}'
kubectl get ing,pvc,cj,jobs
kubectl get cm,secret -n kube-system
kubectl get ns --show-labels
kubectl get sc,pv
kubectl get events --field-selector type=Warning
kubectl get po -o yaml --show-managed-fields=false test-app-pod
kubectl get nope
kubectl get pod nope
kubectl get pods -o foo
kubectl get pods --show-labels -o name
kubectl get pods -o jsonpath='{.items[0].foo}'
kubectl get pods -o jsonpath='{.items[0'
kubectl get pods --sort-by=.foo
kubectl get

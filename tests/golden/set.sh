# kubectl set image/env/resources/serviceaccount/selector/subject.
kubectl apply -f web-deployment.yaml
kubectl set image deployment/web nginx=nginx:1.28
kubectl set image deployment/web nginx=nginx:1.28
kubectl set image deployment/web php=php:8
kubectl set image deployment/web '*=nginx:1.29'
kubectl set image deployment/nope nginx=nginx
kubectl set image service/kubernetes nginx=nginx
kubectl set image deployment/web
kubectl set env deployment/web MODE=dark LEVEL=3
kubectl set env deployment/web --list
kubectl set env deployment/web MODE=light --overwrite=false
kubectl set env deployment/web LEVEL-
kubectl create configmap ui --from-literal=app.color=blue --from-literal=size=10
kubectl set env deployment/web --from=configmap/ui --prefix=UI_
kubectl set env deployment/web --from=configmap/ui --keys=size
kubectl set env deployment/web --list
kubectl set env deployment/web 'bad name=1'
kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi
kubectl set resources deployment web -c=nomatch --limits=cpu=1
kubectl set resources deployment web
kubectl set serviceaccount deployment web default
kubectl set selector service kubernetes component=apiserver --dry-run=client -o name
kubectl create rolebinding rb --clusterrole=view --user=alice
kubectl set subject rolebinding rb --user=bob --group=devs
kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].resources}'
echo
kubectl set
kubectl set foo

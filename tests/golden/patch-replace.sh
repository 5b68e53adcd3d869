# kubectl patch (strategic, merge, json, --patch-file, --subresource, --local) and replace (-f, --force).
kubectl apply -f web-deployment.yaml
kubectl patch deployment web -p '{"spec":{"replicas":2}}'
kubectl patch deployment web -p '{"spec":{"replicas":2}}'
kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"tier":"fe"}}}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"}]'
kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/nope"}]'
kubectl patch deployment web --subresource=scale -p '{"spec":{"replicas":4}}'
kubectl patch deployment web -p '{"spec":{"replicas":"two"}}'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}' --dry-run=server -o jsonpath='{.spec.template.spec.containers[0].image}'
echo
kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image} {.metadata.labels}'
echo
kubectl patch deployment nope -p '{}'
kubectl patch deployment web
kubectl patch deployment web -p '{}' --type=xml
kubectl patch --local -f pod-nginx.yaml -p '{"metadata":{"labels":{"tier":"fe"}}}' -o yaml
kubectl patch --local pod nginx -p '{}'
kubectl apply -f pod-nginx.yaml
kubectl replace -f pod-nginx.yaml
kubectl replace --force -f pod-nginx.yaml
kubectl replace -f missing.yaml
kubectl replace
kubectl replace -f pod-nginx.yaml --grace-period=1

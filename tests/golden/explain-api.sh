# kubectl explain, api-resources and api-versions: the API as the server describes it.
kubectl api-versions
kubectl api-resources
kubectl api-resources -o wide --api-group=apps
kubectl api-resources --namespaced=false -o name
kubectl api-resources --verbs=delete --sort-by=name --no-headers
kubectl explain pods
kubectl explain pod.spec.containers.ports
kubectl explain deployment.spec.strategy --recursive
kubectl explain svc.spec.type
kubectl explain ingress.spec.rules.http.paths.pathType
kubectl explain pods.spec.nope
kubectl explain nope
kubectl explain

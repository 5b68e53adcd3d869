# kubectl edit through the transcript's editor ($KUBE_EDITOR runs on the temporary file).
kubectl apply -f web-deployment.yaml
kubectl edit deployment/web
KUBE_EDITOR="sed -i 's/replicas: 3/replicas: 2/'" kubectl edit deployment/web
kubectl get deployment web -o jsonpath='{.spec.replicas}'
echo
KUBE_EDITOR="sed -i 's/replicas: 2/replicas: -1/'" kubectl edit deployment/web
echo "exit $?"
KUBE_EDITOR="sed -i 's/^kind: Deployment/kind: Pod/'" kubectl edit deployment web
KUBE_EDITOR="false" kubectl edit deployment web
KUBE_EDITOR="sed -i /^/d" kubectl edit deployment web
kubectl edit deployment nope
kubectl edit

# kubectl debug: an ephemeral container in a running pod (-it attaches to its shell; describe and -o jsonpath
# show it), a copy of a pod with other images (--copy-to, --set-image), a pod in the node's host namespaces
# (node/NAME), a --custom profile, and the errors kubectl and the API server give.
kubectl run test-pod --image=nginx
sleep 20
kubectl debug -it test-pod --image=busybox --target=test-pod
hostname
ps
echo debugging from $(hostname)
wget -qO- localhost | head -4
exit
sleep 2
kubectl describe pod test-pod
kubectl get pod test-pod -o jsonpath='{.spec.ephemeralContainers}'
echo
kubectl get pod test-pod -o jsonpath='{range .status.ephemeralContainerStatuses[*]}{.name}{" "}{.state}{"\n"}{end}'
kubectl debug test-pod --image=busybox --profile=general -c sleeper --env=MODE=debug -- sleep 3600
sleep 10
kubectl get pod test-pod -o jsonpath='{range .spec.ephemeralContainers[*]}{.name}{" "}{.command}{" "}{.env}{" "}{.securityContext}{"\n"}{end}'
kubectl exec test-pod -c sleeper -- printenv MODE
kubectl debug test-pod --image=busybox --profile=general -c custom --custom=debug-custom.yaml -- sleep 3600
kubectl get pod test-pod -o jsonpath='{.spec.ephemeralContainers[2].env} {.spec.ephemeralContainers[2].securityContext}'
echo
kubectl debug test-pod --copy-to=test-pod-copy --set-image=*=httpd
sleep 20
kubectl get pods
kubectl get pod test-pod-copy -o jsonpath='{.spec.containers[*].image} {.metadata.labels}'
echo
kubectl debug test-pod -it -q --copy-to=test-pod-debug --profile=general --image=busybox -c shell
ps
exit
kubectl get pod test-pod-debug -o jsonpath='{.spec.shareProcessNamespace} {.spec.containers[*].name} {.metadata.labels}'
echo
kubectl debug node/minikube -it --image=busybox --profile=general
hostname
ls /host
exit
sleep 2
kubectl get pods -l app.kubernetes.io/managed-by=kubectl-debug -o wide
kubectl get pods -l app.kubernetes.io/managed-by=kubectl-debug -o jsonpath='{.items[0].spec.hostPID} {.items[0].spec.volumes[0]} {.items[0].spec.containers[0].volumeMounts}'
echo
timeout 25 kubectl debug -it test-pod --image=nosuchimage:1 --profile=general -c bad
kubectl get pod test-pod -o jsonpath='{.status.ephemeralContainerStatuses[0].name} {.status.ephemeralContainerStatuses[0].state.waiting.reason}'
echo
kubectl debug test-pod
kubectl debug --image=busybox
kubectl debug test-pod --image=busybox -t
kubectl debug test-pod --image=busybox --env=MODE
kubectl debug test-pod --image=Busybox
kubectl debug test-pod --image=busybox --profile=bad
kubectl debug test-pod --copy-to=x
kubectl debug test-pod --image=busybox --target=x --copy-to=y
kubectl debug test-pod --image=busybox --same-node
kubectl debug test-pod --attach
kubectl debug nope --image=busybox --profile=general
kubectl debug test-pod --image=busybox --profile=general -c test-pod
kubectl debug test-pod --image=busybox --profile=general --target=nope
kubectl debug deployment/x --image=busybox --profile=general

# kubectl logs: a container still starting, the whole log, --tail/--timestamps/--since, -c and an
# inline container, several containers, -p before and after a restart, deploy/ and -l, -f until it ends.
kubectl logs
kubectl logs a b c
kubectl run web --image=nginx
kubectl logs web
sleep 20
kubectl logs web
kubectl logs web --tail=3
kubectl logs pod/web --tail=1 --timestamps
kubectl logs web --since=1s
kubectl logs web --since=1h --tail=1
kubectl logs web --since=1s --since-time=2025-01-15T09:00:00Z
kubectl logs web -c foo
kubectl logs web web
kubectl logs web web -c web
kubectl logs web --all-containers -c web
kubectl logs web --tail=-2
kubectl logs web -p
kubectl logs nope
kubectl logs -l run=web nope
kubectl apply -f two-containers.yaml
sleep 30
kubectl logs two
kubectl logs two -c setup
kubectl logs two sidecar
kubectl logs two --all-containers --prefix
kubectl run crash --image=busybox -- sh -c 'echo attempt; exit 3'
sleep 40
kubectl logs crash
kubectl logs crash -p
kubectl get pod crash
kubectl create deployment d --image=nginx --replicas=2
sleep 30
kubectl logs deploy/d --tail=1
kubectl logs deployment/d --all-pods --tail=1
kubectl logs -l app=d --tail=2
kubectl logs -l app=d --prefix --tail=1
kubectl logs -l app=nothing
kubectl logs cm/kube-root-ca.crt
kubectl logs svc/kubernetes
kubectl logs deploy/nope
kubectl run counter --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo tick $i; sleep 2; done'
sleep 10
kubectl logs -f counter
kubectl run ticker --image=busybox -- sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 5; done'
sleep 12
timeout 11 kubectl logs -f ticker --tail=1
kubectl logs -f -l 'run in (ticker,counter)' --prefix --max-log-requests=1

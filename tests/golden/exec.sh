# kubectl exec: commands with "--", the old form v1.32 refuses (and the seed's lone "-"), exit codes, -c and the
# default container, interactive sessions (-it: the lines after the command are what the learner types,
# until the container shell exits; ^D is Ctrl-D), images without bash, stdin from a pipe, errors.
kubectl apply -f test-app.yaml
kubectl run bb --image=busybox -- sleep 3600
kubectl exec test-app-pod -- ls /
sleep 30
kubectl exec test-app-pod -- ls /usr/share/nginx/html
kubectl exec -it test-app-pod - /bin/bash
kubectl exec test-app-pod cat /etc/hostname
kubectl exec test-app-pod -- sh -c 'echo hi; exit 3'
echo $?
kubectl exec test-app-pod -- cat /nope
kubectl exec test-app-pod -- nope
kubectl exec -it test-app-pod -- /bin/bash
pwd
cd /usr/share/nginx/html
ls
grep title index.html
echo $HOSTNAME
env | grep KUBERNETES_SERVICE
cat /etc/resolv.conf
exit
kubectl exec -it bb -- /bin/bash
kubectl exec -it bb -- sh
hostname
false
echo $?
exit 5
echo $?
kubectl exec -it bb -- sh
echo typed then Ctrl-C and Ctrl-D
^C
^D
kubectl exec -ti deploy/nope -- sh
echo 'echo from a pipe; hostname' | kubectl exec -i bb -- sh
echo 'echo from a pipe' | kubectl exec -it bb -- sh
kubectl exec -i bb -- sh
echo typed without a terminal, no prompt
exit 4
kubectl exec -q -it bb - ls
kubectl exec -t bb -- tty
kubectl exec bb -c nope -- ls
kubectl exec
kubectl exec bb
kubectl exec nope -- ls
kubectl exec bb ls -la
kubectl apply -f two-containers.yaml
sleep 30
kubectl exec two -- hostname
kubectl exec two -c sidecar -- ps
kubectl run done --image=busybox --restart=Never -- true
sleep 20
kubectl exec done -- ls
kubectl run pending --image=nginx:no-such-tag
sleep 5
kubectl exec pending -- ls
kubectl create deployment web --image=nginx --replicas=2
sleep 30
kubectl exec deploy/web -- hostname
kubectl exec svc/kubernetes -- hostname
kubectl exec -it test-app-pod -- bash
echo the transcript ends inside the session

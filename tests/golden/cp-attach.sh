# kubectl cp (a file and a directory, both ways; into a directory; errors) and kubectl attach (the
# container's output from now on, until it ends or the command is interrupted).
kubectl run web --image=nginx
kubectl run ticker --image=busybox -- sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 4; done'
sleep 20
kubectl cp web:/etc/hostname hostname.txt
cat hostname.txt
kubectl cp web:usr/share/nginx/html html
ls html
head -4 html/index.html
kubectl cp site/index.html web:/usr/share/nginx/html/index.html
kubectl exec web -- cat /usr/share/nginx/html/index.html
kubectl cp site web:/tmp
kubectl exec web -- ls /tmp/site
kubectl cp site/style.css default/web:/tmp/site/
kubectl exec web -- cat /tmp/site/style.css
kubectl cp web:/nope nope.txt
kubectl cp nope.txt web:/tmp
kubectl cp a b
kubectl cp a
kubectl cp web:/a other:/b
kubectl cp web: b
kubectl cp :a b
kubectl cp nopod:/etc/hostname x
timeout 9 kubectl attach ticker
kubectl attach
kubectl attach a b c
kubectl attach -it ticker -c nope
timeout 5 kubectl attach -it ticker
kubectl run once --image=busybox --restart=Never -- echo done
sleep 10
kubectl attach once
# kubectl run -it: the shell in the container reads what is typed (pods/attach with stdin); exit ends it
kubectl run shell -it --image=busybox --restart=Never -- sh
echo hello from $(hostname)
exit 3
echo $?
kubectl get pod shell
echo hi | kubectl run piped -i --rm --restart=Never --image=busybox -- sh -c 'read x; echo got $x'
kubectl run keeper -it --image=busybox -- sh
exit
sleep 15
kubectl attach keeper -it
echo back again
exit

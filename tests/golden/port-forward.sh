# kubectl port-forward: a pod not yet running, then in the background with "&" while curl asks through it
# ("Handling connection for 8080", nginx's access log), several ports and a random one, svc/ and deploy/
# (service port → target port, named ports), --address, a port in use, a closed port (lost connection),
# the pod going away; job control: jobs, kill %N, fg-less notices.
kubectl apply -f test-app.yaml
kubectl port-forward test-app-pod 8080:80
sleep 30
kubectl port-forward test-app-pod 8080:80 &
curl -s http://localhost:8080 | head -4
curl -sI localhost:8080
jobs
kubectl port-forward test-app-pod 8080:80
kubectl port-forward pod/test-app-pod :80 8081:80 &
curl -s -o /dev/null -w '%{http_code}\n' localhost:8081
kubectl logs test-app-pod --tail=3
kill %1
jobs
kubectl create deployment web --image=nginx --replicas=2 --port=80
kubectl expose deployment web --port=8000 --target-port=80
sleep 30
kubectl port-forward svc/web 9000:8000 &
curl -s -o /dev/null -w '%{http_code}\n' localhost:9000
kubectl port-forward svc/web 9001:80
kubectl port-forward svc/web 9001:http
kubectl port-forward deploy/web 9002:80 --address 127.0.0.1,0.0.0.0 &
curl -s -o /dev/null -w '%{http_code}\n' localhost:9002
kubectl port-forward test-app-pod 9090:81 &
curl -s localhost:9090
jobs
kubectl delete pod test-app-pod
curl -s localhost:8081
jobs
kill %3 %4
kill %9
kill
kubectl port-forward nope 80
kubectl port-forward test-app-pod
kubectl port-forward deploy/web 70000:80
kubectl port-forward deploy/web abc
kubectl port-forward deploy/web 0
kubectl run bb --image=busybox -- sleep 3600
sleep 10
kubectl port-forward bb 8080:80 &
curl -s localhost:8080
sleep 2 &
sleep 3

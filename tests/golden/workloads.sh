# Workloads on the simulated runtime (issue 4): a Deployment rolled forward and back, a crash loop
# with its back-off, and a pod too big for any node.
# nodes: 3
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl get pods -o wide
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get rs -o wide
kubectl events --for deployment/web
kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"
sleep 100
kubectl get pod crash
kubectl logs crash --previous
kubectl events --for pod/crash
cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx:1.25
    resources:
      requests:
        cpu: "8"
EOF2
sleep 5
kubectl get pod big
kubectl describe pod big

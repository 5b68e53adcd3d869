# Seeds 000, 002 and 003 (concept pages) tried on the cluster: the control plane and node components as
# pods in kube-system, a pod's internal IP, a Service whose IP outlives its pods, a Secret as base64 in the
# API and as a file and env in the pod, and an emptyDir volume shared by two containers that keeps its
# files across a container restart.
minikube start
kubectl get pods -n kube-system
kubectl get nodes -o wide
kubectl create deployment app --image=nginx:latest --replicas=2
kubectl expose deployment app --port=80
sleep 30
kubectl get pods -l app=app -o wide
curl -s -m 5 http://10.244.0.3/
echo $?
kubectl get service app
kubectl get endpoints app
kubectl delete pod -l app=app
sleep 20
kubectl get pods -l app=app -o wide
kubectl get service app
kubectl get endpoints app
kubectl create secret generic db-pass --from-literal=password=s3cr3t
kubectl get secret db-pass -o jsonpath='{.data.password}'; echo
cat <<'YAML' > shared.yaml
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "echo hello from writer > /cache/msg; sleep 3600"]
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db-pass
          key: password
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: creds
      mountPath: /etc/creds
      readOnly: true
  - name: reader
    image: busybox:1.36
    command: ["sh", "-c", "rm -f /cache/stop; while [ ! -f /cache/stop ]; do sleep 1; done"]
    volumeMounts:
    - name: cache
      mountPath: /cache
  volumes:
  - name: cache
    emptyDir: {}
  - name: creds
    secret:
      secretName: db-pass
YAML
kubectl apply -f shared.yaml
sleep 20
kubectl exec shared -c writer -- printenv DB_PASSWORD
kubectl exec shared -c writer -- cat /etc/creds/password; echo
kubectl exec shared -c reader -- cat /cache/msg
kubectl exec shared -c reader -- sh -c 'echo note from reader > /cache/note; touch /tmp/scratch'
kubectl exec shared -c reader -- touch /cache/stop
sleep 5
kubectl get pod shared
kubectl exec shared -c reader -- ls /cache /tmp
kubectl get pod shared -o jsonpath='{.status.containerStatuses[?(@.name=="reader")].lastState.terminated.reason}'; echo
kubectl create service clusterip Web-Service --tcp=80:80
kubectl create configmap App_Config --from-literal=a=b
cat <<'YAML' > rc.yaml
apiVersion: v1
kind: ReplicationController
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    app: nginx
  template:
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
YAML
kubectl apply -f rc.yaml
sleep 30
kubectl get rc nginx
kubectl get pods -l app=nginx
kubectl delete pod nginx-hfnjm
sleep 20
kubectl get pods -l app=nginx
kubectl scale rc nginx --replicas=2
sleep 5
kubectl get rc nginx
kubectl describe rc nginx | tail -9
kubectl delete rc nginx
sleep 5
kubectl get pods -l app=nginx
kubectl create configmap web-settings --from-literal=MODE=blue
cat <<'YAML' > settings.yaml
apiVersion: v1
kind: Pod
metadata:
  name: settings
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    envFrom:
    - configMapRef:
        name: web-settings
    volumeMounts:
    - name: settings
      mountPath: /etc/settings
  volumes:
  - name: settings
    configMap:
      name: web-settings
YAML
kubectl apply -f settings.yaml
sleep 20
kubectl exec settings -- sh -c 'echo env=$MODE file=$(cat /etc/settings/MODE)'
kubectl patch configmap web-settings -p '{"data":{"MODE":"green"}}'
sleep 90
kubectl exec settings -- sh -c 'echo env=$MODE file=$(cat /etc/settings/MODE)'

# Storage: seed 004's claim provisioned by minikube's storage-provisioner, a pod using it, protection while in use, Delete and Retain reclaim, a claim nothing satisfies.
cat <<'YAML' > database-pvc.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: database-pvc
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
YAML
kubectl apply -f database-pvc.yaml
sleep 2
kubectl get pvc,pv
kubectl get storageclass
cat <<'YAML' > db.yaml
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: database
    image: mongo:latest
    volumeMounts:
    - name: db-data
      mountPath: /data/db
  volumes:
  - name: db-data
    persistentVolumeClaim:
      claimName: database-pvc
YAML
kubectl apply -f db.yaml
sleep 30
kubectl describe pvc database-pvc
kubectl describe pv
kubectl delete pvc database-pvc --wait=false
kubectl get pvc
kubectl delete pod db
sleep 5
kubectl get pvc,pv
cat <<'YAML' > static.yaml
apiVersion: v1
kind: PersistentVolume
metadata:
  name: manual-1g
spec:
  capacity:
    storage: 1Gi
  accessModes:
  - ReadWriteOnce
  storageClassName: manual
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: manual-claim
spec:
  storageClassName: manual
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: too-big
spec:
  storageClassName: ""
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 5Gi
YAML
kubectl apply -f static.yaml
sleep 20
kubectl get pv,pvc
kubectl describe pvc too-big
kubectl delete pvc manual-claim
sleep 2
kubectl get pv
kubectl describe pv manual-1g

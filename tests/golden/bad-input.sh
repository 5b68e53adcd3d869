# Bad input gets the error the real kubectl and API server give, and changes nothing.
kubectl apply -f malformed.yaml
echo $?
kubectl apply -f unknown-kind.yaml
kubectl apply -f wrong-version.yaml
kubectl apply -f unknown-field.yaml
kubectl apply -f no-image.yaml
kubectl apply -f seed-flat.yaml
kubectl apply -f missing.yaml
kubectl get podz
kubectl get pods --foo
kubectl --version
kubectl getx
kubectl get pods

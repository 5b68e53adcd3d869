# Help output is kubectl v1.32's (captured from the real binary).
kubectl create deployment --help
kubectl help rollout status
kubectl scale -h
kubectl help nope
kubectl set
echo "exit $?"
kubectl completion
kubectl completion fish | head -3
kubectl plugin list
kubectl options | head -5

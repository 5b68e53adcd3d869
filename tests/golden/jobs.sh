# The host shell's job control: "&", jobs, fg, wait, kill with a signal, notices before the next prompt.
sleep 30 &
sleep 5 &
jobs
fg %2
jobs
kill -9 %1
jobs
sleep 3 &
wait
false &
sleep 1
kill %1
kill 4000
kill -FOO %1
fg
kubectl get pods -w &
kubectl run web --image=nginx
sleep 20
kill %1

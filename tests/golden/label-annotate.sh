# kubectl label and annotate: merge patches, overwrite rules, removals, selectors and --list.
kubectl run nginx --image=nginx:1.27
kubectl run redis --image=redis:7
kubectl label pod nginx tier=frontend
kubectl label pod nginx tier=backend
kubectl label pod nginx tier=backend --overwrite
kubectl label pod nginx tier=backend --overwrite
kubectl label pod nginx tier-
kubectl label pod nginx tier-
kubectl label pods --all env=dev
kubectl label pods -l run=redis env=prod --overwrite
kubectl label pods nginx missing owner=me
kubectl label pod/nginx version=1.27 --dry-run=client -o name
kubectl label pods nginx --list
kubectl get pods --show-labels
kubectl label pods nginx
kubectl label pods nginx a=b c
kubectl label pods nginx 'a=b=c'
kubectl label pods nginx a=b a-
kubectl label
kubectl annotate pod nginx description='the front door'
kubectl annotate pod nginx description=other
kubectl annotate pod nginx description=other --overwrite
kubectl annotate pod nginx description-
kubectl annotate pods --all owner=team-a
kubectl annotate pod nginx --list
kubectl annotate pod nginx
kubectl annotate pod nginx =x

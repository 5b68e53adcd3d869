// The real kubectl v1.32 as the oracle for kubectl debug through `kubesim serve`: the client-side errors, the
// notices, and what the API server answers to the ephemeral container patch (pods/ephemeralcontainers), the
// node-debugger pod and the copy. Without -i/--attach kubectl debug returns at once. See harness.ts.
import { expect } from 'vitest';
import { oracleSuite } from './suite';
import type { OracleCase } from './cases';

// The debug container's and the node pod's random suffix (utilrand.String) differ between the two runs.
const suffix = (s: string) => s.replace(/debugger-(?:[a-z0-9-]+-)?[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, 'debugger-XXXXX');
const random = (line: string): OracleCase => ({ line, normalize: suffix, note: 'random debug container and pod names' });

oracleSuite('oracle: kubectl debug', [
  'debug', 'debug test-app-pod', 'debug --image=busybox', 'debug test-app-pod --image=busybox -t',
  'debug test-app-pod --image=Busybox', 'debug test-app-pod --image=busybox --profile=bad', 'debug test-app-pod --copy-to=x',
  'debug test-app-pod --image=busybox --target=x --copy-to=y', 'debug test-app-pod --image=busybox --same-node',
  'debug test-app-pod --replace --image=busybox', 'debug test-app-pod --set-image=a=b', 'debug test-app-pod --attach',
  'debug test-app-pod --image=busybox --image-pull-policy=Sometimes', 'debug test-app-pod --image=busybox --env=MODE',
  'debug test-app-pod --copy-to=x --set-image=app=Bad', 'debug test-app-pod --copy-to=x --set-image=*=nginx -- sh',
  'debug nope --image=busybox', 'debug nope --image=busybox --profile=general', 'debug node/nope --image=busybox --profile=general',
  'debug deploy/webapp-deployment --image=busybox --profile=general', 'debug svc/nope --image=busybox --profile=general',
  'debug test-app-pod --image=busybox --profile=general -c test-app-container',
  'debug test-app-pod --image=busybox --profile=general --target=nope -c dbg',
  'debug test-app-pod --image=busybox --profile=general -c dbg --env=A=1 -- sh -c "echo hi"',
  'debug test-app-pod --image=busybox --profile=general -c dbg',
  'debug test-app-pod --copy-to=test-app-pod --set-image=*=busybox --profile=general',
  random('debug test-app-pod --image=busybox --profile=general'),
  random('debug test-app-pod --image=busybox'),
  random('debug test-app-pod --image=busybox --target=test-app-container --profile=baseline'),
  random('debug node/minikube --image=busybox --profile=general'),
  random('debug node/minikube --image=busybox -c shell -q'),
  'debug -f test-app.yaml --image=busybox --profile=general -c fromfile -- sleep 100',
  'debug -f test-app.yaml test-app-pod --image=busybox --profile=general',
  'debug -f nope.yaml --image=busybox --profile=general',
  'get pod test-app-pod -o jsonpath={.spec.ephemeralContainers[*].name}',
], (ours, real) => expect(ours).toEqual(real));

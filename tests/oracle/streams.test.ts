// The real kubectl v1.32 as the oracle for kubectl logs and exec through `kubesim serve` (pods/log, plain and
// with options; pods/exec over WebSocket v5.channel.k8s.io; TYPE/NAME and selectors pick pods client-side). See harness.ts.
import { expect } from 'vitest';
import { oracleSuite } from './suite';

oracleSuite('oracle: kubectl logs and exec', [
  'logs', 'logs a b c', 'logs test-app-pod', 'logs test-app-pod --tail=3', 'logs pod/test-app-pod --tail=1 --timestamps',
  'logs test-app-pod -c nope', 'logs test-app-pod test-app-container', 'logs test-app-pod test-app-container -c x',
  'logs test-app-pod --all-containers -c test-app-container', 'logs test-app-pod --tail=-2', 'logs test-app-pod -p',
  'logs test-app-pod --since=1s --since-time=2025-01-01T00:00:00Z', 'logs test-app-pod --limit-bytes=40',
  'logs nope', 'logs deploy/nope', 'logs -l app=nothing', 'logs -l app=webapp nope',
  'logs cm/webapp-config', 'logs svc/kubernetes', 'logs deployment/webapp-deployment --tail=1 -c database',
  'logs -l app=webapp --tail=1 --prefix -c webapp', 'logs job/pi --tail=1', 'logs sts/database-statefulset --tail=2',
  'exec test-app-pod -- ls /usr/share/nginx/html', "exec test-app-pod -- sh -c 'echo out; echo err >&2; exit 3'",
  'exec test-app-pod cat /etc/hostname', 'exec -it test-app-pod - /bin/bash', 'exec -i test-app-pod -- cat', 'exec test-app-pod -- nope',
  'exec deploy/webapp-deployment -c webapp -- hostname -s', 'exec -q test-app-pod ls /usr/share/nginx',
  'exec nope -- ls', 'exec deploy/nope -- ls', 'exec', 'exec test-app-pod', 'exec test-app-pod -c nope -- ls', 'exec svc/kubernetes -- ls',
  'port-forward nope 80', 'port-forward svc/nope 80', 'port-forward test-app-pod', 'port-forward svc/kubernetes 8443:443',
  'attach nope', 'attach deploy/nope', 'attach', 'cp nope:/etc/hostname x', 'cp a b', 'cp test-app-pod:/x test-app-pod:/y',
], (ours, real) => expect(ours).toEqual(real));

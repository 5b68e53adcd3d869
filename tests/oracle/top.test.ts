// The real kubectl v1.32's `top` against `kubesim serve` with minikube's metrics-server addon: discovery
// lists metrics.k8s.io/v1beta1 while the APIService is registered, and the Metrics API answers from the
// kubelets' usage; before the addon, "Metrics API not available". See harness.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOracle, type Oracle } from './harness';
import { enableMetricsServer } from '../../src/minikube';

const BEFORE = ['top node', 'top pod -A'];
const AFTER = ['top node', 'top nodes --no-headers', 'top node minikube', 'top node nope', 'top pod -A', 'top pod -n kube-system --sort-by=memory',
  'top pod -A --containers', 'top pod -n kube-system -l k8s-app=kube-dns', 'top pod nope', 'top pod -n kube-system --sum'];

describe.sequential('oracle: kubectl top with the metrics-server addon', () => {
  let o: Oracle;
  beforeAll(async () => {
    o = await startOracle({ setup: ['run web --image=nginx'] });
  });
  afterAll(async () => {
    await o?.close();
  });
  for (const line of BEFORE) {
    it(`kubectl ${line} (no addon)`, async () => {
      const { real, ours } = await o.both(line);
      expect(ours).toEqual(real);
    });
  }
  it('enables the addon', () => {
    enableMetricsServer(o.serve.session.cluster);
    o.serve.advance(60_000);
    o.serve.session.cluster.flush();
  });
  for (const line of AFTER) {
    it(`kubectl ${line}`, async () => {
      const { real, ours } = await o.both(line);
      expect(ours).toEqual(real);
    });
  }
});

// Test harness for the kubelet: a cluster without nodes plus kubelets on a programmable fake runtime.
// Only tests import this file (it imports the cluster, which imports the kubelet).
import type { Event, KubeObject, Pod } from '../../api/types';
import { Cluster } from '../../cluster';
import { R, type Client } from '../../client';
import { Kubelet, KUBELET_USER_AGENT } from '../kubelet';
import { machineInfo, NodeSet } from '../nodes';
import { MemVolumeDataRegistry } from '../volumemanager';
import { FakeRuntime, type FakeRuntimeOptions } from './fake-runtime';

/** Options of the harness. */
export interface HarnessOptions {
  seed?: number;
  nodes?: number;
  /** Run the control plane's static pods on the first node. */
  controlPlane?: boolean;
  runtime?: Omit<FakeRuntimeOptions, 'clock' | 'rng'>;
  capacity?: Record<string, string>;
  /** Create kube-root-ca.crt in "default" (what the root-ca-cert-publisher controller does). */
  rootCA?: boolean;
  /** Keep minikube's addons (CoreDNS, kube-proxy, storage-provisioner); default false. */
  addons?: boolean;
}

/** A cluster whose nodes run kubelets on fake runtimes. */
export interface Harness {
  cluster: Cluster;
  client: Client;
  nodes: NodeSet;
  kubelet: Kubelet;
  runtime: FakeRuntime;
  runtimes: Map<string, FakeRuntime>;
  advance(ms: number): void;
  now(): number;
  pod(name: string, namespace?: string): Pod | undefined;
  createPod(pod: Pod): Pod;
  /** Events about an object, in creation order, as "Reason: message". */
  events(name?: string): string[];
  rawEvents(): Event[];
}

/** Builds the harness. */
export function kubeletHarness(o: HarnessOptions = {}): Harness {
  const cluster = new Cluster({ seed: o.seed ?? 7, nodes: 0 });
  const client = cluster.client('kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9');
  cluster.flush();
  // Keep tests about one pod about that pod: minikube's addons would otherwise be scheduled onto these nodes.
  if (!o.addons) {
    client.delete(R.deployments, 'kube-system', 'coredns', { propagationPolicy: 'Background' });
    client.delete(R.daemonsets, 'kube-system', 'kube-proxy', { propagationPolicy: 'Background' });
    client.delete(R.pods, 'kube-system', 'storage-provisioner', { gracePeriodSeconds: 0 });
    cluster.flush();
  }
  const existing = client.tryGet(R.configmaps, 'default', 'kube-root-ca.crt');
  if (o.rootCA === false && existing) client.delete(R.configmaps, 'default', 'kube-root-ca.crt');
  if (o.rootCA !== false && !existing) {
    client.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default' },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } } as KubeObject);
  }
  const volumeData = new MemVolumeDataRegistry();
  const nodes = new NodeSet(volumeData);
  const runtimes = new Map<string, FakeRuntime>();
  const count = o.nodes ?? 1;
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? 'minikube' : `minikube-m${String(i + 1).padStart(2, '0')}`;
    const d = cluster.deps(`kubelet/${name}`, KUBELET_USER_AGENT);
    const runtime = new FakeRuntime({ clock: d.clock, rng: d.rng.fork('runtime'), ...o.runtime });
    runtimes.set(name, runtime);
    const labels = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };
    const capacity = { cpu: '2', 'ephemeral-storage': '61202244Ki', memory: '3912804Ki', pods: '110', ...o.capacity };
    const machine = machineInfo({ name, ip: `192.168.49.${i + 2}`, labels, capacity },
      { kubernetes: 'v1.32.0', containerRuntime: 'docker://27.4.1', kernel: '5.15.0-1075-gcp', osImage: 'Ubuntu 22.04.5 LTS',
        etcd: 'registry.k8s.io/etcd:3.5.16-0' }, `10.244.${i}.0/24`, d.rng.fork('machine'));
    const k = new Kubelet({ clock: d.clock, rng: d.rng, client: d.client, timings: d.timings, runtime, volumeData, machine,
      controlPlane: i === 0 && o.controlPlane ? { kubernetesVersion: 'v1.32.0', etcdImage: 'registry.k8s.io/etcd:3.5.16-0' } : undefined });
    nodes.set(name, k);
  }
  for (const k of nodes.values()) k.start();
  for (const sub of ['log', 'exec', 'portforward'] as const) {
    cluster.api.registerConnector(`pods/${sub}`, (req, obj) => nodes.get((obj as Pod).spec?.nodeName ?? '')!.serve(sub, req, obj));
  }
  cluster.flush();
  const h: Harness = {
    cluster, client, nodes, runtimes,
    kubelet: nodes.get('minikube')!,
    runtime: runtimes.get('minikube')!,
    advance: (ms) => cluster.advance(ms),
    now: () => cluster.clock.now(),
    pod: (name, ns = 'default') => client.tryGet<Pod>(R.pods, ns, name),
    createPod: (pod) => {
      const p: Pod = { apiVersion: 'v1', kind: 'Pod', ...pod, metadata: { namespace: 'default', ...pod.metadata } };
      if (!p.spec!.nodeName) p.spec = { ...p.spec!, nodeName: 'minikube' };
      const created = client.create<Pod>(R.pods, p);
      cluster.flush();
      return created;
    },
    rawEvents: () => client.list<Event>(R.events, undefined).items
      .sort((a, b) => {
        const x = BigInt(`0x${a.metadata!.name!.split('.').pop()}`);
        const y = BigInt(`0x${b.metadata!.name!.split('.').pop()}`);
        return x < y ? -1 : x > y ? 1 : 0;
      }),
    events: (name) => h.rawEvents().filter((e) => !name || e.involvedObject.name === name)
      .map((e) => `${e.reason}: ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`),
  };
  return h;
}

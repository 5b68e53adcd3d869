import { describe, expect, it } from 'vitest';
import type { Lease, Node } from '../../api/types';
import { R } from '../../client';
import { kubeletHarness } from '../testing/harness';
import { nodeImages, setNodeStatus, type MachineInfo } from './setters';

const machine: MachineInfo = {
  nodeName: 'n1', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', labels: {}, annotations: {},
  capacity: { cpu: '2', memory: '1Gi', pods: '110' }, kernelVersion: 'k', osImage: 'o', containerRuntimeVersion: 'docker://27.4.1',
  kubeletVersion: 'v1.32.0', machineID: 'm', systemUUID: 's', bootID: 'b',
};

describe('node status setters', () => {
  it('adds the pressure conditions with events, and Ready without one the first time', () => {
    const node: Node = { metadata: { name: 'n1' }, status: {} };
    const ev: string[] = [];
    setNodeStatus(node, machine, [], { ready: false, message: 'container runtime status check may not have completed yet' }, 0, (_t, r) => ev.push(r));
    expect(ev).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']);
    expect(node.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'False', 'KubeletNotReady', 'container runtime status check may not have completed yet'],
    ]);
    setNodeStatus(node, machine, [], { ready: true }, 5000, (_t, r) => ev.push(r));
    expect(ev.slice(3)).toEqual(['NodeReady']);
    const ready = node.status!.conditions![3];
    expect(ready).toEqual({ type: 'Ready', status: 'True', lastHeartbeatTime: '1970-01-01T00:00:05Z', lastTransitionTime: '1970-01-01T00:00:05Z',
      reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(node.status!.conditions![0].lastTransitionTime).toBe('1970-01-01T00:00:00Z');
    expect(node.status!.conditions![0].lastHeartbeatTime).toBe('1970-01-01T00:00:05Z');
  });

  it('lists images largest first, by digest and tag, at most 50', () => {
    const imgs = Array.from({ length: 60 }, (_, i) => ({ ref: `docker.io/library/img${i}:1`, imageID: `docker-pullable://img${i}@sha256:${i}`, sizeBytes: i }));
    const out = nodeImages(imgs)!;
    expect(out.length).toBe(50);
    expect(out[0]).toEqual({ names: ['img59@sha256:59', 'docker.io/library/img59:1'], sizeBytes: 59 });
  });
});

describe('node registration and heartbeats', () => {
  it('registers the node as minikube does and marks it Ready', () => {
    const h = kubeletHarness();
    const node = h.client.get<Node>(R.nodes, undefined, 'minikube');
    expect(node.metadata?.annotations).toEqual({ 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true' });
    expect(node.spec?.podCIDR).toBe('10.244.0.0/24');
    expect(node.spec?.podCIDRs).toEqual(['10.244.0.0/24']);
    const st = node.status!;
    expect(st.addresses).toEqual([{ address: '192.168.49.2', type: 'InternalIP' }, { address: 'minikube', type: 'Hostname' }]);
    expect(st.capacity).toEqual({ cpu: '2', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3912804Ki', pods: '110' });
    expect(st.allocatable).toEqual(st.capacity);
    expect(st.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(st.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0', containerRuntimeVersion: 'docker://27.4.1', operatingSystem: 'linux',
      architecture: 'amd64', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1075-gcp', kubeProxyVersion: '' });
    expect(st.nodeInfo!.machineID).toMatch(/^[0-9a-f]{32}$/);
    expect(st.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    const fromKubelet = h.rawEvents().filter((e) => e.involvedObject.name === 'minikube' && e.source?.component === 'kubelet')
      .map((e) => `${e.reason}: ${e.message}`);
    expect(fromKubelet).toEqual([
      'Starting: Starting kubelet.',
      'NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'NodeHasSufficientMemory: Node minikube status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node minikube status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node minikube status is now: NodeHasSufficientPID',
      'NodeReady: Node minikube status is now: NodeReady',
    ]);
    const ev = h.rawEvents().find((e) => e.reason === 'Starting')!;
    expect(ev.involvedObject).toMatchObject({ kind: 'Node', name: 'minikube', uid: 'minikube' });
    expect(ev.metadata?.namespace).toBe('default');
  });

  it('renews its Lease every 10s (leaseDurationSeconds 40), owned by the Node', () => {
    const h = kubeletHarness();
    const node = h.client.get<Node>(R.nodes, undefined, 'minikube');
    let lease = h.client.get<Lease>(R.leases, 'kube-node-lease', 'minikube');
    expect(lease.spec).toMatchObject({ holderIdentity: 'minikube', leaseDurationSeconds: 40 });
    expect(lease.metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: node.metadata!.uid }]);
    const first = Date.parse(lease.spec!.renewTime!);
    h.advance(10_000);
    lease = h.client.get<Lease>(R.leases, 'kube-node-lease', 'minikube');
    expect(Date.parse(lease.spec!.renewTime!) - first).toBe(10_000);
    expect(lease.spec!.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('writes the node status only when it changes or every 5 minutes', () => {
    const h = kubeletHarness({ runtime: { preloaded: [] } });
    const rv = () => h.client.get<Node>(R.nodes, undefined, 'minikube').metadata!.resourceVersion;
    const hb = () => h.client.get<Node>(R.nodes, undefined, 'minikube').status!.conditions!.find((c) => c.type === 'Ready')!.lastHeartbeatTime;
    const start = rv();
    const hb0 = hb();
    h.advance(4 * 60_000);
    expect(rv()).toBe(start);
    expect(hb()).toBe(hb0);
    h.advance(60_000 + 1);
    expect(hb()).not.toBe(hb0);
    // A new image is a change: reported at the next 10s update.
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    const before = rv();
    h.advance(13_000);
    expect(rv()).not.toBe(before);
    expect(h.client.get<Node>(R.nodes, undefined, 'minikube').status!.images![0].names![1]).toBe('docker.io/library/nginx:1.27');
  });
});

describe('kubelet stop and start', () => {
  it('stops heartbeats but not containers, and reconciles pods when it starts again', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'keep' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.createPod({ metadata: { name: 'gone' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(3000);
    const leaseTime = () => h.client.get<Lease>(R.leases, 'kube-node-lease', 'minikube').spec!.renewTime;
    h.kubelet.stop();
    const frozen = leaseTime();
    h.advance(60_000);
    expect(leaseTime()).toBe(frozen);
    expect(h.runtime.find('keep', 'c')!.exited).toBe(false);
    h.client.delete(R.pods, 'default', 'gone');
    h.advance(60_000);
    expect(h.pod('gone')?.metadata?.deletionTimestamp).toBeDefined();
    expect(h.runtime.find('gone', 'c')!.exited).toBe(false);
    h.kubelet.start();
    h.advance(1000);
    expect(leaseTime()).not.toBe(frozen);
    expect(h.runtime.find('gone', 'c')!.exited).toBe(true);
    expect(h.pod('gone')).toBeUndefined();
    expect(h.runtime.find('keep', 'c')!.exited).toBe(false);
    expect(h.runtime.containers.filter((c) => c.config.podName === 'keep').length).toBe(1);
    expect(h.events('minikube').filter((e) => e.startsWith('Starting'))).toEqual(['Starting: Starting kubelet. (x2)']);
  });

  it('posts NodeReady again after the node controller marked it Unknown', () => {
    const h = kubeletHarness();
    h.kubelet.stop();
    const node = h.client.get<Node>(R.nodes, undefined, 'minikube');
    const conds = node.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.' } : c));
    h.client.updateStatus(R.nodes, { ...node, status: { ...node.status, conditions: conds } });
    h.kubelet.start();
    h.advance(1000);
    const ready = h.client.get<Node>(R.nodes, undefined, 'minikube').status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.status).toBe('True');
    expect(h.events('minikube').filter((e) => e.startsWith('NodeReady'))).toEqual(['NodeReady: Node minikube status is now: NodeReady (x2)']);
  });
});

describe('pod status after a kubelet restart', () => {
  it('marks pods Ready again with a new transition time after the node controller marked them not ready', () => {
    const h = kubeletHarness({ runtime: { preloaded: ['busybox:1.28'] } });
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.28' }] } });
    h.advance(3000);
    h.kubelet.stop();
    h.advance(60_000);
    const pod = h.pod('p')!;
    const conds = pod.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: new Date(h.now()).toISOString().replace('.000Z', 'Z') } : c));
    h.client.updateStatus(R.pods, { ...pod, status: { ...pod.status, conditions: conds } });
    h.advance(10_000);
    h.kubelet.start();
    h.advance(2000);
    const ready = h.pod('p')!.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.status).toBe('True');
    expect(Date.parse(ready.lastTransitionTime!)).toBeGreaterThan(Date.parse(conds.find((c) => c.type === 'Ready')!.lastTransitionTime!));
  });
});

describe('cordon', () => {
  it('records NodeNotSchedulable and NodeSchedulable at the next status update', () => {
    const h = kubeletHarness();
    const node = h.client.get<Node>(R.nodes, undefined, 'minikube');
    h.client.update(R.nodes, { ...node, spec: { ...node.spec, unschedulable: true } });
    h.advance(10_000);
    const mine = () => h.rawEvents().filter((e) => e.involvedObject.name === 'minikube' && e.source?.component === 'kubelet').map((e) => e.message);
    expect(mine().slice(-1)).toEqual(['Node minikube status is now: NodeNotSchedulable']);
    const n2 = h.client.get<Node>(R.nodes, undefined, 'minikube');
    h.client.update(R.nodes, { ...n2, spec: { ...n2.spec, unschedulable: undefined } });
    h.advance(10_000);
    expect(mine().slice(-1)).toEqual(['Node minikube status is now: NodeSchedulable']);
  });
});

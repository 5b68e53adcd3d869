import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/engine/cluster';
import { R } from '../../src/engine/client';
import type { DaemonSet, Node, Pod } from '../../src/engine/api/types';
import { Session } from '../../src/server/session';
import { VERSIONS } from '../../src/engine/bootstrap';

const started = (opts: ConstructorParameters<typeof Cluster>[0]) => {
  const c = new Cluster(opts);
  c.waitForSystemPods();
  return { c, client: c.client('test') };
};

describe('multi-node minikube start', () => {
  it('joins the workers one after another, 20 s apart, on .3 and .4', () => {
    const { client } = started({ nodes: 3 });
    const nodes = client.list<Node>(R.nodes).items;
    const t0 = Date.parse(nodes[0].metadata!.creationTimestamp!);
    expect(nodes.map((n) => [n.metadata!.name, (Date.parse(n.metadata!.creationTimestamp!) - t0) / 1000,
      n.status!.addresses!.find((a) => a.type === 'InternalIP')!.address, n.spec!.podCIDR])).toEqual([
      ['minikube', 0, '192.168.49.2', '10.244.0.0/24'],
      ['minikube-m02', 20, '192.168.49.3', '10.244.1.0/24'],
      ['minikube-m03', 40, '192.168.49.4', '10.244.2.0/24'],
    ]);
    expect(nodes[2].metadata!.labels!['minikube.k8s.io/primary']).toBe('false');
  });

  it('puts CoreDNS and the storage-provisioner on the control plane (the workers are not there yet)', () => {
    const { client } = started({ nodes: 3, seed: 9 });
    const pods = client.list<Pod>(R.pods, 'kube-system').items;
    const on = (prefix: string) => pods.filter((p) => p.metadata!.name!.startsWith(prefix)).map((p) => p.spec!.nodeName);
    expect(on('coredns-')).toEqual(['minikube']);
    expect(on('storage-provisioner')).toEqual(['minikube']);
    expect(pods.find((p) => p.metadata!.name!.startsWith('coredns-'))!.status!.podIP).toBe('10.244.0.2');
  });

  it('runs kindnet (one host-network pod per node) only with several nodes', () => {
    const multi = started({ nodes: 3 }).client;
    const ds = multi.get<DaemonSet>(R.daemonsets, 'kube-system', 'kindnet');
    expect(ds.spec!.template.spec!.containers[0].image).toBe('docker.io/kindest/kindnetd:v20241108-5c6d2daf');
    expect(VERSIONS.kindnet).toBe(ds.spec!.template.spec!.containers[0].image);
    const pods = multi.list<Pod>(R.pods, 'kube-system', { labelSelector: 'app=kindnet' }).items;
    expect(pods.map((p) => `${p.spec!.nodeName} ${p.status!.podIP} ${p.status!.phase}`).sort()).toEqual([
      'minikube 192.168.49.2 Running', 'minikube-m02 192.168.49.3 Running', 'minikube-m03 192.168.49.4 Running']);
    const single = started({ nodes: 1 }).client;
    expect(single.tryGet(R.daemonsets, 'kube-system', 'kindnet')).toBeUndefined();
  });

  it('workerJoinIntervalMs: 0 registers every node at once', () => {
    const c = new Cluster({ nodes: 3, workerJoinIntervalMs: 0 });
    expect([...c.nodes.keys()]).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
  });

  it('past ten nodes (no laptop minikube) every node registers at once by default', () => {
    expect(new Cluster({ nodes: 11 }).nodes.size).toBe(11);
    expect(new Cluster({ nodes: 10 }).nodes.size).toBe(1);
  });

  it('a worker is not there until its turn', () => {
    const c = new Cluster({ nodes: 2 });
    expect([...c.nodes.keys()]).toEqual(['minikube']);
    c.advance(20_000);
    expect([...c.nodes.keys()]).toEqual(['minikube', 'minikube-m02']);
  });

  it('kubectl drain of a worker succeeds (no bare pod there) and kindnet logs its start-up', async () => {
    const s = new Session({ nodes: 2 });
    const drain = await s.run('kubectl drain minikube-m02 --ignore-daemonsets');
    expect(drain.exitCode).toBe(0);
    expect(drain.output).toContain('node/minikube-m02 drained');
    const logs = await s.run('kubectl logs -n kube-system -l app=kindnet --tail=-1');
    expect(logs.output).toContain('main.go:139] hostIP = 192.168.49.3\npodIP = 192.168.49.3\n');
  });

  it('minikube node add on a one-node cluster: the CNI warning, then minikube-m02 joins and kube-proxy follows it', async () => {
    const s = new Session({ nodes: 1 });
    const add = await s.run('minikube node add');
    expect(add.exitCode).toBe(0);
    expect(add.output.split('\n').slice(0, 2)).toEqual(['😄  Adding node m02 to cluster minikube as [worker]',
      '❗  Cluster was created without any CNI, adding a node to it might cause broken networking.']);
    expect(add.output).toContain('🏄  Successfully added m02 to minikube!\n');
    const pods = (await s.run('kubectl get pods -n kube-system -l k8s-app=kube-proxy -o custom-columns=NODE:.spec.nodeName,PHASE:.status.phase --no-headers')).output;
    expect(pods.split('\n').filter(Boolean).sort()).toEqual(['minikube       Running', 'minikube-m02   Running']);
    expect((await s.run('kubectl get node minikube-m02 -o jsonpath={.spec.podCIDR}')).output).toBe('10.244.1.0/24');
  });

  it('minikube node delete m02: drained (bare pods too), Node gone, its Deployment pods back elsewhere; node add then takes m04', async () => {
    const s = new Session({ nodes: 3 });
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=4');
    await s.run('kubectl run solo --image=nginx:1.27 --overrides={"spec":{"nodeName":"minikube-m02"}}');
    await s.run('kubectl rollout status deployment/web');
    const del = await s.run('minikube node delete m02');
    expect(del).toEqual({ exitCode: 0, output: '🔥  Deleting node m02 from cluster minikube\n✋  Stopping node "minikube-m02"  ...\n' +
      '🛑  Powering off "minikube-m02" via SSH ...\n🔥  Deleting "minikube-m02" in docker ...\n💀  Node m02 was successfully deleted.\n' });
    expect((await s.run('minikube node list')).output).toBe('minikube\t192.168.49.2\nminikube-m03\t192.168.49.4\n');
    expect((await s.run('kubectl get pod solo')).output).toBe('Error from server (NotFound): pods "solo" not found\n');
    await s.run('sleep 60');
    const nodesOfWeb = (await s.run('kubectl get pods -l app=web -o jsonpath={.items[*].spec.nodeName}')).output.split(' ');
    expect(nodesOfWeb).toHaveLength(4);
    expect(nodesOfWeb).not.toContain('minikube-m02');
    expect((await s.run('minikube node delete m09')).exitCode).toBe(80);
    const add = await s.run('minikube node add');
    expect(add.output.split('\n')[0]).toBe('😄  Adding node m04 to cluster minikube as [worker]');
    expect((await s.run('kubectl get nodes -o name')).output).toBe('node/minikube\nnode/minikube-m03\nnode/minikube-m04\n');
  });

  it('minikube stop then start brings the nodes back one after another, the control plane first', async () => {
    const s = new Session({ nodes: 2 });
    await s.run('minikube start --nodes 2');
    await s.run('minikube stop');
    await s.run('sleep 60');
    expect((await s.run('kubectl get nodes --no-headers -o custom-columns=N:.metadata.name,R:.status.conditions[-1:].status')).output)
      .toBe('minikube       Unknown\nminikube-m02   Unknown\n');
    const t0 = s.cluster.clock.now();
    const start = await s.run('minikube start');
    expect(start.output).toContain('🔄  Restarting existing docker container for "minikube-m02" ...\n');
    expect(s.cluster.clock.now() - t0).toBe(10_000);
    expect(s.cluster.stoppedNodes()).toEqual([]);
    expect((await s.run('kubectl get nodes --no-headers -o custom-columns=N:.metadata.name,R:.status.conditions[-1:].status')).output)
      .toBe('minikube       True\nminikube-m02   True\n');
  });
});

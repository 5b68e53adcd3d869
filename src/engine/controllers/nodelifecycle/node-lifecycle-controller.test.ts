import { describe, expect, it } from 'vitest';
import type { Event, Node } from '../../api/types';
import { Cluster } from '../../cluster';
import { R } from '../../client';

describe('NodeLifecycleController', () => {
  it('registers each node once and names the removed node by its uid (RegisteredNode, RemovingNode)', () => {
    const c = new Cluster({ seed: 1, nodes: 2 });
    c.waitForSystemPods();
    const client = c.client('test');
    const uid = client.get<Node>(R.nodes, undefined, 'minikube-m02').metadata!.uid;
    c.deleteNode('minikube-m02');
    c.advance(10_000);
    const events = client.list<Event>(R.events, 'default').items
      .filter((e) => e.involvedObject?.name === 'minikube-m02' && e.source?.component === 'node-controller');
    expect(events.map((e) => `${e.reason} ${e.involvedObject?.uid === uid} ${e.message}`)).toEqual([
      'RegisteredNode true Node minikube-m02 event: Registered Node minikube-m02 in Controller',
      'RemovingNode true Node minikube-m02 event: Removing Node minikube-m02 from Controller',
    ]);
  });
});

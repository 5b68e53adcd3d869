import { describe, expect, it } from 'vitest';
import { makeNode, makePod, nodeInfoOf, runFilter } from '../../framework';
import { NodePorts } from './node-ports';

const hostPortPod = (name: string, hostPort: number, o: { hostIP?: string; protocol?: string; nodeName?: string } = {}) =>
  makePod(name, { nodeName: o.nodeName, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, hostIP: o.hostIP, protocol: o.protocol }] }] } });

describe('NodePorts Filter', () => {
  const pl = new NodePorts();
  const cases: { name: string; existing: { port: number; hostIP?: string; protocol?: string }[]; want: { port: number; hostIP?: string; protocol?: string }; fits: boolean }[] = [
    { name: 'free port', existing: [{ port: 8080 }], want: { port: 8081 }, fits: true },
    { name: 'same port and protocol', existing: [{ port: 8080 }], want: { port: 8080 }, fits: false },
    { name: 'same port, other protocol', existing: [{ port: 53, protocol: 'TCP' }], want: { port: 53, protocol: 'UDP' }, fits: true },
    { name: 'different specific IPs do not conflict', existing: [{ port: 80, hostIP: '10.0.0.1' }], want: { port: 80, hostIP: '10.0.0.2' }, fits: true },
    { name: '0.0.0.0 conflicts with any IP', existing: [{ port: 80, hostIP: '10.0.0.1' }], want: { port: 80 }, fits: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const existing = c.existing.map((e, i) => hostPortPod(`e${i}`, e.port, { hostIP: e.hostIP, protocol: e.protocol, nodeName: 'n' }));
      const s = runFilter(pl, hostPortPod('p', c.want.port, c.want), nodeInfoOf(makeNode('n'), existing));
      expect(s?.message()).toBe(c.fits ? undefined : "node(s) didn't have free ports for the requested pod ports");
    });
  }
  it('a pod without host ports skips the plugin', () => {
    expect(runFilter(pl, makePod('p'), nodeInfoOf(makeNode('n'), [hostPortPod('e', 80, { nodeName: 'n' })]))).toBeUndefined();
  });
});

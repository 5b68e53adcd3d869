import { describe, expect, it } from 'vitest';
import { HostLocalIPAM } from './pod-ip';
import { MemFS } from './volumemanager';
import { podCIDRFor } from './nodes';

describe('HostLocalIPAM', () => {
  it('hands out .2, .3, … after the gateway and moves on past released addresses', () => {
    const ipam = new HostLocalIPAM('10.244.1.0/24');
    expect(ipam.gateway()).toBe('10.244.1.1');
    expect(['a', 'b', 'c'].map((u) => ipam.allocate(u))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    expect(ipam.allocate('a')).toBe('10.244.1.2');
    ipam.release('a');
    expect(ipam.allocate('d')).toBe('10.244.1.5');
  });

  it('wraps around when the end of the range is reached', () => {
    const ipam = new HostLocalIPAM('10.0.0.0/29');
    expect(['a', 'b', 'c', 'd', 'e'].map((u) => ipam.allocate(u))).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    ipam.release('b');
    expect(ipam.allocate('f')).toBe('10.0.0.3');
    expect(() => ipam.allocate('g')).toThrow(/no IP addresses available/);
  });

  it('gives node i the pod CIDR 10.244.i.0/24', () => {
    expect(podCIDRFor(0)).toBe('10.244.0.0/24');
    expect(podCIDRFor(2)).toBe('10.244.2.0/24');
    expect(podCIDRFor(257)).toBe('10.245.1.0/24');
  });
});

describe('MemFS', () => {
  it('keeps files and directories', () => {
    const fs = new MemFS();
    fs.write('/a/b/c.txt', 'x');
    fs.write('top', 'y');
    expect(fs.list('/')).toEqual(['a', 'top']);
    expect(fs.isDir('a/b')).toBe(true);
    expect(fs.read('a/b/c.txt')).toBe('x');
    expect(fs.remove('a')).toBe(true);
    expect(fs.read('a/b/c.txt')).toBeUndefined();
    expect(fs.list('/')).toEqual(['top']);
  });
});

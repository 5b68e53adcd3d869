import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, goDurationString, isKubernetesProtobuf, messageKeyFor } from './serve-proto';

// A minimal protobuf writer for building test bodies.
const varint = (n: number | bigint): number[] => {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
};
const tag = (num: number, wire: number) => varint((num << 3) | wire);
const str = (num: number, s: string) => { const b = [...new TextEncoder().encode(s)]; return [...tag(num, 2), ...varint(b.length), ...b]; };
const msg = (num: number, body: number[]) => [...tag(num, 2), ...varint(body.length), ...body];
const int = (num: number, v: number) => [...tag(num, 0), ...varint(v)];
const envelope = (apiVersion: string, kind: string, raw: number[]) =>
  new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...msg(1, [...str(1, apiVersion), ...str(2, kind)]), ...msg(2, raw)]);

describe('kubernetes protobuf decoding', () => {
  it('recognises the envelope and names messages', () => {
    expect(isKubernetesProtobuf(new Uint8Array([0x6b, 0x38, 0x73, 0]))).toBe(true);
    expect(isKubernetesProtobuf(new TextEncoder().encode('{}'))).toBe(false);
    expect(messageKeyFor('v1', 'Pod')).toBe('core.v1.Pod');
    expect(messageKeyFor('rbac.authorization.k8s.io/v1', 'Role')).toBe('rbac.v1.Role');
  });

  it('decodes a Deployment: maps, pointers, zero values, quantities, IntOrString', () => {
    const container = [...str(1, 'nginx'), ...str(2, 'nginx'),
      ...msg(6, [...str(1, 'http'), ...int(3, 80), ...str(4, 'TCP')]),
      ...msg(8, msg(1, [...str(1, 'cpu'), ...msg(2, str(1, '100m'))])),
      ...str(14, '')];
    const deployment = [
      ...msg(1, [...str(1, 'web'), ...str(2, ''), ...msg(11, [...str(1, 'app'), ...str(2, 'web')]), ...msg(8, [])]),
      ...msg(2, [...int(1, 0), ...msg(3, [...msg(1, msg(11, [...str(1, 'app'), ...str(2, 'web')])), ...msg(2, msg(2, container))]),
        ...msg(4, [...str(1, 'RollingUpdate'), ...msg(2, [...msg(1, [...int(1, 0), ...int(2, 1)]), ...msg(2, [...int(1, 1), ...str(3, '25%')])])])]),
      ...msg(3, []),
    ];
    const obj = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', deployment));
    expect(obj).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: null },
      spec: {
        replicas: 0,
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], resources: { limits: { cpu: '100m' } } }] } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      },
      status: {},
    });
  });

  it('flattens inline embeds and base64-encodes bytes', () => {
    const pod = msg(2, msg(1, [...str(1, 'data'), ...msg(2, msg(19, msg(1, str(1, 'cfg'))))]));
    expect(decodeKubernetesProtobuf(envelope('v1', 'Pod', pod)).spec).toEqual({ volumes: [{ name: 'data', configMap: { name: 'cfg' } }] });
    const secret = msg(2, [...str(1, 'k'), ...str(2, 'hi')]);
    expect(decodeKubernetesProtobuf(envelope('v1', 'Secret', secret)).data).toEqual({ k: 'aGk=' });
  });

  it('formats durations as Go does', () => {
    expect(goDurationString(0n)).toBe('0s');
    expect(goDurationString(1500000000n)).toBe('1.5s');
    expect(goDurationString(3600000000000n)).toBe('1h0m0s');
    expect(goDurationString(2000000n)).toBe('2ms');
  });

  it('rejects bodies without the envelope', () => {
    expect(() => decodeKubernetesProtobuf(new Uint8Array([1, 2, 3, 4]))).toThrow(/expected prefix/);
  });
});

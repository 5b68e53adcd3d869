import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointSubset } from '../../api';
import { MAX_CAPACITY, repackSubsets, truncateEndpoints } from './repack';

const addr = (ip: string, uid = ip): EndpointAddress => ({ ip, targetRef: { kind: 'Pod', name: `p-${ip}`, uid } });
const http = { name: 'http', port: 80, protocol: 'TCP' };
const https = { name: 'https', port: 443, protocol: 'TCP' };

describe('repackSubsets', () => {
  const cases: { name: string; in: EndpointSubset[]; out: EndpointSubset[] }[] = [
    { name: 'one address per subset are merged and sorted by IP',
      in: [{ addresses: [addr('10.244.0.9')], ports: [http] }, { addresses: [addr('10.244.0.10')], ports: [http] }],
      out: [{ addresses: [addr('10.244.0.10'), addr('10.244.0.9')], ports: [http] }] },
    { name: 'ready and not ready addresses share a subset',
      in: [{ addresses: [addr('10.244.0.3')], ports: [http] }, { notReadyAddresses: [addr('10.244.0.4')], ports: [http] }],
      out: [{ addresses: [addr('10.244.0.3')], notReadyAddresses: [addr('10.244.0.4')], ports: [http] }] },
    { name: 'addresses offering the same ports group their ports',
      in: [{ addresses: [addr('10.244.0.3')], ports: [https] }, { addresses: [addr('10.244.0.3')], ports: [http] }],
      out: [{ addresses: [addr('10.244.0.3')], ports: [http, https] }] },
    { name: 'different port sets make different subsets',
      in: [{ addresses: [addr('10.244.0.3')], ports: [http] }, { addresses: [addr('10.244.0.4')], ports: [https] }],
      out: [{ addresses: [addr('10.244.0.3')], ports: [http] }, { addresses: [addr('10.244.0.4')], ports: [https] }] },
    { name: 'not ready trumps ready for the same address and port',
      in: [{ addresses: [addr('10.244.0.3')], ports: [http] }, { notReadyAddresses: [addr('10.244.0.3')], ports: [http] }],
      out: [{ notReadyAddresses: [addr('10.244.0.3')], ports: [http] }] },
  ];
  for (const c of cases) it(c.name, () => expect(repackSubsets(c.in)).toEqual(c.out));
});

describe('truncateEndpoints', () => {
  const many = (n: number, base: number) => Array.from({ length: n }, (_, i) => addr(`10.${base}.${i >> 8}.${i & 255}`));
  it('keeps everything at capacity', () => {
    const r = truncateEndpoints([{ addresses: many(MAX_CAPACITY, 1), ports: [http] }]);
    expect(r.truncated).toBe(false);
  });
  it('drops not ready addresses first', () => {
    const r = truncateEndpoints([{ addresses: many(900, 1), notReadyAddresses: many(300, 2), ports: [http] }]);
    expect(r.truncated).toBe(true);
    expect(r.subsets[0].addresses).toHaveLength(900);
    expect(r.subsets[0].notReadyAddresses).toHaveLength(100);
  });
  it('truncates ready addresses proportionally when they alone are too many', () => {
    const r = truncateEndpoints([{ addresses: many(1200, 1), ports: [http] }, { addresses: many(300, 2), notReadyAddresses: many(5, 3), ports: [https] }]);
    expect(r.subsets[0].addresses).toHaveLength(800);
    expect(r.subsets[1].addresses).toHaveLength(200);
    expect(r.subsets[1].notReadyAddresses).toBeUndefined();
  });
});

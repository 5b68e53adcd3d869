import { describe, expect, it } from 'vitest';
import type { Service, ServicePort } from '../../api/types';
import { expand, mappingFuncFor } from './expansion';
import { formatMap } from './fieldpath';
import { fromServices, makeEnvVariableName, serviceEnvVarMap } from './service-env';

describe('expansion', () => {
  const m = mappingFuncFor(new Map([['A', 'x'], ['B', 'y']]));
  it.each([
    { name: 'reference', in: '$(A)', want: 'x' },
    { name: 'two references', in: '$(A)-$(B)', want: 'x-y' },
    { name: 'escaped', in: '$$(A)', want: '$(A)' },
    { name: 'unknown kept', in: '$(C)', want: '$(C)' },
    { name: 'unterminated', in: '$(A', want: '$(A' },
    { name: 'lone dollar', in: 'cost: $5', want: 'cost: $5' },
    { name: 'trailing dollar', in: 'a$', want: 'a$' },
    { name: 'double dollar alone', in: '$$', want: '$' },
  ])('$name', ({ in: input, want }) => {
    expect(expand(input, m)).toBe(want);
  });
});

describe('service links', () => {
  const svc = (name: string, ip: string, ports: ServicePort[]): Service =>
    ({ metadata: { name, namespace: 'default' }, spec: { clusterIP: ip, ports } });

  it('names variables as upstream', () => {
    expect(makeEnvVariableName('my-svc')).toBe('MY_SVC');
    expect(fromServices([svc('redis-master', '10.0.0.11', [{ port: 6379, protocol: 'TCP' }])])).toEqual([
      ['REDIS_MASTER_SERVICE_HOST', '10.0.0.11'], ['REDIS_MASTER_SERVICE_PORT', '6379'],
      ['REDIS_MASTER_PORT', 'tcp://10.0.0.11:6379'], ['REDIS_MASTER_PORT_6379_TCP', 'tcp://10.0.0.11:6379'],
      ['REDIS_MASTER_PORT_6379_TCP_PROTO', 'tcp'], ['REDIS_MASTER_PORT_6379_TCP_PORT', '6379'], ['REDIS_MASTER_PORT_6379_TCP_ADDR', '10.0.0.11'],
    ]);
  });

  it('skips headless services and always adds the kubernetes service', () => {
    const kube = svc('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);
    const headless = svc('db', 'None', [{ port: 5432 }]);
    const m = serviceEnvVarMap('shop', false, [headless], [kube]);
    expect(m.get('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.1');
    expect(m.get('KUBERNETES_SERVICE_PORT_HTTPS')).toBe('443');
    expect([...m.keys()].some((k) => k.startsWith('DB_'))).toBe(false);
  });

  it('formats label maps for the downward API', () => {
    expect(formatMap({ tier: 'fe', app: 'web' })).toBe('app="web"\ntier="fe"');
  });
});

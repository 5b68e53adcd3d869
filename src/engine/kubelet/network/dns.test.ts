import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { etcHostsFor, podHostname, resolvConfFor } from './dns';

const pod = (spec: Partial<NonNullable<Pod['spec']>> = {}, ns = 'default'): Pod =>
  ({ metadata: { name: 'web-0', namespace: ns }, spec: { containers: [], ...spec } });

describe('resolv.conf', () => {
  it.each([
    { name: 'ClusterFirst', pod: pod({}, 'shop'),
      want: 'nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' },
    { name: 'ClusterFirst on the host network falls back to Default', pod: pod({ hostNetwork: true }), want: 'nameserver 192.168.49.1\n' },
    { name: 'ClusterFirstWithHostNet', pod: pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
      want: 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' },
    { name: 'Default', pod: pod({ dnsPolicy: 'Default' }), want: 'nameserver 192.168.49.1\n' },
    { name: 'None with dnsConfig', pod: pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example'],
      options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }),
      want: 'nameserver 1.2.3.4\nsearch ns1.svc.cluster-domain.example\noptions ndots:2 edns0\n' },
    { name: 'dnsConfig overrides an option', pod: pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }] } }),
      want: 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:1\n' },
  ])('$name', ({ pod: p, want }) => {
    expect(resolvConfFor(p)).toBe(want);
  });
});

describe('/etc/hosts', () => {
  const header = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
    + 'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  it('names the pod by its hostname, with the subdomain when set, then host aliases', () => {
    expect(etcHostsFor(pod(), ['10.244.0.5'])).toBe(`${header}10.244.0.5\tweb-0\n`);
    expect(etcHostsFor(pod({ hostname: 'web-0', subdomain: 'nginx' }), ['10.244.0.5']))
      .toBe(`${header}10.244.0.5\tweb-0.nginx.default.svc.cluster.local\tweb-0\n`);
    expect(etcHostsFor(pod({ hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }] }), ['10.244.0.5']))
      .toBe(`${header}10.244.0.5\tweb-0\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n`);
    expect(etcHostsFor(pod({ hostNetwork: true }), ['192.168.49.2'])).toBeUndefined();
    expect(podHostname(pod({ hostname: 'custom' }))).toBe('custom');
  });
});

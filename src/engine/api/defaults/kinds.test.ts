import { describe, expect, it } from 'vitest';
import { applyDefaults } from './index';
import { resourceFor } from '../kinds';
import type { KubeObject } from '../types';

/** Defaults obj as the resource group/plural names it and returns it. */
function def(group: string, resource: string, obj: Record<string, unknown>): Record<string, any> {
  const o = { metadata: { name: 'x' }, ...obj } as KubeObject;
  applyDefaults(o, resourceFor(group, resource)!);
  return o as Record<string, any>;
}

const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };

describe('Service', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: Record<string, unknown> }[] = [
    { name: 'targetPort defaults to port, protocol TCP', spec: { ports: [{ port: 8080 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] },
      want: { ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }],
        sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' } },
    { name: 'NodePort gets externalTrafficPolicy Cluster', spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 0 }] },
      want: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'NodePort',
        externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' } },
    { name: 'LoadBalancer also allocates node ports', spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
      want: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true } },
    { name: 'ExternalName gets no traffic policies', spec: { type: 'ExternalName', externalName: 'example.com' },
      want: { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' } },
    { name: 'ClientIP affinity gets a 3h timeout', spec: { sessionAffinity: 'ClientIP' },
      want: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } }, type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster' } },
    { name: 'None affinity drops a stray config', spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } },
      want: { sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' } },
    { name: 'ClusterIP with externalIPs is externally accessible', spec: { externalIPs: ['1.2.3.4'] },
      want: { externalIPs: ['1.2.3.4'], sessionAffinity: 'None', type: 'ClusterIP', externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster' } },
  ];
  for (const c of cases) it(c.name, () => expect(def('', 'services', { spec: c.spec }).spec).toEqual(c.want));

  it('a load balancer ingress IP gets ipMode VIP', () => {
    const svc = def('', 'services', { spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }, { hostname: 'lb' }] } } });
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '10.0.0.1', ipMode: 'VIP' }, { hostname: 'lb' }]);
  });
});

describe('workloads', () => {
  it('ReplicaSet: replicas 1, template defaults, status replicas 0', () => {
    const rs = def('apps', 'replicasets', { spec: { selector: { matchLabels: { app: 'a' } }, template } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.template.spec.restartPolicy).toBe('Always');
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('DaemonSet: RollingUpdate maxUnavailable 1, maxSurge 0, revisionHistoryLimit 10', () => {
    const ds = def('apps', 'daemonsets', { spec: { selector: { matchLabels: { app: 'a' } }, template } });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
  });

  it('Deployment: Recreate gets no rollingUpdate; a partial rollingUpdate is completed', () => {
    expect(def('apps', 'deployments', { spec: { strategy: { type: 'Recreate' }, template } }).spec.strategy).toEqual({ type: 'Recreate' });
    expect(def('apps', 'deployments', { spec: { strategy: { rollingUpdate: { maxSurge: 1 } }, template } }).spec.strategy)
      .toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } });
  });

  it('StatefulSet: an explicit RollingUpdate without a block gets no partition; OnDelete gets none', () => {
    expect(def('apps', 'statefulsets', { spec: { updateStrategy: { type: 'RollingUpdate' }, template } }).spec.updateStrategy)
      .toEqual({ type: 'RollingUpdate' });
    expect(def('apps', 'statefulsets', { spec: { updateStrategy: { type: 'OnDelete' }, template } }).spec.updateStrategy)
      .toEqual({ type: 'OnDelete' });
  });

  it('Job: completions/parallelism 1, backoffLimit 6, NonIndexed, not suspended, TerminatingOrFailed, manualSelector false', () => {
    const job = def('batch', 'jobs', { spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } } } });
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false });
    expect(job.metadata.labels).toEqual({ app: 'a' });
    expect(job.status).toEqual({});
  });

  it('Job: parallelism alone leaves completions unset; a pod failure policy means Failed; per-index backoff means MaxInt32', () => {
    const job = def('batch', 'jobs', { spec: { parallelism: 3, backoffLimitPerIndex: 1, completionMode: 'Indexed',
      podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template } });
    expect(job.spec.completions).toBeUndefined();
    expect(job.spec.backoffLimit).toBe(2147483647);
    expect(job.spec.podReplacementPolicy).toBe('Failed');
    expect(job.spec.podFailurePolicy.rules[0].onPodConditions[0]).toEqual({ type: 'DisruptionTarget', status: 'True' });
  });

  it('ReplicationController: selector and labels from the template, replicas 1', () => {
    const rc = def('', 'replicationcontrollers', { spec: { template } });
    expect(rc.spec.selector).toEqual({ app: 'a' });
    expect(rc.metadata.labels).toEqual({ app: 'a' });
    expect(rc.spec.replicas).toBe(1);
    expect(rc.spec.template.metadata.creationTimestamp).toBeNull();
  });
});

describe('core kinds', () => {
  it('Secret: type Opaque; stringData is folded into data as base64 and dropped', () => {
    const s = def('', 'secrets', { data: { a: 'eA==' }, stringData: { a: 'überschrieben', b: 'hello' } });
    expect(s).toMatchObject({ type: 'Opaque', data: { a: 'w7xiZXJzY2hyaWViZW4=', b: 'aGVsbG8=' } });
    expect(s.stringData).toBeUndefined();
  });

  it('Namespace: the kubernetes.io/metadata.name label and phase Active', () => {
    const ns = def('', 'namespaces', { metadata: { name: 'shop', labels: { team: 'a', 'kubernetes.io/metadata.name': 'wrong' } } });
    expect(ns.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.spec).toEqual({}); // NamespaceSpec is a struct: always encoded
    expect(def('', 'namespaces', { metadata: { generateName: 'tmp-' } }).metadata.labels).toBeUndefined();
  });

  it('PersistentVolume: Retain, Filesystem, phase Pending, hostPath type ""', () => {
    const pv = def('', 'persistentvolumes', { spec: { capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt' } } });
    expect(pv.spec).toEqual({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt', type: '' },
      persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(pv.status).toEqual({ phase: 'Pending' });
  });

  it('Node: allocatable copies capacity', () => {
    const node = def('', 'nodes', { status: { capacity: { cpu: '2', memory: '4015876Ki', pods: '110' } } });
    expect(node.status.allocatable).toEqual({ cpu: '2', memory: '4015876Ki', pods: '110' });
    expect(def('', 'nodes', { spec: { podCIDR: '10.244.0.0/24' } }).spec.podCIDRs).toEqual(['10.244.0.0/24']);
  });

  it('LimitRange: default from max, defaultRequest from default then min', () => {
    const lr = def('', 'limitranges', { spec: { limits: [
      { type: 'Container', max: { cpu: '1', memory: '1Gi' }, min: { cpu: '100m', 'ephemeral-storage': '1Gi' }, default: { memory: '512Mi' } },
      { type: 'Pod', max: { cpu: '2' } },
    ] } });
    expect(lr.spec.limits[0]).toEqual({ type: 'Container', max: { cpu: '1', memory: '1Gi' }, min: { cpu: '100m', 'ephemeral-storage': '1Gi' },
      default: { memory: '512Mi', cpu: '1' }, defaultRequest: { memory: '512Mi', cpu: '1', 'ephemeral-storage': '1Gi' } });
    expect(lr.spec.limits[1]).toEqual({ type: 'Pod', max: { cpu: '2' } });
  });

  it('Endpoints ports get TCP; Event gets its encoded zero fields', () => {
    expect(def('', 'endpoints', { subsets: [{ ports: [{ port: 80 }] }] }).subsets[0].ports[0]).toEqual({ port: 80, protocol: 'TCP' });
    const ev = def('', 'events', { involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Scheduled' });
    expect(ev).toMatchObject({ eventTime: null, firstTimestamp: null, lastTimestamp: null, source: {}, reportingComponent: '', reportingInstance: '' });
  });

  it('Pod status: podIP and podIPs mirror each other', () => {
    expect(def('', 'pods', { spec: { containers: [] }, status: { podIP: '10.244.0.5' } }).status.podIPs).toEqual([{ ip: '10.244.0.5' }]);
    expect(def('', 'pods', { spec: { containers: [] }, status: { podIPs: [{ ip: '10.244.0.6' }] } }).status.podIP).toBe('10.244.0.6');
  });
});

describe('other groups', () => {
  it('StorageClass: Delete and Immediate', () => {
    expect(def('storage.k8s.io', 'storageclasses', { provisioner: 'k8s.io/minikube-hostpath' }))
      .toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('CSIDriver: attachRequired true and the v1.32 gate defaults', () => {
    expect(def('storage.k8s.io', 'csidrivers', {}).spec).toEqual({ attachRequired: true, podInfoOnMount: false, storageCapacity: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType', volumeLifecycleModes: ['Persistent'], requiresRepublish: false, seLinuxMount: false });
  });

  it('IngressClass: parameters scope Cluster; no parameters, no change', () => {
    expect(def('networking.k8s.io', 'ingressclasses', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Cfg', name: 'c' } } })
      .spec.parameters).toEqual({ kind: 'Cfg', name: 'c', scope: 'Cluster' });
    expect(def('networking.k8s.io', 'ingressclasses', { spec: { controller: 'k8s.io/ingress-nginx' } }).spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
  });

  it('NetworkPolicy: policyTypes from the rules present; ports TCP', () => {
    expect(def('networking.k8s.io', 'networkpolicies', { spec: { podSelector: {} } }).spec.policyTypes).toEqual(['Ingress']);
    const np = def('networking.k8s.io', 'networkpolicies', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.egress[0].ports[0]).toEqual({ port: 53, protocol: 'TCP' });
  });

  it('EndpointSlice: port name "" and protocol TCP', () => {
    expect(def('discovery.k8s.io', 'endpointslices', { addressType: 'IPv4', ports: [{ port: 80 }] }).ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });

  it('RoleBinding: roleRef and User/Group subjects get the rbac group; ServiceAccount stays core', () => {
    const rb = def('rbac.authorization.k8s.io', 'rolebindings', { roleRef: { kind: 'Role', name: 'r' },
      subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'default', namespace: 'default' }] });
    expect(rb.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb.subjects[0].apiGroup).toBe('rbac.authorization.k8s.io');
    expect(rb.subjects[1].apiGroup).toBeUndefined();
  });

  it('PriorityClass: PreemptLowerPriority', () => {
    expect(def('scheduling.k8s.io', 'priorityclasses', { value: 1000 }).preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('HorizontalPodAutoscaler: minReplicas 1, CPU 80% by default, behavior filled in once given', () => {
    const hpa = def('autoscaling', 'horizontalpodautoscalers', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5,
      behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.status).toEqual({ desiredReplicas: 0, currentMetrics: null }); // neither has omitempty
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(hpa.spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });
});

describe('applyDefaults boundaries', () => {
  it('leaves a body of another kind alone (a Binding posted to pods/binding)', () => {
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'minikube' } };
    const copy = structuredClone(binding);
    applyDefaults(binding, resourceFor('', 'pods')!);
    expect(binding).toEqual(copy);
  });

  it('kinds without defaults pass through unchanged', () => {
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'minikube' }, spec: { holderIdentity: 'minikube' } };
    const copy = structuredClone(lease);
    applyDefaults(lease, resourceFor('coordination.k8s.io', 'leases')!);
    expect(lease).toEqual(copy);
  });

});

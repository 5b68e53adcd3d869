// minikube v1.35.0's ingress addon (deploy/addons/ingress/ingress-deploy.yaml.tmpl rendered for
// Kubernetes v1.32, IngressAPIVersion v1, the docker runtime), as `minikube addons enable ingress`
// applies it. Generated from the template; the ValidatingWebhookConfiguration is left out (the
// simulated API server has no admissionregistration.k8s.io and calls no webhooks).
import type { KubeObject } from '../../api';

/** The addon's objects, in the manifest's order. */
export const INGRESS_ADDON_MANIFEST: readonly KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      name: 'ingress-nginx',
    },
  },
  {
    apiVersion: 'v1',
    automountServiceAccountToken: true,
    kind: 'ServiceAccount',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission',
      namespace: 'ingress-nginx',
    },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
    },
    rules: [
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps', 'pods', 'secrets', 'endpoints'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resourceNames: ['ingress-nginx-leader'], resources: ['configmaps'], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
      {
        apiGroups: ['coordination.k8s.io'],
        resourceNames: ['ingress-nginx-leader'],
        resources: ['leases'],
        verbs: ['get', 'update'],
      },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission',
      namespace: 'ingress-nginx',
    },
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'create'] }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      name: 'ingress-nginx',
    },
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'],
        verbs: ['list', 'watch'],
      },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
      { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission',
    },
    rules: [
      { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], verbs: ['get', 'update'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'ingress-nginx' },
    subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace: 'ingress-nginx' }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission',
      namespace: 'ingress-nginx',
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'ingress-nginx-admission' },
    subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx-admission', namespace: 'ingress-nginx' }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      name: 'ingress-nginx',
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ingress-nginx' },
    subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace: 'ingress-nginx' }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission',
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ingress-nginx-admission' },
    subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx-admission', namespace: 'ingress-nginx' }],
  },
  {
    apiVersion: 'v1',
    data: { hsts: 'false' },
    kind: 'ConfigMap',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'tcp-services',
      namespace: 'ingress-nginx',
      labels: {
        'app.kubernetes.io/name': 'ingress-nginx',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/component': 'controller',
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'udp-services',
      namespace: 'ingress-nginx',
      labels: {
        'app.kubernetes.io/name': 'ingress-nginx',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/component': 'controller',
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
    },
    spec: {
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
        { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
      ],
      selector: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      type: 'NodePort',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-controller-admission',
      namespace: 'ingress-nginx',
    },
    spec: {
      ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }],
      selector: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      type: 'ClusterIP',
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
    },
    spec: {
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      selector: {
        matchLabels: {
          'app.kubernetes.io/component': 'controller',
          'app.kubernetes.io/instance': 'ingress-nginx',
          'app.kubernetes.io/name': 'ingress-nginx',
        },
      },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: {
          labels: {
            'app.kubernetes.io/component': 'controller',
            'app.kubernetes.io/instance': 'ingress-nginx',
            'app.kubernetes.io/name': 'ingress-nginx',
            'gcp-auth-skip-secret': 'true',
          },
        },
        spec: {
          containers: [
            {
              args: [
                '/nginx-ingress-controller',
                '--election-id=ingress-nginx-leader',
                '--controller-class=k8s.io/ingress-nginx',
                '--watch-ingress-without-class=true',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
                '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
              ],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7',
              imagePullPolicy: 'IfNotPresent',
              lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
              livenessProbe: {
                failureThreshold: 5,
                httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
                initialDelaySeconds: 10,
                periodSeconds: 10,
                successThreshold: 1,
                timeoutSeconds: 1,
              },
              name: 'controller',
              ports: [
                { containerPort: 80, hostPort: 80, name: 'http', protocol: 'TCP' },
                { containerPort: 443, hostPort: 443, name: 'https', protocol: 'TCP' },
                { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
              ],
              readinessProbe: {
                failureThreshold: 3,
                httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
                initialDelaySeconds: 10,
                periodSeconds: 10,
                successThreshold: 1,
                timeoutSeconds: 1,
              },
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
              securityContext: {
                allowPrivilegeEscalation: true,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                runAsUser: 101,
              },
              volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'minikube.k8s.io/primary': 'true', 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 0,
          tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' }],
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission-create',
      namespace: 'ingress-nginx',
    },
    spec: {
      template: {
        metadata: {
          labels: {
            'app.kubernetes.io/component': 'admission-webhook',
            'app.kubernetes.io/instance': 'ingress-nginx',
            'app.kubernetes.io/name': 'ingress-nginx',
          },
          name: 'ingress-nginx-admission-create',
        },
        spec: {
          containers: [
            {
              args: [
                'create',
                '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc',
                '--namespace=$(POD_NAMESPACE)',
                '--secret-name=ingress-nginx-admission',
              ],
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              image: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4@sha256:a9f03b34a3cbfbb26d103a14046ab2c5130a80c3d69d526ff8063d2b37b9fd3f',
              imagePullPolicy: 'IfNotPresent',
              name: 'create',
              securityContext: { allowPrivilegeEscalation: false },
            },
          ],
          nodeSelector: { 'minikube.k8s.io/primary': 'true', 'kubernetes.io/os': 'linux' },
          restartPolicy: 'OnFailure',
          securityContext: { runAsNonRoot: true, runAsUser: 2000 },
          serviceAccountName: 'ingress-nginx-admission',
        },
      },
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      labels: {
        'app.kubernetes.io/component': 'admission-webhook',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'ingress-nginx-admission-patch',
      namespace: 'ingress-nginx',
    },
    spec: {
      template: {
        metadata: {
          labels: {
            'app.kubernetes.io/component': 'admission-webhook',
            'app.kubernetes.io/instance': 'ingress-nginx',
            'app.kubernetes.io/name': 'ingress-nginx',
          },
          name: 'ingress-nginx-admission-patch',
        },
        spec: {
          containers: [
            {
              args: [
                'patch',
                '--webhook-name=ingress-nginx-admission',
                '--namespace=$(POD_NAMESPACE)',
                '--patch-mutating=false',
                '--secret-name=ingress-nginx-admission',
                '--patch-failure-policy=Fail',
              ],
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              image: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4@sha256:a9f03b34a3cbfbb26d103a14046ab2c5130a80c3d69d526ff8063d2b37b9fd3f',
              imagePullPolicy: 'IfNotPresent',
              name: 'patch',
              securityContext: { allowPrivilegeEscalation: false },
            },
          ],
          nodeSelector: { 'minikube.k8s.io/primary': 'true', 'kubernetes.io/os': 'linux' },
          restartPolicy: 'OnFailure',
          securityContext: { runAsNonRoot: true, runAsUser: 2000 },
          serviceAccountName: 'ingress-nginx-admission',
        },
      },
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      labels: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      name: 'nginx',
    },
    spec: { controller: 'k8s.io/ingress-nginx' },
  },] as KubeObject[];

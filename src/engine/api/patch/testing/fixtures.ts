// Hand-built PatchMeta trees for Pod, Deployment and Service, for tests of patching and managed
// fields. Their patch strategies, merge keys, list types and map types copy the Kubernetes v1.32 Go
// tags (k8s.io/api core/v1 and apps/v1 types.go, metav1 ObjectMeta and LabelSelector); fields the
// tests do not need are left out.
import { type PatchMeta, S, keyedList, list, map, obj } from '../patch-meta';

const strings = map(S);
const atomicList = list(S, { listType: 'atomic' });

/** metav1.LabelSelector: +structType=atomic */
export const labelSelector: PatchMeta = obj({
  matchLabels: strings,
  matchExpressions: list(obj({ key: S, operator: S, values: atomicList }), { listType: 'atomic' }),
}, { mapType: 'atomic' });

/** metav1.ObjectMeta */
export const objectMeta: PatchMeta = obj({
  name: S, generateName: S, namespace: S, uid: S, resourceVersion: S, generation: S, creationTimestamp: S,
  deletionTimestamp: S, deletionGracePeriodSeconds: S, labels: strings, annotations: strings,
  ownerReferences: keyedList(obj({ apiVersion: S, kind: S, name: S, uid: S, controller: S, blockOwnerDeletion: S }), 'uid'),
  finalizers: list(S, { strategy: 'merge', listType: 'set' }),
  managedFields: list(obj({ manager: S, operation: S, apiVersion: S, time: S, fieldsType: S, fieldsV1: S, subresource: S }),
    { listType: 'atomic' }),
});

const envVar = obj({
  name: S, value: S,
  valueFrom: obj({
    fieldRef: obj({ apiVersion: S, fieldPath: S }, { mapType: 'atomic' }),
    configMapKeyRef: obj({ name: S, key: S, optional: S }, { mapType: 'atomic' }),
    secretKeyRef: obj({ name: S, key: S, optional: S }, { mapType: 'atomic' }),
  }),
});

const probe = obj({
  exec: obj({ command: atomicList }),
  httpGet: obj({ path: S, port: S, host: S, scheme: S }),
  tcpSocket: obj({ port: S, host: S }),
  initialDelaySeconds: S, timeoutSeconds: S, periodSeconds: S, successThreshold: S, failureThreshold: S,
});

/** core/v1 Container */
export const container: PatchMeta = obj({
  name: S, image: S, command: atomicList, args: atomicList, workingDir: S,
  ports: keyedList(obj({ name: S, hostPort: S, containerPort: S, protocol: S, hostIP: S }), 'containerPort', ['containerPort', 'protocol']),
  envFrom: list(obj({ prefix: S, configMapRef: obj({ name: S }), secretRef: obj({ name: S }) }), { listType: 'atomic' }),
  env: keyedList(envVar, 'name'),
  resources: obj({ limits: strings, requests: strings, claims: list(obj({ name: S }), { listType: 'map', keys: ['name'] }) }),
  volumeMounts: keyedList(obj({ name: S, readOnly: S, mountPath: S, subPath: S }), 'mountPath'),
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  terminationMessagePath: S, terminationMessagePolicy: S, imagePullPolicy: S,
  securityContext: obj({ privileged: S, runAsUser: S, runAsNonRoot: S, readOnlyRootFilesystem: S,
    capabilities: obj({ add: atomicList, drop: atomicList }) }),
  stdin: S, tty: S,
});

/** core/v1 Volume (a few sources) */
export const volume: PatchMeta = obj({
  name: S,
  emptyDir: obj({ medium: S, sizeLimit: S }),
  hostPath: obj({ path: S, type: S }),
  configMap: obj({ name: S, items: atomicList, defaultMode: S, optional: S }),
  secret: obj({ secretName: S, items: atomicList, defaultMode: S, optional: S }),
  persistentVolumeClaim: obj({ claimName: S, readOnly: S }),
});

/** core/v1 PodSpec */
export const podSpec: PatchMeta = obj({
  volumes: keyedList(volume, 'name', ['name'], 'merge,retainKeys'),
  initContainers: keyedList(container, 'name'),
  containers: keyedList(container, 'name'),
  restartPolicy: S, terminationGracePeriodSeconds: S, activeDeadlineSeconds: S, dnsPolicy: S,
  nodeSelector: map(S, { mapType: 'atomic' }),
  serviceAccountName: S, serviceAccount: S, automountServiceAccountToken: S, nodeName: S, hostNetwork: S,
  securityContext: obj({ runAsUser: S, runAsGroup: S, fsGroup: S, runAsNonRoot: S }),
  imagePullSecrets: keyedList(obj({ name: S }), 'name'),
  hostname: S, subdomain: S, affinity: obj({ nodeAffinity: obj({}), podAffinity: obj({}), podAntiAffinity: obj({}) }),
  schedulerName: S,
  tolerations: list(obj({ key: S, operator: S, value: S, effect: S, tolerationSeconds: S }), { listType: 'atomic' }),
  hostAliases: keyedList(obj({ ip: S, hostnames: atomicList }), 'ip'),
  priorityClassName: S, priority: S, enableServiceLinks: S, preemptionPolicy: S,
});

const podCondition = obj({ type: S, status: S, lastProbeTime: S, lastTransitionTime: S, reason: S, message: S });

/** core/v1 PodTemplateSpec */
export const podTemplateSpec: PatchMeta = obj({ metadata: objectMeta, spec: podSpec });

/** core/v1 Pod */
export const pod: PatchMeta = obj({
  apiVersion: S, kind: S, metadata: objectMeta, spec: podSpec,
  status: obj({
    phase: S, conditions: keyedList(podCondition, 'type'), message: S, reason: S, hostIP: S, podIP: S,
    podIPs: keyedList(obj({ ip: S }), 'ip'), startTime: S, qosClass: S,
    containerStatuses: list(obj({ name: S, ready: S, restartCount: S, image: S, imageID: S, containerID: S, started: S,
      state: obj({}), lastState: obj({}) }), { listType: 'atomic' }),
  }),
});

const deploymentCondition = obj({ type: S, status: S, lastUpdateTime: S, lastTransitionTime: S, reason: S, message: S });

/** apps/v1 Deployment */
export const deployment: PatchMeta = obj({
  apiVersion: S, kind: S, metadata: objectMeta,
  spec: obj({
    replicas: S, selector: labelSelector, template: podTemplateSpec,
    strategy: obj({ type: S, rollingUpdate: obj({ maxUnavailable: S, maxSurge: S }) }, { strategy: 'retainKeys' }),
    minReadySeconds: S, revisionHistoryLimit: S, paused: S, progressDeadlineSeconds: S,
  }),
  status: obj({
    observedGeneration: S, replicas: S, updatedReplicas: S, readyReplicas: S, availableReplicas: S, unavailableReplicas: S,
    conditions: keyedList(deploymentCondition, 'type'), collisionCount: S,
  }),
});

/** core/v1 Service */
export const service: PatchMeta = obj({
  apiVersion: S, kind: S, metadata: objectMeta,
  spec: obj({
    ports: keyedList(obj({ name: S, protocol: S, appProtocol: S, port: S, targetPort: S, nodePort: S }), 'port', ['port', 'protocol']),
    selector: map(S, { mapType: 'atomic' }),
    clusterIP: S, clusterIPs: atomicList, type: S, externalIPs: atomicList, sessionAffinity: S, loadBalancerIP: S,
    externalName: S, externalTrafficPolicy: S, internalTrafficPolicy: S, ipFamilies: atomicList, ipFamilyPolicy: S,
  }),
  status: obj({
    loadBalancer: obj({ ingress: list(obj({ ip: S, hostname: S }), { listType: 'atomic' }) }),
    conditions: keyedList(obj({ type: S, status: S, reason: S, message: S, lastTransitionTime: S, observedGeneration: S }), 'type'),
  }),
});

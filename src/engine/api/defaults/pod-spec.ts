// PodSpec, Container and Pod defaults.
// Models pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container,
// SetDefaults_Probe, SetDefaults_HTTPGetAction) in the order pkg/apis/core/v1/zz_generated.defaults.go
// (SetObjectDefaults_Pod, SetObjectDefaults_PodTemplate) runs them.
import { type Obj, child, isObj, objAt, objects, defaultPtr, defaultString, defaultInt, defaultResourceList } from './util';
import { defaultPullPolicy } from './image';
import { defaultFieldRef, defaultVolumes } from './volumes';

/** v1.TerminationMessagePathDefault. */
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';
/** v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** v1.DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** SetDefaults_HTTPGetAction: path "/", scheme HTTP. */
function defaultHTTPGet(action: Obj | undefined): void {
  if (!action) return;
  defaultString(action, 'path', '/');
  defaultString(action, 'scheme', 'HTTP');
}

/** SetDefaults_Probe plus its handler: timeoutSeconds 1, periodSeconds 10, thresholds 1 and 3. */
function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  defaultInt(probe, 'timeoutSeconds', 1);
  defaultInt(probe, 'periodSeconds', 10);
  defaultInt(probe, 'successThreshold', 1);
  defaultInt(probe, 'failureThreshold', 3);
  defaultHTTPGet(objAt(probe, 'httpGet'));
  // `+default=""` on GRPCAction.service.
  const grpc = objAt(probe, 'grpc');
  if (grpc) defaultPtr(grpc, 'service', '');
}

/** Defaults one container, as the generated defaulter does for containers, init and ephemeral containers. */
export function defaultContainer(c: Obj): void {
  // SetDefaults_Container
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = defaultPullPolicy(c.image);
  }
  defaultString(c, 'terminationMessagePath', TERMINATION_MESSAGE_PATH_DEFAULT);
  defaultString(c, 'terminationMessagePolicy', 'File');
  // `+default="TCP"` on ContainerPort.protocol.
  for (const port of objects(c, 'ports')) defaultString(port, 'protocol', 'TCP');
  for (const env of objects(c, 'env')) defaultFieldRef(objAt(objAt(env, 'valueFrom'), 'fieldRef'));
  const resources = objAt(c, 'resources');
  defaultResourceList(resources, 'limits');
  defaultResourceList(resources, 'requests');
  defaultProbe(objAt(c, 'livenessProbe'));
  defaultProbe(objAt(c, 'readinessProbe'));
  defaultProbe(objAt(c, 'startupProbe'));
  const lifecycle = objAt(c, 'lifecycle');
  defaultHTTPGet(objAt(objAt(lifecycle, 'postStart'), 'httpGet'));
  defaultHTTPGet(objAt(objAt(lifecycle, 'preStop'), 'httpGet'));
}

/**
 * SetDefaults_PodSpec. Upstream keeps this list short on purpose (kubernetes#69445): a default here
 * materializes in every workload template, so new ones go to SetDefaults_Pod instead.
 */
function setDefaultsPodSpec(spec: Obj): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPtr(spec, 'securityContext', {});
  defaultPtr(spec, 'terminationGracePeriodSeconds', DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
  defaultString(spec, 'schedulerName', DEFAULT_SCHEDULER_NAME);
}

/**
 * Defaults a PodSpec the way SetObjectDefaults_PodTemplate does (and every workload template:
 * Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController).
 */
export function defaultPodSpec(spec: Obj | undefined): void {
  if (!spec) return;
  setDefaultsPodSpec(spec);
  defaultVolumes(spec);
  for (const list of CONTAINER_LISTS) for (const c of objects(spec, list)) defaultContainer(c);
  defaultResourceList(spec, 'overhead');
}

/**
 * Defaults a PodTemplateSpec ({metadata, spec}); the template's own metadata has no defaults. The spec
 * is a struct in Go, so a template whose spec is absent or null (`spec:` with only a comment under it)
 * still gets the PodSpec defaults and only its containers are reported missing.
 */
export function defaultPodTemplateSpec(template: Obj | undefined): void {
  if (!template) return;
  defaultPodSpec(child(template, 'spec'));
}

/** Requests default to limits for every resource that has a limit and no request. */
function requestsFromLimits(c: Obj): void {
  const resources = objAt(c, 'resources');
  const limits = objAt(resources, 'limits');
  if (!resources || !limits) return;
  const requests = isObj(resources.requests) ? resources.requests : (resources.requests = {});
  for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
}

/**
 * SetDefaults_Pod, then the PodSpec defaults. Only a Pod gets these (not templates): requests copied
 * from limits, enableServiceLinks true, and with hostNetwork every hostPort defaulted to its containerPort.
 */
export function defaultPod(pod: Obj): void {
  const spec = objAt(pod, 'spec');
  if (!spec) return;
  for (const c of objects(spec, 'containers')) requestsFromLimits(c);
  for (const c of objects(spec, 'initContainers')) requestsFromLimits(c);
  // PodLevelResources (pod-level spec.resources defaulting) is alpha and off in v1.32: nothing to do.
  defaultPtr(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) {
      for (const c of objects(spec, list)) {
        for (const port of objects(c, 'ports')) {
          if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) port.hostPort = port.containerPort;
        }
      }
    }
  }
  defaultPodSpec(spec);
}

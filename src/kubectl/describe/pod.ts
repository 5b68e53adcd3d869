// describe pod. Models k8s.io/kubectl/pkg/describe/describe.go PodDescriber.Describe (events by reference with
// the kind cleared, a mirror pod's events by its config UID, "Pod 'x': error …, but found events." when the
// pod is gone) and describePod.
import { StatusError } from '../../engine/api';
import type { DescribeClient } from './client';
import { describeContainers, describeTopologySpreadConstraints, describeResources, envValueRetriever, podQOS } from './containers';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline,
  rfc1123z, tabbedString, translateTimestampSince } from './writer';

type Obj = any;

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** printController: "Kind/name" of the controller owner, or "". */
export function printController(obj: Obj): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** PodDescriber.Describe. */
export async function describePodByName(c: DescribeClient, namespace: string, name: string): Promise<string> {
  let pod: Obj;
  try {
    pod = await c.get('', 'pods', namespace, name);
  } catch (err) {
    if (c.showEvents && err instanceof StatusError) {
      let events: Obj[] = [];
      try {
        events = await c.list('', 'events', namespace, { fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${namespace}` });
      } catch {
        events = [];
      }
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, "Pod '%v': error '%v', but found events.\n", name, err.message);
          describeEvents(events, w, c.now);
        });
      }
    }
    throw err;
  }
  let events: Obj[] | undefined;
  if (c.showEvents) {
    const mirror = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
    events = await c.events(pod, undefined, mirror);
  }
  return describePod(pod, events, c.now);
}

/** describePod. */
export function describePod(pod: Obj, events: Obj[] | undefined, now: number): string {
  return tabbedString((w) => {
    const m = pod.metadata ?? {};
    const spec = pod.spec ?? {};
    const st = pod.status ?? {};
    w.write(LEVEL_0, 'Name:\t%s\n', m.name ?? '');
    w.write(LEVEL_0, 'Namespace:\t%s\n', m.namespace ?? '');
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, 'Priority:\t%d\n', spec.priority);
    if (spec.priorityClassName) w.write(LEVEL_0, 'Priority Class Name:\t%s\n', spec.priorityClassName);
    if (spec.runtimeClassName) w.write(LEVEL_0, 'Runtime Class Name:\t%s\n', spec.runtimeClassName);
    if (spec.serviceAccountName) w.write(LEVEL_0, 'Service Account:\t%s\n', spec.serviceAccountName);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, 'Node:\t%s\n', `${spec.nodeName}/${st.hostIP ?? ''}`);
    if (st.startTime) w.write(LEVEL_0, 'Start Time:\t%s\n', rfc1123z(st.startTime));
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (m.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
      w.write(LEVEL_0, 'Status:\tTerminating (lasts %s)\n', translateTimestampSince(m.deletionTimestamp, now));
      w.write(LEVEL_0, 'Termination Grace Period:\t%ds\n', m.deletionGracePeriodSeconds ?? 0);
    } else w.write(LEVEL_0, 'Status:\t%s\n', st.phase ?? '');
    if (st.reason) w.write(LEVEL_0, 'Reason:\t%s\n', st.reason);
    if (st.message) w.write(LEVEL_0, 'Message:\t%s\n', st.message);
    const sp = spec.securityContext?.seccompProfile;
    if (sp) {
      w.write(LEVEL_0, 'SeccompProfile:\t%s\n', sp.type ?? '');
      if (sp.type === 'Localhost') w.write(LEVEL_0, 'LocalhostProfile:\t%s\n', sp.localhostProfile ?? '');
    }
    w.write(LEVEL_0, 'IP:\t%s\n', st.podIP ?? '');
    const ips = st.podIPs ?? [];
    if (ips.length === 0) w.write(LEVEL_0, '%sIPs:\t<none>\n', '');
    else {
      w.write(LEVEL_0, '%sIPs:\n', '');
      for (const ip of ips) w.write(LEVEL_1, 'IP:\t%s\n', ip.ip ?? '');
    }
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, 'Controlled By:\t%s\n', controlledBy);
    if (st.nominatedNodeName) w.write(LEVEL_0, 'NominatedNodeName:\t%s\n', st.nominatedNodeName);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if ((spec.initContainers ?? []).length) describeContainers('Init Containers', spec.initContainers, st.initContainerStatuses, resolver, w, '');
    describeContainers('Containers', spec.containers, st.containerStatuses, resolver, w, '');
    if ((spec.ephemeralContainers ?? []).length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, st.ephemeralContainerStatuses, resolver, w, '');
    if ((spec.readinessGates ?? []).length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = (st.conditions ?? []).find((x: Obj) => x.type === g.conditionType);
        w.write(LEVEL_1, '%v \t%v \n', g.conditionType ?? '', c ? c.status : '<none>');
      }
    }
    if ((st.conditions ?? []).length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of st.conditions) w.write(LEVEL_1, '%v \t%v \n', c.type ?? '', c.status ?? '');
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, 'QoS Class:\t%s\n', podQOS(pod));
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, now);
  });
}

// Each event in plain words: which component acted and why, from the event's reason, source and
// message (as v1.32's components word them), with what the mirror knows of the object's owner (a
// ReplicaSet's wanted replicas). "ReplicaSet controller: 2 of 3 pods exist, creating 1" makes the
// reconcile loop visible.
import type { KubeObject } from '../../../worker';

/** An Event as the timeline reads it (core/v1 with the events.k8s.io fields the API server fills). */
export interface EventLike extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
  series?: { count?: number; lastObservedTime?: string };
}

/** What the timeline says of an event. */
export interface EventExplanation {
  /** "ReplicaSet controller", "kubelet on minikube-m02", "Scheduler". */
  actor: string;
  /** The plain-words sentence (without the actor). */
  text: string;
}

/** Context the mirror gives: a ReplicaSet's (or other workload's) spec.replicas and current pods. */
export interface EventContext {
  /** spec.replicas of the involved workload ("default/ReplicaSet/web-5d8f"). */
  replicas(namespace: string, kind: string, name: string): number | undefined;
}

const ACTORS: Record<string, string> = {
  'replicaset-controller': 'ReplicaSet controller',
  'deployment-controller': 'Deployment controller',
  'statefulset-controller': 'StatefulSet controller',
  'daemonset-controller': 'DaemonSet controller',
  'job-controller': 'Job controller',
  'cronjob-controller': 'CronJob controller',
  'default-scheduler': 'Scheduler',
  'node-controller': 'Node lifecycle controller',
  'taint-eviction-controller': 'Taint eviction controller',
  'endpoint-controller': 'Endpoints controller',
  'endpoint-slice-controller': 'EndpointSlice controller',
  'persistentvolume-controller': 'PersistentVolume controller',
  'horizontal-pod-autoscaler': 'HorizontalPodAutoscaler',
  'nginx-ingress-controller': 'Ingress controller (nginx)',
  'kube-proxy': 'kube-proxy',
  'garbage-collector-controller': 'Garbage collector',
};

/** When an event happened (ms), from the newest of its timestamps. */
export function eventTime(e: EventLike): number {
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '') || 0;
}

/** The component that reported the event, in words. */
export function actorOf(e: EventLike): string {
  const c = e.source?.component || e.reportingComponent || '';
  if (c === 'kubelet') {
    const host = e.source?.host || e.reportingInstance;
    return host ? `kubelet on ${host}` : 'kubelet';
  }
  return ACTORS[c] ?? (c || 'unknown component');
}

const after = (message: string | undefined, prefix: RegExp) => (message ?? '').replace(prefix, '').trim();

/** Explains an event. */
export function explainEvent(e: EventLike, ctx?: EventContext): EventExplanation {
  const actor = actorOf(e);
  const obj = e.involvedObject ?? {};
  const msg = e.message ?? '';
  const ns = obj.namespace ?? 'default';
  const want = obj.kind && obj.name ? ctx?.replicas(ns, obj.kind, obj.name) : undefined;
  const wanted = want === undefined ? '' : ` the ${want} wanted`;
  const say = (text: string) => ({ actor, text });
  switch (e.reason) {
    case 'SuccessfulCreate': {
      const pod = after(msg, /^Created pod:\s*/).replace(/^create Pod (\S+) in .*$/, '$1');
      return say(want === undefined ? `created pod ${pod} to reach the wanted number of pods`
        : `fewer pods exist than${wanted}, so it created ${pod}`);
    }
    case 'SuccessfulDelete': {
      const pod = after(msg, /^Deleted pod:\s*/).replace(/^delete Pod (\S+) in .*$/, '$1');
      return say(want === undefined ? `deleted pod ${pod}` : `more pods exist than${wanted}, so it deleted ${pod}`);
    }
    case 'ScalingReplicaSet': {
      const m = /^Scaled (up|down) replica set (\S+) (?:from (\d+) )?to (\d+)/.exec(msg);
      if (!m) return say(msg);
      const why = m[1] === 'up' ? 'to bring up pods of the current template' : 'as pods of the new template become available or replicas drop';
      return say(`scaled ReplicaSet ${m[2]} ${m[1]}${m[3] ? ` from ${m[3]}` : ''} to ${m[4]}, ${why}`);
    }
    case 'Scheduled': {
      const m = /to (\S+)$/.exec(msg);
      return say(`placed the pod on ${m?.[1] ?? 'a node'}: it passed every filter there and scored best`);
    }
    case 'FailedScheduling': return say(`no node can take the pod yet — ${msg}`);
    case 'Pulling': return say(`pulling the image ${after(msg, /^Pulling image\s*/).replace(/^"|"$/g, '')}`);
    case 'Pulled': return say(/already present/.test(msg) ? 'the image is already on the node, no pull needed' : `image pulled (${msg.replace(/^Successfully pulled image\s*/, '')})`);
    case 'Created': return say(`created the container (${after(msg, /^Created container:?\s*/)})`);
    case 'Started': return say(`started the container (${after(msg, /^Started container:?\s*/)})`);
    case 'Killing': return say(`stopping the container (${after(msg, /^Stopping container\s*/)}): the pod is being deleted or restarted`);
    case 'BackOff': return say(`the container keeps failing, so it waits longer before each restart (${msg})`);
    case 'Unhealthy': return say(`a probe failed: ${msg}`);
    case 'Failed': return say(`could not run the container: ${msg}`);
    case 'NodeNotReady':
      return say(obj.kind === 'Node' ? 'the node stopped reporting (no heartbeat within the grace period): it is NotReady'
        : 'the pod\'s node stopped reporting, so the pod is marked not ready and leaves Service endpoints');
    case 'NodeReady': return say('the node reports Ready: pods can be scheduled on it');
    case 'TaintManagerEviction':
      return say(/Cancelling/.test(msg) ? 'the node came back before the toleration ran out: eviction cancelled'
        : 'the node stayed unreachable longer than the pod tolerates, so the pod is evicted (deleted); its controller replaces it');
    case 'RegisteredNode': return say('the node joined the cluster');
    case 'NodeNotSchedulable': return say('the node was cordoned: no new pods will be scheduled on it');
    case 'NodeSchedulable': return say('the node was uncordoned: pods can be scheduled on it again');
    case 'Starting': return say('the node\'s agent started');
    case 'SuccessfulRescale': return say(`changed the replica count — ${msg}`);
    case 'ProvisioningSucceeded': return say(`created a volume for the claim — ${msg}`);
    case 'Completed': return say('the job finished: all its pods succeeded');
    case 'SawCompletedJob': return say(`saw a job finish — ${msg}`);
    case 'SuccessfulCreateJob': return say(`it is time: created ${after(msg, /^Created job\s*/)}`);
    default: return say(msg || e.reason || '');
  }
}

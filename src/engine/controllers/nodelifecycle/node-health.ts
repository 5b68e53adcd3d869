// What the node lifecycle controller remembers of each node's heartbeats, and how it decides a
// node went silent. Models pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (nodeHealthData, tryUpdateNodeHealth, ComputeZoneState) and component-helpers GetZoneKey.
import type { Lease, Node, NodeCondition, NodeStatus } from '../../api';
import { parseTime, rfc3339 } from '../../clock';

/** nodeHealthData: observation times are the controller's own clock, never the kubelet's. */
export interface NodeHealth {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition last seen (a copy). */
  ready?: NodeCondition;
  /** The lease renewTime last seen. */
  leaseRenewTime?: number;
}

/** GetNodeCondition. */
export function nodeCondition(node: Node, type: string): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

/** The conditions a silent node's are set to Unknown (NetworkUnavailable is the network plugin's). */
const STALE_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The result of one tryUpdateNodeHealth. */
export interface HealthResult {
  /** The Ready condition as the node had it (or a fake Unknown one when it never had one). */
  observed: NodeCondition;
  /** The Ready condition after this pass (Unknown when the node went silent), if any. */
  current?: NodeCondition;
  /** The node with Unknown conditions to write through /status, when they changed. */
  update?: Node;
  health: NodeHealth;
}

/**
 * tryUpdateNodeHealth: refreshes the probe time when the Ready heartbeat or the Lease moved; when
 * neither moved for the grace period (startup grace while the node never reported), every
 * condition but NetworkUnavailable turns Unknown: "NodeStatusUnknown: Kubelet stopped posting
 * node status." (or "NodeStatusNeverUpdated: Kubelet never posted node status.").
 */
export function tryUpdateNodeHealth(nodeIn: Node, saved: NodeHealth | undefined, lease: Lease | undefined, now: number,
  monitorGraceMs: number, startupGraceMs: number): HealthResult {
  // Read the cached node; it is copied only when its conditions are about to change.
  let node: Node = nodeIn;
  const created = parseTime(node.metadata?.creationTimestamp) ?? now;
  let current = nodeCondition(node, 'Ready');
  let observed: NodeCondition;
  let grace: number;
  let health = saved ? { ...saved } : undefined;
  if (!current) {
    // Never reported: a fake Unknown condition dated at creation.
    observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata?.creationTimestamp,
      lastTransitionTime: node.metadata?.creationTimestamp };
    grace = startupGraceMs;
    health = health ? { ...health, ready: undefined } : { probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observed = { ...current };
    grace = monitorGraceMs;
  }
  const savedReady = saved?.ready;
  if (!health) {
    health = { probeTimestamp: now, readyTransitionTimestamp: now, ready: current && { ...current } };
  } else if (!savedReady && current) {
    health = { probeTimestamp: now, readyTransitionTimestamp: now, ready: { ...current }, leaseRenewTime: health.leaseRenewTime };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { probeTimestamp: now, readyTransitionTimestamp: transition, ready: { ...current }, leaseRenewTime: health.leaseRenewTime };
  }
  // A renewed Lease always counts as a heartbeat.
  const renew = parseTime(lease?.spec?.renewTime);
  if (renew !== undefined && (health.leaseRenewTime === undefined || health.leaseRenewTime < renew)) {
    health = { ...health, leaseRenewTime: renew, probeTimestamp: now };
  }
  if (now > health.probeTimestamp + grace) {
    node = structuredClone(nodeIn);
    const ts = rfc3339(now);
    const st = ((node as { status?: NodeStatus }).status ??= {});
    const conds: NodeCondition[] = (st.conditions ??= []);
    for (const type of STALE_CONDITION_TYPES) {
      const c = conds.find((x) => x.type === type);
      if (!c) {
        conds.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.',
          lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: ts });
      } else if (c.status !== 'Unknown') {
        c.status = 'Unknown';
        c.reason = 'NodeStatusUnknown';
        c.message = 'Kubelet stopped posting node status.';
        c.lastTransitionTime = ts;
      }
    }
    current = nodeCondition(node, 'Ready');
    const changed = !current || current.status !== observed.status || current.reason !== observed.reason
      || current.message !== observed.message || current.lastTransitionTime !== observed.lastTransitionTime;
    if (changed) {
      return { observed, current, update: node,
        health: { probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: now, ready: current && { ...current },
          leaseRenewTime: health.leaseRenewTime } };
    }
  }
  return { observed, current, health };
}

/** nodetopology.GetZoneKey: region and zone labels, "" when the node has neither. */
export function zoneKey(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (!region && !zone) return '';
  return `${region}:\u0000:${zone}`;
}

/** A zone's state (ZoneState). */
export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/**
 * ComputeZoneState: FullDisruption when no node is Ready; PartialDisruption when more than two
 * nodes and at least 55% are not Ready; Normal otherwise.
 */
export function computeZoneState(ready: number, notReady: number, unhealthyThreshold: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= unhealthyThreshold) return 'PartialDisruption';
  return 'Normal';
}

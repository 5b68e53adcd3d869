// The node's heartbeat Lease in kube-node-lease. Models pkg/kubelet/nodelease and
// k8s.io/component-helpers/apimachinery/lease/controller.go: leaseDurationSeconds 40, renewed every
// quarter of it (10s), owned by the Node so it goes away with it.
import type { Lease } from '../../api/types';
import { isConflict, isNotFound } from '../../api/errors';
import { rfc3339Micro, type Clock } from '../../clock';
import { R, type Client } from '../../client';

/** kubelet --node-lease-duration-seconds default. */
export const LEASE_DURATION_SECONDS = 40;
/** renewIntervalFraction 0.25 of the lease duration. */
export const LEASE_RENEW_INTERVAL_MS = LEASE_DURATION_SECONDS * 250;
/** The namespace of node leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** Renews one node's Lease. */
export class NodeLeaseController {
  private cancel?: () => void;
  private latest?: Lease;
  /** Lease writes made (tests). */
  renewals = 0;

  constructor(private readonly client: Client, private readonly clock: Clock, private readonly nodeName: string,
    private readonly nodeUid: () => string | undefined, private readonly renewIntervalMs = LEASE_RENEW_INTERVAL_MS) {}

  start(): void {
    this.cancel?.();
    const loop = () => {
      this.sync();
      this.cancel = this.clock.after(this.renewIntervalMs, loop);
    };
    loop();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.latest = undefined;
  }

  /** ensureLease, then renew it. */
  sync(): void {
    const renewTime = rfc3339Micro(this.clock.now());
    if (!this.latest) {
      const got = this.client.tryGet<Lease>(R.leases, NODE_LEASE_NAMESPACE, this.nodeName);
      if (!got) {
        this.latest = this.client.create<Lease>(R.leases, this.newLease(renewTime));
        this.renewals++;
        return;
      }
      this.latest = got;
    }
    const next: Lease = structuredClone(this.latest);
    next.spec = { ...next.spec, holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime };
    const uid = this.nodeUid();
    if (uid && !next.metadata?.ownerReferences?.length) next.metadata = { ...next.metadata, ownerReferences: [this.ownerRef(uid)] };
    try {
      this.latest = this.client.update<Lease>(R.leases, next);
      this.renewals++;
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.latest = undefined;
    }
  }

  private ownerRef(uid: string) {
    return { apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid };
  }

  private newLease(renewTime: string): Lease {
    const uid = this.nodeUid();
    return {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: { name: this.nodeName, namespace: NODE_LEASE_NAMESPACE, ...(uid ? { ownerReferences: [this.ownerRef(uid)] } : {}) },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
    };
  }
}

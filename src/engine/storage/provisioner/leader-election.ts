// Leader election on an Endpoints lock, as sig-storage-lib-external-provisioner v6 runs it for
// minikube's storage-provisioner: the record lives in the `control-plane.alpha.kubernetes.io/leader`
// annotation of Endpoints kube-system/k8s.io-minikube-hostpath. Models client-go
// tools/leaderelection (leaderelection.go acquire, renew, tryAcquireOrRenew; LeaseDuration 15s,
// RenewDeadline 10s, RetryPeriod 2s, JitterFactor 1.2) and resourcelock/endpointslock.go.
import type { Endpoints } from '../../api';
import { isAlreadyExists, isNotFound } from '../../api';
import { R, type Client, type EventRecorder } from '../../client';
import { rfc3339, type Clock, type Rng } from '../../clock';

/** resourcelock.LeaderElectionRecordAnnotationKey. */
export const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
/** The lib's DefaultLeaseDuration, DefaultRetryPeriod. */
export const LEASE_DURATION_MS = 15_000;
export const RETRY_PERIOD_MS = 2_000;
/** leaderelection.JitterFactor. */
export const JITTER_FACTOR = 1.2;

/** LeaderElectionRecord (JSON field order as Go writes it). */
export interface LeaderElectionRecord {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: string;
  renewTime: string;
  leaderTransitions: number;
}

/** What the elector needs. */
export interface LeaderElectorOptions {
  client: Client;
  clock: Clock;
  rng: Rng;
  namespace: string;
  name: string;
  identity: string;
  /** Records "<identity> became leader" on the lock object. */
  recorder: EventRecorder;
  onStartedLeading(): void;
}

/** One candidate: tries to acquire the lock, then renews it. */
export class LeaderElector {
  private observed?: { record: string; at: number };
  private cancel?: () => void;
  private leading = false;
  private stopped = false;

  constructor(private readonly o: LeaderElectorOptions) {}

  /** Starts trying at once. */
  run(): void {
    this.attempt();
  }

  /** Stops trying or renewing (the process is gone; the lock is not released: it expires). */
  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  private attempt(): void {
    if (this.stopped) return;
    const ok = this.tryAcquireOrRenew();
    if (ok && !this.leading) {
      this.leading = true;
      this.o.onStartedLeading();
    }
    // acquire retries with wait.JitterUntil(RetryPeriod, 1.2); renew runs every RetryPeriod.
    const wait = this.leading ? RETRY_PERIOD_MS : RETRY_PERIOD_MS * (1 + this.o.rng.next() * JITTER_FACTOR);
    this.cancel = this.o.clock.after(Math.round(wait), () => this.attempt());
  }

  private tryAcquireOrRenew(): boolean {
    const { client, clock, namespace, name, identity } = this.o;
    const now = rfc3339(clock.now());
    const mine: LeaderElectionRecord = { holderIdentity: identity, leaseDurationSeconds: LEASE_DURATION_MS / 1000, acquireTime: now,
      renewTime: now, leaderTransitions: 0 };
    const ep = client.tryGet<Endpoints>(R.endpoints, namespace, name);
    if (!ep) {
      try {
        const created = client.create<Endpoints>(R.endpoints, { apiVersion: 'v1', kind: 'Endpoints',
          metadata: { name, namespace, annotations: { [LEADER_ANNOTATION]: JSON.stringify(mine) } } });
        this.observed = { record: JSON.stringify(mine), at: clock.now() };
        this.becameLeader(created);
        return true;
      } catch (e) {
        if (isAlreadyExists(e)) return false;
        throw e;
      }
    }
    const raw = ep.metadata?.annotations?.[LEADER_ANNOTATION] ?? '';
    let old: LeaderElectionRecord | undefined;
    try {
      old = raw ? JSON.parse(raw) as LeaderElectionRecord : undefined;
    } catch {
      old = undefined;
    }
    if (!this.observed || this.observed.record !== raw) this.observed = { record: raw, at: clock.now() };
    const heldByOther = old && old.holderIdentity && old.holderIdentity !== identity;
    if (heldByOther && this.observed.at + (old!.leaseDurationSeconds * 1000) > clock.now()) return false;
    if (old && old.holderIdentity === identity) {
      mine.acquireTime = old.acquireTime;
      mine.leaderTransitions = old.leaderTransitions;
    } else if (old) {
      mine.leaderTransitions = old.leaderTransitions + 1;
    }
    try {
      const updated = client.update<Endpoints>(R.endpoints, { ...structuredClone(ep),
        metadata: { ...structuredClone(ep.metadata), annotations: { ...(ep.metadata?.annotations ?? {}), [LEADER_ANNOTATION]: JSON.stringify(mine) } } });
      this.observed = { record: JSON.stringify(mine), at: clock.now() };
      if (!this.leading) this.becameLeader(updated);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      return false;
    }
  }

  // EndpointsLock.RecordEvent.
  private becameLeader(ep: Endpoints): void {
    this.o.recorder.event({ ...ep, apiVersion: 'v1', kind: 'Endpoints' }, 'Normal', 'LeaderElection', `${this.o.identity} became leader`);
  }
}

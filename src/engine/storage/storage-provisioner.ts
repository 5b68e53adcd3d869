// minikube's storage-provisioner addon as a process: while the container `storage-provisioner` of
// pod kube-system/storage-provisioner runs, one provision controller runs with a fresh identity (the
// real binary draws two UUIDs at start: the hostPath provisioner's identity, then the controller's
// id). A restarted container is a new process: it must win the leader lock again (after the old
// lease expires) and cannot delete the PVs of the earlier identity. Models k8s.io/minikube
// pkg/storage/storage_provisioner.go StartStorageProvisioner and cmd/storage-provisioner/main.go.
import type { Pod } from '../api';
import { EventRecorder, Informer, R, type Client } from '../client';
import { newUid, type Clock, type Rng } from '../clock';
import { HostPathProvisioner, MINIKUBE_PROVISIONER_NAME, type NodeDirectories } from './provisioner/hostpath-provisioner';
import { ProvisionController } from './provisioner/provision-controller';

/** The storage-provisioner binary's client-go user agent (built without version stamping). */
export const STORAGE_PROVISIONER_USER_AGENT = 'storage-provisioner/v0.0.0 (linux/amd64) kubernetes/$Format';
/** The addon pod. */
export const POD_NAMESPACE = 'kube-system';
export const POD_NAME = 'storage-provisioner';
const CONTAINER = 'storage-provisioner';

/** What the process needs from the cluster. */
export interface StorageProvisionerDeps {
  clock: Clock;
  rng: Rng;
  client: Client;
  /** The directories of a node, as the pod's hostPath /tmp mount shows them. */
  nodeDirectories(nodeName: string): NodeDirectories;
}

/** The running instance of the provisioner, if its container runs. */
interface Instance {
  containerID: string;
  controller: ProvisionController;
  identity: string;
  id: string;
}

/** Follows the addon pod and runs the provisioner while its container runs. */
export class StorageProvisioner {
  private readonly pod: Informer<Pod>;
  private current?: Instance;
  private scheduled = false;

  constructor(private readonly deps: StorageProvisionerDeps) {
    this.pod = new Informer<Pod>(deps.client, R.pods, { namespace: POD_NAMESPACE, fieldSelector: `metadata.name=${POD_NAME}` });
    // Handlers only note that something changed; the process starts or stops on the clock.
    const changed = () => {
      if (this.scheduled) return;
      this.scheduled = true;
      deps.clock.after(0, () => {
        this.scheduled = false;
        this.reconcile();
      });
    };
    this.pod.onEvent({ add: changed, update: changed, delete: changed });
    this.pod.start();
  }

  /** The identity of the running process (hostPathProvisionerIdentity), if any. */
  get identity(): string | undefined {
    return this.current?.identity;
  }

  /** The leader id of the running process ("minikube_<uuid>"), if any. */
  get id(): string | undefined {
    return this.current?.id;
  }

  /** Stops following the pod (and the process). */
  stop(): void {
    this.pod.stop();
    this.current?.controller.stop();
    this.current = undefined;
  }

  private reconcile(): void {
    const pod = this.pod.lister.get(POD_NAMESPACE, POD_NAME);
    const cs = pod?.status?.containerStatuses?.find((c) => c.name === CONTAINER);
    const running = pod && !pod.metadata?.deletionTimestamp && cs?.state?.running && cs.containerID ? cs.containerID : undefined;
    if (running === this.current?.containerID) return;
    this.current?.controller.stop();
    this.current = undefined;
    if (!running || !pod?.spec?.nodeName) return;
    this.current = this.startProcess(running, pod.spec.nodeName);
  }

  private startProcess(containerID: string, nodeName: string): Instance {
    const { clock, rng, client } = this.deps;
    const identity = newUid(rng);
    // The pod uses the host network: its hostname is the node's.
    const id = `${nodeName}_${newUid(rng)}`;
    const recorder = new EventRecorder(client, clock, { component: `${MINIKUBE_PROVISIONER_NAME}_${id}` });
    const controller = new ProvisionController({ client, clock, rng: rng.fork(id), provisionerName: MINIKUBE_PROVISIONER_NAME,
      provisioner: new HostPathProvisioner(identity, this.deps.nodeDirectories(nodeName)), id, recorder, leaderElectionNamespace: POD_NAMESPACE });
    controller.run();
    return { containerID, controller, identity, id };
  }
}

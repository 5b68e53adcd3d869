// engine/storage: minikube's storage-provisioner (the hostPath provisioner behind StorageClass
// `standard`) and the filesystem API over containers, nodes and persistent volumes.
import type { Client } from '../client';
import type { Clock, Rng } from '../clock';
import type { VolumeFS } from '../runtime/cri';
import { ClusterFiles, type KubeletFiles, type VolumeData } from './filesystem';
import { StorageProvisioner } from './storage-provisioner';

export { StorageProvisioner, STORAGE_PROVISIONER_USER_AGENT, POD_NAME as STORAGE_PROVISIONER_POD } from './storage-provisioner';
export type { StorageProvisionerDeps } from './storage-provisioner';
export { ClusterFiles } from './filesystem';
export type { ContainerRef, KubeletFiles, VolumeData } from './filesystem';
export { ProvisionController, IgnoredError, RESYNC_PERIOD_MS, FAILED_THRESHOLD } from './provisioner/provision-controller';
export type { Provisioner, ProvisionOptions, ProvisionControllerOptions } from './provisioner/provision-controller';
export { HostPathProvisioner, MINIKUBE_PROVISIONER_NAME, PV_DIR, IDENTITY_ANNOTATION } from './provisioner/hostpath-provisioner';
export type { NodeDirectories } from './provisioner/hostpath-provisioner';
export { LeaderElector, LEADER_ANNOTATION, LEASE_DURATION_MS, RETRY_PERIOD_MS } from './provisioner/leader-election';
export type { LeaderElectionRecord } from './provisioner/leader-election';

/** What the storage layer is started with. */
export interface StorageDeps {
  clock: Clock;
  rng: Rng;
  /** The storage-provisioner's client. */
  client: Client;
  /** The files API's client (it reads pods and PVs). */
  filesClient: Client;
  /** The cluster's node and volume data (the kubelets' VolumeDataRegistry). */
  volumeData: VolumeData;
  /** The kubelet of a node. */
  kubelet(nodeName: string): KubeletFiles | undefined;
}

/** The cluster's storage: the provisioner process and the files API. */
export interface Storage {
  provisioner: StorageProvisioner;
  files: ClusterFiles;
}

/** Starts minikube's storage-provisioner (idle until its pod runs) and the files API. */
export function startStorage(d: StorageDeps): Storage {
  const nodeDirectories = (node: string) => {
    const root: VolumeFS = d.volumeData.node(node);
    return { mkdirAll: (p: string) => root.mkdir(p), removeAll: (p: string) => { root.remove(p); } };
  };
  return {
    provisioner: new StorageProvisioner({ clock: d.clock, rng: d.rng, client: d.client, nodeDirectories }),
    files: new ClusterFiles(d.filesClient, d.kubelet, d.volumeData),
  };
}

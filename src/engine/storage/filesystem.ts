// The filesystem API: the files of a running container as `kubectl exec` sees them (the image,
// the container's writable layer, and its mounts: ConfigMap/Secret/downwardAPI/projected files,
// emptyDirs, hostPaths, persistent volumes), a node's own files, and a PersistentVolume's data.
// It reads the runtime's container filesystem (runtime/filesystem ContainerFS) through the
// kubelet of the pod's node; nothing is copied.
import type { PersistentVolume, Pod } from '../api';
import type { Client } from '../client';
import { R } from '../client';
import type { VolumeFS } from '../runtime/cri';
import type { ContainerFS } from '../runtime/filesystem/container-fs';
import { SubFS } from '../kubelet/volumemanager/registry';

/** What the API needs from a node's kubelet (structurally the kubelet's own methods). */
export interface KubeletFiles {
  podState(uid: string): { latest(name: string): { state: string; handle: unknown } | undefined } | undefined;
}

/** Where node-local and persistent data lives (structurally the kubelet's VolumeDataRegistry). */
export interface VolumeData {
  node(nodeName: string): VolumeFS;
  persistentVolume(pvName: string): VolumeFS;
  hasPersistentVolume(pvName: string): boolean;
}

/** Names a container: the pod's first container when `container` is omitted, as kubectl exec does. */
export interface ContainerRef {
  namespace?: string;
  pod: string;
  container?: string;
}

/** The storage layer's view of the cluster's files. */
export class ClusterFiles {
  constructor(private readonly client: Client, private readonly kubelet: (node: string) => KubeletFiles | undefined,
    private readonly data: VolumeData) {}

  /**
   * The filesystem of a running container (stat, read, write, mkdir, remove, list; paths are
   * absolute), or undefined when the pod, its node or a running container of that name is missing,
   * or the runtime in use keeps no files.
   */
  container(ref: ContainerRef): ContainerFS | undefined {
    const pod = this.client.tryGet<Pod>(R.pods, ref.namespace ?? 'default', ref.pod);
    const node = pod?.spec?.nodeName;
    if (!pod || !node) return undefined;
    const name = ref.container ?? pod.spec?.containers?.[0]?.name;
    if (!name) return undefined;
    const inst = this.kubelet(node)?.podState(pod.metadata!.uid!)?.latest(name);
    if (!inst || inst.state !== 'running') return undefined;
    const fs = (inst.handle as { fs?: ContainerFS }).fs;
    return fs;
  }

  /** A node's filesystem (hostPath volumes and minikube's /tmp/hostpath-provisioner live here). */
  node(nodeName: string): VolumeFS {
    return this.data.node(nodeName);
  }

  /**
   * The data of a PersistentVolume: for a hostPath or local PV, its directory on `nodeName` (which
   * a pod on that node would see); otherwise its own storage. Undefined for an unknown PV.
   */
  persistentVolume(name: string, nodeName: string): VolumeFS | undefined {
    const pv = this.client.tryGet<PersistentVolume>(R.persistentvolumes, undefined, name);
    if (!pv) return undefined;
    const path = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
    if (path) return new SubFS(this.data.node(nodeName), path);
    return this.data.hasPersistentVolume(name) ? this.data.persistentVolume(name) : undefined;
  }
}

// Storage that outlives a pod: persistent volumes (by PV name) and node host paths. One registry
// per cluster, shared by every kubelet and by the PV layer (a provisioner may pre-fill or wipe a
// volume through it, as a real storage backend would).
import type { VolumeFS } from '../../runtime/cri';
import { MemFS } from './memfs';

/** Where the data of persistent and host-path volumes lives. */
export interface VolumeDataRegistry {
  /** The storage of a PersistentVolume (empty on first use). */
  persistentVolume(pvName: string): VolumeFS;
  /** Whether a PersistentVolume has storage yet. */
  hasPersistentVolume(pvName: string): boolean;
  /** Drops a PersistentVolume's data (reclaimPolicy Delete). */
  deletePersistentVolume(pvName: string): void;
  /** A directory of a node's filesystem (hostPath volumes). */
  hostPath(nodeName: string, path: string): VolumeFS;
}

/** The in-memory registry. */
export class MemVolumeDataRegistry implements VolumeDataRegistry {
  private readonly pvs = new Map<string, MemFS>();
  private readonly hosts = new Map<string, MemFS>();

  persistentVolume(pvName: string): VolumeFS {
    let fs = this.pvs.get(pvName);
    if (!fs) this.pvs.set(pvName, (fs = new MemFS()));
    return fs;
  }

  hasPersistentVolume(pvName: string): boolean {
    return this.pvs.has(pvName);
  }

  deletePersistentVolume(pvName: string): void {
    this.pvs.delete(pvName);
  }

  hostPath(nodeName: string, path: string): VolumeFS {
    // Deviation: one tree per (node, hostPath path); nested host paths are not views of each other.
    const key = `${nodeName}\u0000${path.replace(/\/+$/, '') || '/'}`;
    let fs = this.hosts.get(key);
    if (!fs) this.hosts.set(key, (fs = new MemFS()));
    return fs;
  }
}

// Storage that outlives a pod: each node's own filesystem (hostPath volumes, and hostPath or local
// PersistentVolumes such as the ones minikube's storage-provisioner creates under
// /tmp/hostpath-provisioner) and the storage of other PersistentVolumes by PV name. One registry
// per cluster, shared by every kubelet and by the storage layer (a provisioner creates and removes
// directories on its node through it, as the real one does through its hostPath mount).
import type { VolumeFS } from '../../runtime/cri';
import { MemFS } from './memfs';

/** Where the data of persistent and host-path volumes lives. */
export interface VolumeDataRegistry {
  /** The storage of a PersistentVolume without a node-local source (empty on first use). */
  persistentVolume(pvName: string): VolumeFS;
  /** Whether a PersistentVolume has storage yet. */
  hasPersistentVolume(pvName: string): boolean;
  /** Drops a PersistentVolume's data (reclaimPolicy Delete). */
  deletePersistentVolume(pvName: string): void;
  /** A directory of a node's filesystem (created when missing, as Docker creates a bind mount's source). */
  hostPath(nodeName: string, path: string): VolumeFS;
  /** A node's whole filesystem: paths are absolute paths on the node. */
  node(nodeName: string): VolumeFS;
}

function clean(path: string): string {
  return path.split('/').filter((s) => s && s !== '.').join('/');
}

/** A directory of a volume seen as a volume of its own (a bind mount's view). */
export class SubFS implements VolumeFS {
  private readonly prefix: string;

  constructor(private readonly root: VolumeFS, dir: string) {
    this.prefix = clean(dir);
  }

  private at(path: string): string {
    const p = clean(path);
    if (!this.prefix) return p;
    return p ? `${this.prefix}/${p}` : this.prefix;
  }

  read(path: string): string | undefined {
    return this.root.read(this.at(path));
  }

  write(path: string, content: string): void {
    this.root.write(this.at(path), content);
  }

  list(path: string): string[] {
    return this.root.list(this.at(path));
  }

  isDir(path: string): boolean {
    return this.root.isDir(this.at(path));
  }

  mkdir(path: string): void {
    this.root.mkdir(this.at(path));
  }

  remove(path: string): boolean {
    // The view's own root cannot be removed through the view (as a volume's root cannot).
    if (!clean(path)) return false;
    return this.root.remove(this.at(path));
  }
}

/** The in-memory registry. */
export class MemVolumeDataRegistry implements VolumeDataRegistry {
  private readonly pvs = new Map<string, MemFS>();
  private readonly nodes = new Map<string, MemFS>();
  /** One view per host directory, so every pod mounting it shares one storage object (flock identity). */
  private readonly views = new Map<string, SubFS>();

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

  node(nodeName: string): VolumeFS {
    let fs = this.nodes.get(nodeName);
    if (!fs) this.nodes.set(nodeName, (fs = new MemFS()));
    return fs;
  }

  hostPath(nodeName: string, path: string): VolumeFS {
    // One tree per node: nested host paths are views of the same directories.
    const root = this.node(nodeName);
    root.mkdir(path);
    const key = `${nodeName}\u0000${clean(path)}`;
    let view = this.views.get(key);
    if (!view) this.views.set(key, (view = new SubFS(root, path)));
    return view;
  }
}

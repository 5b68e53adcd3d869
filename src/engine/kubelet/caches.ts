// The kubelet's views of the API objects its pods use: ConfigMaps, Secrets, Services and
// PersistentVolumeClaims, one informer per namespace started on first use, and PersistentVolumes
// (one cluster-wide informer). Models the kubelet's watch-based configmap/secret managers
// (pkg/kubelet/util/manager/watch_based_manager.go) and its service lister; here a namespace-wide
// informer stands in for per-object watches.
import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Secret, Service } from '../api/types';
import { Informer, R, type Client, type ResourceRef } from '../client';

type Kind = 'configmaps' | 'secrets' | 'services' | 'persistentvolumeclaims' | 'persistentvolumes';

/** Lazily started namespace informers for the objects pods reference. */
export class ObjectCaches {
  private readonly informers = new Map<string, Informer<any>>();
  private readonly listeners = new Set<(kind: Kind, namespace: string | undefined) => void>();
  private stopped = false;

  constructor(private readonly client: Client) {}

  configMap(namespace: string, name: string): ConfigMap | undefined {
    return this.informer<ConfigMap>('configmaps', namespace).lister.get(namespace, name);
  }

  secret(namespace: string, name: string): Secret | undefined {
    return this.informer<Secret>('secrets', namespace).lister.get(namespace, name);
  }

  pvc(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.informer<PersistentVolumeClaim>('persistentvolumeclaims', namespace).lister.get(namespace, name);
  }

  pv(name: string): PersistentVolume | undefined {
    return this.informer<PersistentVolume>('persistentvolumes', undefined).lister.get(undefined, name);
  }

  services(namespace: string): Service[] {
    return this.informer<Service>('services', namespace).lister.list(namespace);
  }

  /** Called (from informer delivery: only enqueue) when an object of a kind changes in a namespace. */
  onChange(fn: (kind: Kind, namespace: string | undefined) => void): void {
    this.listeners.add(fn);
  }

  /** Stops every informer (the kubelet stops); the next use after a restart lists afresh. */
  stop(): void {
    for (const i of this.informers.values()) i.stop();
    this.informers.clear();
    this.stopped = true;
  }

  /** Allows informers again after stop(). */
  restart(): void {
    this.stopped = false;
  }

  private informer<T extends ConfigMap | Secret | Service | PersistentVolumeClaim | PersistentVolume>(kind: Kind,
    namespace: string | undefined): Informer<T> {
    const key = `${kind}/${namespace ?? ''}`;
    let inf = this.informers.get(key) as Informer<T> | undefined;
    if (!inf) {
      inf = new Informer<T>(this.client, R[kind] as ResourceRef, { namespace });
      this.informers.set(key, inf);
      const tell = () => {
        for (const l of this.listeners) l(kind, namespace);
      };
      inf.onEvent({ add: tell, update: tell, delete: tell });
      if (!this.stopped) inf.start();
    }
    return inf;
  }
}

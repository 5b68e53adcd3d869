// The UI's mirror of the cluster: fed only by the worker's messages (snapshot, batches, clock,
// files, connection state). Components read it through selectors; nothing here is written by a
// component, so it is never a second source of truth. Actions that change the cluster go to the
// worker (see connection.ts) and come back as events.
import { create } from 'zustand';
import type { ClockState, ConnectionState, FileEntry, KubeObject, MirrorChange } from '../../worker';

/** Objects of one resource by "namespace/name" (or "name" for cluster-scoped ones). */
export type ObjectMap = ReadonlyMap<string, KubeObject>;

/** What the page knows of the simulator. */
export interface ClusterState {
  connection: ConnectionState;
  /** True once the current worker has booted (false again while a replacement boots). */
  booted: boolean;
  seed: number | undefined;
  nodeCount: number | undefined;
  kubernetesVersion: string | undefined;
  /** When the current cluster booted (simulated ms). */
  bootedAt: number | undefined;
  clock: ClockState;
  /** Mirrored objects by resource ("pods") then key. */
  objects: Readonly<Record<string, ObjectMap>>;
  /** Bumped on every applied snapshot or batch. */
  revision: number;
  /** The learner's files by absolute path. */
  files: ReadonlyMap<string, string>;
  /** Nodes whose kubelet an instructor stopped (the machine is down; the Node object lags behind). */
  stoppedNodes: readonly string[];
}

const EMPTY: ObjectMap = new Map();

/** The key of an object in the mirror. */
export function objectKey(o: KubeObject): string {
  const m = o.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : `${m.name}`;
}

/** The mirror store. */
export const useCluster = create<ClusterState>(() => ({
  connection: { state: 'starting' },
  booted: false,
  seed: undefined,
  nodeCount: undefined,
  kubernetesVersion: undefined,
  bootedAt: undefined,
  clock: { now: Date.now(), speed: 0, wallAt: Date.now(), lagging: false },
  objects: {},
  revision: 0,
  files: new Map(),
  stoppedNodes: [],
}));

/** Objects of one resource. */
export function useObjects(resource: string): ObjectMap {
  return useCluster((s) => s.objects[resource] ?? EMPTY);
}

// ---- applied only by the connection ----

/** Replaces every object (a snapshot). */
export function applySnapshot(objects: Record<string, KubeObject[]>, clock: ClockState): void {
  const next: Record<string, ObjectMap> = {};
  for (const [resource, items] of Object.entries(objects)) next[resource] = new Map(items.map((o) => [objectKey(o), o]));
  useCluster.setState((s) => ({ objects: next, clock, revision: s.revision + 1 }));
}

/** Applies batches of changes (several batches may be applied in one frame). */
export function applyBatches(batches: readonly { changes: readonly MirrorChange[]; clock: ClockState }[]): void {
  if (!batches.length) return;
  useCluster.setState((s) => {
    const copied = new Map<string, Map<string, KubeObject>>();
    const mutable = (resource: string) => {
      let m = copied.get(resource);
      if (!m) {
        m = new Map(s.objects[resource] ?? EMPTY);
        copied.set(resource, m);
      }
      return m;
    };
    for (const b of batches) {
      for (const c of b.changes) {
        const m = mutable(c.resource);
        if (c.type === 'DELETED') m.delete(objectKey(c.object));
        else m.set(objectKey(c.object), c.object);
      }
    }
    return { objects: { ...s.objects, ...Object.fromEntries(copied) }, clock: batches[batches.length - 1].clock, revision: s.revision + 1 };
  });
}

/** Applies file changes. */
export function applyFiles(changed: readonly FileEntry[], removed: readonly string[]): void {
  useCluster.setState((s) => {
    const files = new Map(s.files);
    for (const f of changed) files.set(f.path, f.content);
    for (const p of removed) files.delete(p);
    return { files };
  });
}

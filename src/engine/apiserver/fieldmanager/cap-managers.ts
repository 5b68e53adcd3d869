// At most ten Update managers per object: the oldest are merged into "ancient-changes", one per API
// version. Models apimachinery util/managedfields/internal/capmanagers.go (DefaultMaxUpdateManagers).
import { type Managed, buildManagerIdentifier } from './managed-fields';

/** internal.DefaultMaxUpdateManagers */
export const DEFAULT_MAX_UPDATE_MANAGERS = 10;

function seconds(t: string | undefined): number {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** capManagersManager.capUpdateManagers, in place. */
export function capUpdateManagers(managed: Managed, max = DEFAULT_MAX_UPDATE_MANAGERS): void {
  const updaters = [...managed.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return;
  updaters.sort((a, b) => seconds(managed.times.get(a)) - seconds(managed.times.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const manager = updaters[i];
    const vs = managed.fields.get(manager)!;
    const time = managed.times.get(manager);
    const bucket = buildManagerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstOfVersion.get(vs.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(vs.apiVersion, manager);
      continue;
    }
    // The first (oldest) manager of the version becomes the bucket when the second one joins it.
    if (!managed.fields.has(bucket)) {
      const s = managed.fields.get(first)!;
      managed.fields.delete(first);
      managed.fields.set(bucket, s);
    }
    managed.fields.set(bucket, { ...vs, set: vs.set.union(managed.fields.get(bucket)!.set) });
    managed.fields.delete(manager);
    length--;
    managed.times.set(bucket, time);
  }
}

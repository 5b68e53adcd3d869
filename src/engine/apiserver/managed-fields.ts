// Managed fields on every write: who owns which field. The field manager itself lives in
// ./fieldmanager; this adapter picks the manager name as the REST handlers do.
import type { ApiRequest } from '../api/request';
import type { KubeObject } from '../api/types';
import type { ResourceInfo } from '../api/kinds';
import { apiVersionOf } from '../api/kinds';
import { shallowCopy } from '../api/meta';
import { updateManagedFields } from './fieldmanager';

/**
 * handlers/rest.go managerOrUserAgent: the fieldManager parameter, else the user agent up to its first
 * "/" (kubectl's is "kubectl", the controller manager's "kube-controller-manager").
 */
export function managerOf(req: ApiRequest): string {
  const m = req.query?.fieldManager;
  if (m) return m;
  const ua = req.user ?? 'unknown';
  const i = ua.indexOf('/');
  return i < 0 ? ua : ua.slice(0, i);
}

/** Records an Update operation by the request's manager on `obj` (in place), relative to `live`. */
export function trackUpdate(info: ResourceInfo, req: ApiRequest, live: KubeObject | undefined, obj: KubeObject,
  time: string, subresource?: string): void {
  const managedFields = updateManagedFields(live, obj, {
    manager: managerOf(req), operation: 'Update', subresource, time, apiVersion: apiVersionOf(info),
  });
  const metadata = shallowCopy(obj.metadata ?? {});
  metadata.managedFields = managedFields;
  obj.metadata = metadata;
}

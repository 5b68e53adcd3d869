// Building API requests for a resource, as client-go's REST client does.
import type { ApiRequest } from '../engine/api/request';
import type { ResourceInfo } from '../engine/api/kinds';

/** The target of a request: a resource, optionally namespaced and named. */
export function target(info: ResourceInfo, namespace: string | undefined, name?: string): Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace' | 'name'> {
  return { group: info.group, version: info.version, resource: info.resource,
    namespace: info.namespaced ? namespace : undefined, name };
}

/** "pod", "deployment.apps": how kubectl names a kind in `<kind>/<name>` output. */
export function kindPrefix(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

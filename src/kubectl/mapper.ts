// The RESTMapper: what `pods`, `po`, `pod`, `deploy`, `deployments.apps`, `Pod` mean. Models
// client-go restmapper (shortcut expansion, then plural/singular/kind matching, then group).
import { RESOURCES, type ResourceInfo, resourceForKind, parseApiVersion } from '../engine/api/kinds';
import { NoMatchError } from './errors';

/** Resolves a resource argument ("po", "deployments.apps", "Deployment") to a served resource. */
export function resolveResource(arg: string): ResourceInfo {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const groupPart = dot < 0 ? undefined : lower.slice(dot + 1);
  const matches = RESOURCES.filter((r) => {
    if (groupPart !== undefined) {
      const gv = groupPart.split('.');
      const groupOk = r.group === groupPart || (gv.length > 1 && r.version === gv[0] && r.group === gv.slice(1).join('.'));
      if (!groupOk) return false;
    }
    return r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name);
  });
  if (!matches.length) throw new NoMatchError(`the server doesn't have a resource type "${arg}"`);
  // Shortnames and the core group win ties, as discovery's group priority does.
  return matches.find((r) => r.group === '') ?? matches[0];
}

/** Resolves an object's apiVersion/kind, as decoding a manifest does. */
export function resolveKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  const { group, version } = parseApiVersion(apiVersion);
  return resourceForKind(group, version, kind);
}

/** Every resource in a category ("all"). */
export function resourcesInCategory(category: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}

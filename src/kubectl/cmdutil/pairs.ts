// KEY=VALUE and KEY- arguments of label, annotate and set env. Models k8s.io/kubectl/pkg/cmd/util/helpers.go
// GetResourcesAndPairs and ParsePairs.
import { CmdError } from '../errors';

const isPair = (s: string) => (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');

/** GetResourcesAndPairs: resources first, then pairs; a resource after a pair is an error. */
export function getResourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    if (isPair(s)) pairs.push(s);
    else if (pairs.length) throw new CmdError(`error: all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** ParsePairs: "k=v" (first "=") to set, "k-" to remove; anything else is invalid. */
export function parsePairs(args: readonly string[], pairType: string, supportRemove: boolean): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const a of args) {
    if (a.includes('=') && a[0] !== '=') {
      const i = a.indexOf('=');
      set.set(a.slice(0, i), a.slice(i + 1));
    } else if (supportRemove && a.endsWith('-') && a !== '-') {
      remove.push(a.slice(0, -1));
    } else {
      invalid.push(a);
    }
  }
  if (invalid.length) throw new CmdError(`error: invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}

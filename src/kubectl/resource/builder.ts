// Turns -f files and TYPE NAME arguments into the objects a command acts on. Models
// k8s.io/cli-runtime/pkg/resource builder.go (FilenameParam, ResourceTypeOrNameArgs, visitors).
import type { KubeObject } from '../../engine/api/types';
import type { ResourceInfo } from '../../engine/api/kinds';
import type { FileSystem } from '../types';
import { CmdError } from '../errors';
import { parseManifests, YamlError } from '../yaml';
import { resolveKind, resolveResource, resourcesInCategory } from '../mapper';

/** One object a command acts on. */
export interface Info {
  info: ResourceInfo;
  namespace: string;
  name: string;
  /** The manifest object (from -f), with metadata.namespace filled in for namespaced kinds. */
  obj?: KubeObject;
  /** The file it came from ("STDIN" for -f -). */
  source?: string;
  /** The manifest object exactly as the file has it (no namespace filled in): what --local commands print. */
  raw?: KubeObject;
}

/**
 * Reads manifest files (-f, -R) into objects. With `continueOnError` (the builder's ContinueOnError, as
 * apply uses it), a document that cannot be mapped is recorded there and the others are still returned.
 */
export function infosFromFiles(fs: FileSystem, paths: readonly string[], recursive: boolean, stdin: string | undefined,
  defaultNamespace: string, enforceNamespace: boolean, continueOnError?: unknown[]): Info[] {
  const out: Info[] = [];
  for (const p of paths) {
    const files = expand(fs, p, recursive);
    for (const f of files) {
      const text = f === '-' ? (stdin ?? '') : fs.read(f);
      if (text === undefined) throw new CmdError(`error: the path "${f}" does not exist`);
      const source = f === '-' ? 'STDIN' : f;
      let docs;
      try {
        docs = parseManifests(text);
      } catch (e) {
        if (e instanceof YamlError) throw new CmdError(`error: error parsing ${source}: ${e.message}`);
        throw e;
      }
      for (const d of docs) {
        try {
          out.push(toInfo(d.obj, source, defaultNamespace, enforceNamespace));
        } catch (e) {
          if (!continueOnError) throw e;
          continueOnError.push(e);
        }
      }
    }
  }
  return out;
}

function expand(fs: FileSystem, p: string, recursive: boolean): string[] {
  if (p === '-') return ['-'];
  if (!fs.isDir(p)) return [p];
  const out: string[] = [];
  for (const e of fs.list(p)) {
    const full = `${p.replace(/\/$/, '')}/${e}`;
    if (fs.isDir(full)) {
      if (recursive) out.push(...expand(fs, full, true));
    } else if (/\.(ya?ml|json)$/.test(e)) out.push(full);
  }
  return out;
}

function toInfo(obj: KubeObject, source: string, defaultNamespace: string, enforceNamespace: boolean): Info {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (!kind) {
    throw new CmdError(`error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
  }
  const info = resolveKind(apiVersion, kind);
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const ns = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
  if (!info) {
    throw new CmdError(`error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
  }
  const raw = obj;
  let namespace = '';
  if (info.namespaced) {
    if (ns && enforceNamespace && ns !== defaultNamespace) {
      throw new CmdError(`error: the namespace from the provided object "${ns}" does not match the namespace "${defaultNamespace}". You must pass '--namespace=${ns}' to perform this operation.`);
    }
    namespace = ns || defaultNamespace;
    obj = { ...obj, metadata: { ...(obj.metadata ?? {}), namespace } };
  }
  return { info, namespace, name, obj, source, raw };
}

/** Parses TYPE NAME..., TYPE/NAME..., TYPE1,TYPE2 and "all" into resources and names. */
export function parseTypeArgs(args: readonly string[]): { types: ResourceInfo[]; names: string[] } | { pairs: { info: ResourceInfo; name: string }[] } {
  if (args.length === 0) throw new CmdError('error: You must provide one or more resources by argument or filename.');
  if (args.some((a) => a.includes('/'))) {
    const pairs = args.map((a) => {
      const i = a.indexOf('/');
      if (i < 0) throw new CmdError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      return { info: resolveResource(a.slice(0, i)), name: a.slice(i + 1) };
    });
    return { pairs };
  }
  const [typeArg, ...names] = args;
  const types: ResourceInfo[] = [];
  for (const t of typeArg.split(',')) {
    if (t === '') continue;
    const cat = t === 'all' ? resourcesInCategory('all') : [];
    if (cat.length) types.push(...cat);
    else types.push(resolveResource(t));
  }
  return { types, names };
}

// The resource builder as the mutating verbs use it: TYPE NAME…, TYPE/NAME…, TYPE -l SELECTOR,
// TYPE --all and -f FILES, each object fetched from the server (Latest). Models
// k8s.io/cli-runtime/pkg/resource/builder.go with ContinueOnError: a missing object is an error
// collected for the end, the others are still visited.
import type { KubeList, KubeObject } from '../../engine/api/types';
import type { ResourceInfo } from '../../engine/api/kinds';
import type { CmdContext } from '../command';
import { CmdError } from '../errors';
import { resolveResource, resourcesInCategory } from '../mapper';
import { target } from '../request-util';
import { infosFromFiles, type Info } from './builder';

/** builder.go missingResourceError. */
export const MISSING_RESOURCE_ERROR = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** What to visit. */
export interface VisitOptions {
  filenames?: readonly string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** --all: every object of the types. */
  all?: boolean;
  allNamespaces?: boolean;
  /** Don't contact the server for -f objects (--local). */
  local?: boolean;
  /** Only TYPE/NAME or TYPE NAME forms are allowed (label, annotate: "one or more resources must be specified as …"). */
  requireNames?: string;
}

/** A visited object: its resource, namespace, name and the server's (or the file's, with local) object. */
export interface VisitedInfo extends Info {
  obj: KubeObject;
}

/** The objects and the errors met on the way (printed after the objects' output, as CheckErr does). */
export interface Visited {
  infos: VisitedInfo[];
  errors: unknown[];
}

type TypeArgs = { pairs: { info: ResourceInfo; name: string }[] } | { types: ResourceInfo[]; names: string[] };

/** ResourceTypeOrNameArgs: "pods x y", "pods/x svc/y", "pods,svc", "all". */
export function parseResourceArgs(args: readonly string[]): TypeArgs {
  if (args.some((a) => a.includes('/'))) {
    return {
      pairs: args.map((a) => {
        const i = a.indexOf('/');
        if (i < 0) {
          throw new CmdError("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
        }
        return { info: resolveResource(a.slice(0, i)), name: a.slice(i + 1) };
      }),
    };
  }
  const [typeArg, ...names] = args;
  const types: ResourceInfo[] = [];
  for (const t of typeArg.split(',')) {
    if (t === '') continue;
    const cat = t === 'all' ? resourcesInCategory('all') : [];
    types.push(...(cat.length ? cat : [resolveResource(t)]));
  }
  return { types, names };
}

async function fetch(ctx: CmdContext, info: ResourceInfo, namespace: string, name: string, out: Visited, source?: string): Promise<void> {
  try {
    const obj = await ctx.call<KubeObject>({ verb: 'get', ...target(info, namespace, name) });
    out.infos.push({ info, namespace: info.namespaced ? namespace : '', name, obj, source });
  } catch (e) {
    out.errors.push(e);
  }
}

/** Resolves the command's arguments and flags to objects. Throws the builder's usage errors. */
export async function visitResources(ctx: CmdContext, args: readonly string[], o: VisitOptions): Promise<Visited> {
  const out: Visited = { infos: [], errors: [] };
  const files = o.filenames ?? [];
  if (files.length) {
    if (args.length) throw new CmdError(`error: Unexpected args: [${args.join(' ')}]`);
    for (const i of infosFromFiles(ctx.env.fs, files, o.recursive ?? false, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit)) {
      // A local object keeps the file's namespace (none filled in), as kubectl prints it offline.
      if (o.local) out.infos.push({ ...i, obj: i.raw ?? i.obj! });
      else await fetch(ctx, i.info, i.namespace, i.name, out, i.source);
    }
    return out;
  }
  if (!args.length) throw new CmdError(o.requireNames ?? MISSING_RESOURCE_ERROR);
  const parsed = parseResourceArgs(args);
  const ns = ctx.namespace;
  if ('pairs' in parsed) {
    for (const p of parsed.pairs) await fetch(ctx, p.info, ns, p.name, out);
    return out;
  }
  if (parsed.names.length) {
    for (const info of parsed.types) for (const name of parsed.names) await fetch(ctx, info, ns, name, out);
    return out;
  }
  if (!o.selector && !o.fieldSelector && !o.all) {
    throw new CmdError(o.requireNames ?? 'error: resource(s) were provided, but no name was specified');
  }
  for (const info of parsed.types) {
    const query: Record<string, string> = {};
    if (o.selector) query.labelSelector = o.selector;
    if (o.fieldSelector) query.fieldSelector = o.fieldSelector;
    const list = await ctx.call<KubeList>({ verb: 'list', ...target(info, o.allNamespaces ? undefined : ns), query });
    for (const it of list.items) {
      out.infos.push({ info, namespace: it.metadata?.namespace ?? '', name: it.metadata?.name ?? '', obj: it });
    }
  }
  return out;
}

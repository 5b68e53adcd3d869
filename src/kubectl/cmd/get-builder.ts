// The resource builder as `kubectl get` and `kubectl describe` use it: Unstructured, NamespaceParam,
// DefaultNamespace, AllNamespaces, FilenameParam, Label/FieldSelectorParam, RequestChunksOf,
// ResourceTypeOrNameArgs(true, …), ContinueOnError, Latest, Flatten. Models k8s.io/cli-runtime/pkg/resource
// builder.go (ResourceTypeOrNameArgs, normalizeMultipleResourcesArgs, hasCombinedTypeArgs,
// splitResourceTypeName, ReplaceAliases, mappingFor, visitorResult and its visitBy* branches) and
// selector.go (chunked LIST with limit/continue). Errors while visiting are collected, not thrown.
import type { KubeObject } from '../../engine/api/types';
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../../engine/api';
import { fillZeroValues } from '../../engine/api/schema';
import { StatusError } from '../../engine/api/errors';
import type { CmdContext } from '../command';
import { CmdError, NoMatchError } from '../errors';
import { resolveResource, resourcesInCategory } from '../mapper';
import { target } from '../request-util';
import { infosFromFiles } from '../resource/builder';

/** builder.go missingResourceError. */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** What the builder is given. */
export interface BuilderOptions {
  namespace: string;
  allNamespaces: boolean;
  /** -n given (FilenameParam enforces it on manifests). */
  explicitNamespace: boolean;
  filenames?: readonly string[];
  recursive?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** RequestChunksOf (0: one request). */
  chunkSize: number;
  /** Ask for meta.k8s.io Tables (get's human output). */
  table?: boolean;
  /** includeObject=Object on Table requests (--sort-by). */
  includeObject?: boolean;
  /** SingleResourceType (get -w). */
  singleResourceType?: boolean;
  subresource?: string;
}

/** One visited object (an unstructured object, or a Table). */
export interface BuilderInfo {
  mapping: ResourceInfo;
  namespace: string;
  name: string;
  object: unknown;
  source?: string;
}

/** The builder's answer: infos, errors met on the way, and whether one item was implied. */
export interface BuilderResult {
  infos: BuilderInfo[];
  errors: unknown[];
  singleItemImplied: boolean;
  /** The resourceVersion of the last list read (a watch starts there). */
  resourceVersion?: string;
}

type Plan =
  | { kind: 'paths'; single: boolean }
  | { kind: 'selector'; mappings: ResourceInfo[] }
  | { kind: 'tuples'; tuples: { mapping: ResourceInfo; name: string }[] }
  | { kind: 'names'; mapping: ResourceInfo; names: string[] };

/** SplitResourceArgument: "pods,svc" → ["pods", "svc"] (empty parts dropped, duplicates kept once). */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (s !== '' && !out.includes(s)) out.push(s);
  return out;
}

/** mappingFor: a resource, short name, kind or "resource.group" argument → its mapping. */
export function mappingFor(arg: string): ResourceInfo {
  try {
    return resolveResource(arg);
  } catch (e) {
    if (e instanceof NoMatchError) {
      // ParseResourceArg: the message names only the resource part of "resource.version.group".
      throw new CmdError(`error: the server doesn't have a resource type "${arg.split('.')[0]}"`);
    }
    throw e;
  }
}

// ReplaceAliases: category names ("all") expand to their resources.
function replaceAliases(input: string): string {
  return input.split(',').map((arg) => {
    const rs = arg === 'all' ? resourcesInCategory('all') : [];
    return rs.length ? rs.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).join(',') : arg;
  }).join(',');
}

const errorOut = (msg: string) => new CmdError(`error: ${msg}`);

/** Resolves arguments and options into what to visit; throws the builder's argument errors. */
export function planRequests(args: readonly string[], o: BuilderOptions): Plan {
  let a = [...args];
  if (a.length >= 2) {
    const rs = splitResourceArgument(a[0]);
    if (rs.length > 1) a = rs.flatMap((r) => a.slice(1).map((n) => `${r}/${n}`));
  }
  const slashes = a.filter((s) => s.includes('/')).length;
  const files = o.filenames ?? [];
  let resources: string[] = [];
  let names: string[] = [];
  const tuples: { resource: string; name: string }[] = [];
  if (slashes > 0 && slashes !== a.length) {
    throw errorOut("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
  }
  let selector = o.labelSelector || undefined;
  if (slashes > 0) {
    for (const s of a) {
      const seg = s.split('/');
      if (seg.length !== 2) throw errorOut('arguments in resource/name form may not have more than one slash');
      if (!seg[0] || !seg[1] || splitResourceArgument(seg[0]).length !== 1) throw errorOut('arguments in resource/name form must have a single resource and name');
      tuples.push({ resource: seg[0], name: seg[1] });
    }
  } else if (a.length > 0) {
    a[0] = replaceAliases(a[0]);
    resources = splitResourceArgument(a[0]);
    names = a.slice(1);
    if (a.length === 1 && selector === undefined) selector = '';
  }
  if (files.length) {
    if (resources.length || tuples.length) throw errorOut('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (names.length) throw errorOut('name cannot be provided when a path is specified');
    return { kind: 'paths', single: files.length === 1 && files[0] !== '-' };
  }
  if (selector !== undefined || o.fieldSelector) {
    if (names.length) throw errorOut('name cannot be provided when a selector is specified');
    if (tuples.length) throw errorOut('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!resources.length) throw errorOut('at least one resource must be specified to use a selector');
    if (o.subresource) throw errorOut('subresource cannot be used when bulk resources are specified');
    if (resources.length > 1 && o.singleResourceType) throw errorOut('you may only specify a single resource type');
    const mappings: ResourceInfo[] = [];
    for (const r of resources) {
      const m = mappingFor(r);
      if (!mappings.includes(m)) mappings.push(m);
    }
    return { kind: 'selector', mappings };
  }
  if (tuples.length) {
    const seen = new Map<string, ResourceInfo>();
    for (const t of tuples) if (!seen.has(t.resource)) seen.set(t.resource, mappingFor(t.resource));
    if (new Set(seen.values()).size > 1 && o.singleResourceType) throw errorOut('you may only specify a single resource type');
    const out = tuples.map((t) => ({ mapping: seen.get(t.resource)!, name: t.name }));
    for (const t of out) namespaceForName(t.mapping, o);
    return { kind: 'tuples', tuples: out };
  }
  if (names.length) {
    if (!resources.length) throw errorOut('you must provide a resource and a resource name together');
    if (resources.length > 1) throw errorOut('you must specify only one resource');
    const mapping = mappingFor(resources[0]);
    namespaceForName(mapping, o);
    return { kind: 'names', mapping, names };
  }
  if (resources.length) {
    for (const r of resources) mappingFor(r);
    throw errorOut('resource(s) were provided, but no name was specified');
  }
  throw errorOut(MISSING_RESOURCE);
}

function namespaceForName(m: ResourceInfo, o: BuilderOptions): void {
  if (!m.namespaced) return;
  const ns = o.allNamespaces ? '' : o.namespace;
  if (!ns) {
    throw errorOut(o.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
  }
}

/** An object as kubectl decodes it from the wire: typed fields Go always writes, apiVersion and kind set. */
export function asUnstructured(obj: KubeObject, mapping: ResourceInfo): KubeObject {
  const apiVersion = obj.apiVersion ?? apiVersionOf(mapping);
  const kind = obj.kind ?? mapping.kind;
  return fillZeroValues({ ...obj, apiVersion, kind }, apiVersion, kind);
}

const TABLE_KIND = 'Table';

/** Runs a plan: GETs and chunked LISTs; Tables when asked, else flattened unstructured items. */
export async function visit(ctx: CmdContext, plan: Plan, o: BuilderOptions): Promise<BuilderResult> {
  const res: BuilderResult = { infos: [], errors: [], singleItemImplied: false };
  const ns = o.allNamespaces ? '' : o.namespace;
  const get = async (mapping: ResourceInfo, namespace: string, name: string, source?: string) => {
    try {
      const body = await ctx.call<KubeObject>({
        verb: 'get', ...target(mapping, namespace, name), ...(o.subresource ? { subresource: o.subresource } : {}),
        ...(o.table ? { asTable: true, query: o.includeObject ? { includeObject: 'Object' } : {} } : {}),
      });
      res.infos.push({ mapping, namespace: mapping.namespaced ? namespace : '', name, object: o.table ? body : asUnstructured(body, mapping), source });
    } catch (e) {
      res.errors.push(e);
    }
  };
  switch (plan.kind) {
    case 'paths': {
      res.singleItemImplied = plan.single;
      const infos = infosFromFiles(ctx.env.fs, o.filenames ?? [], o.recursive ?? false, ctx.io.stdin, o.namespace, o.explicitNamespace);
      if (infos.length !== 1) res.singleItemImplied = false;
      for (const i of infos) await get(i.info, i.namespace, i.name, i.source);
      break;
    }
    case 'tuples':
      res.singleItemImplied = plan.tuples.length === 1;
      for (const t of plan.tuples) await get(t.mapping, ns, t.name);
      break;
    case 'names':
      res.singleItemImplied = plan.names.length === 1;
      for (const n of plan.names) await get(plan.mapping, ns, n);
      break;
    case 'selector':
      for (const mapping of plan.mappings) {
        try {
          await list(ctx, mapping, mapping.namespaced ? ns : '', o, res);
        } catch (e) {
          res.errors.push(e);
        }
      }
      break;
  }
  return res;
}

async function list(ctx: CmdContext, mapping: ResourceInfo, namespace: string, o: BuilderOptions, res: BuilderResult): Promise<void> {
  let cont = '';
  do {
    const query: Record<string, string> = {};
    if (o.labelSelector) query.labelSelector = o.labelSelector;
    if (o.fieldSelector) query.fieldSelector = o.fieldSelector;
    if (o.chunkSize > 0) query.limit = String(o.chunkSize);
    if (cont) query.continue = cont;
    if (o.table && o.includeObject) query.includeObject = 'Object';
    const body = await ctx.call<{ kind: string; metadata?: { continue?: string; resourceVersion?: string }; items?: KubeObject[] }>({
      verb: 'list', ...target(mapping, namespace || undefined), query, ...(o.table ? { asTable: true } : {}),
    }).catch((e: unknown) => { throw enhanceListError(e, query, `${mapping.group}/${mapping.version}, Resource=${mapping.resource}`); });
    cont = body.metadata?.continue ?? '';
    res.resourceVersion = body.metadata?.resourceVersion;
    if (o.table && body.kind === TABLE_KIND) res.infos.push({ mapping, namespace, name: '', object: body });
    else for (const it of body.items ?? []) {
      res.infos.push({ mapping, namespace: it.metadata?.namespace ?? '', name: it.metadata?.name ?? '', object: asUnstructured(it, mapping) });
    }
  } while (cont);
}

/**
 * resource.EnhanceListError: a BadRequest or NotFound answer to a list names what was listed (and the
 * selectors) in its message.
 */
export function enhanceListError(e: unknown, query: { labelSelector?: string; fieldSelector?: string }, subject: string): unknown {
  if (!(e instanceof StatusError) || (e.status.reason !== 'BadRequest' && e.status.reason !== 'NotFound')) return e;
  const label = query.labelSelector ?? '';
  const field = query.fieldSelector ?? '';
  const message = !label && !field
    ? `Unable to list ${JSON.stringify(subject)}: ${e.status.message}`
    : `Unable to find ${JSON.stringify(subject)} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${e.status.message}`;
  return new StatusError({ ...e.status, message });
}

/** The resources of a category, in discovery order (for tests and api-resources). */
export function categoryResources(category: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes(category));
}

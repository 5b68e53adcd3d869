// kubectl get. Models k8s.io/kubectl/pkg/cmd/get/get.go: Complete (printer selection, --server-print off for
// yaml/json/custom-columns), Validate, Run (human output: server-side Tables through one tab writer, a blank
// line between resource kinds, "No resources found …"; other formats: printGeneric, a List when more than
// one item was asked for), and watch (get-watch.ts). Errors met while fetching are printed after the output.
import { groupKind } from '../../engine/api';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { AggregateError, CmdError, ExitError } from '../errors';
import { getPrinter, PrintError, TabWriter, KUBECTL_TABWRITER, type PrintFlagValues, type ResourcePrinter } from '../printers';
import { relaxedJSONPathExpression, sortObjects, sortingPrinter } from '../printers';
import { planRequests, visit, type BuilderOptions, type BuilderInfo } from './get-builder';
import { runWatch } from './get-watch';

/** Flag values of get, as GetOptions holds them. */
export interface GetOptions {
  output: string;
  template: string;
  noHeaders: boolean;
  showLabels: boolean;
  sortBy: string;
  labelColumns: string[];
  showKind: boolean;
  allowMissingTemplateKeys: boolean;
  showManagedFields: boolean;
  allNamespaces: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  ignoreNotFound: boolean;
  serverPrint: boolean;
  chunkSize: number;
  human: boolean;
}

const USAGE_RESOURCE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

/** `kubectl get`. */
export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  flags: flagsFor('get'),
  run: runGet,
};

function options(p: ParsedArgs): GetOptions {
  const f = p.flags;
  const output = f.output as string;
  const template = f.template as string;
  let serverPrint = f['server-print'] as boolean;
  if (output.includes('custom-columns') || output === 'yaml' || output.includes('json')) serverPrint = false;
  return {
    output, template,
    noHeaders: f['no-headers'] as boolean,
    showLabels: f['show-labels'] as boolean,
    sortBy: f['sort-by'] as string,
    labelColumns: f['label-columns'] as string[],
    showKind: f['show-kind'] as boolean,
    allowMissingTemplateKeys: f['allow-missing-template-keys'] as boolean,
    showManagedFields: f['show-managed-fields'] as boolean,
    allNamespaces: f['all-namespaces'] as boolean,
    watch: f.watch as boolean,
    watchOnly: f['watch-only'] as boolean,
    outputWatchEvents: f['output-watch-events'] as boolean,
    ignoreNotFound: f['ignore-not-found'] as boolean,
    serverPrint,
    chunkSize: f['chunk-size'] as number,
    human: (output === '' && template === '') || output === 'wide',
  };
}

/** The printer for one resource mapping (GetOptions.ToPrinter). */
export function printerFor(ctx: CmdContext, o: GetOptions, kind: string | undefined, withNamespace: boolean, withKind: boolean,
  extra?: (p: ResourcePrinter) => ResourcePrinter): ResourcePrinter {
  const values: PrintFlagValues = {
    output: o.output, template: o.template, allowMissingTemplateKeys: o.allowMissingTemplateKeys,
    showManagedFields: o.showManagedFields, noHeaders: o.noHeaders, readFile: (path) => ctx.env.fs.read(path),
  };
  let printer = getPrinter(values, {
    kind, withNamespace, withKind: withKind || o.showKind, showLabels: o.showLabels, columnLabels: o.labelColumns,
    now: () => ctx.env.now(),
  });
  if (o.sortBy) printer = sortingPrinter(printer, o.sortBy);
  if (extra) printer = extra(printer);
  return printer;
}

function builderOptions(p: ParsedArgs, ctx: CmdContext, o: GetOptions, chunkSize: number): BuilderOptions {
  return {
    namespace: o.allNamespaces ? '' : ctx.namespace,
    allNamespaces: o.allNamespaces,
    explicitNamespace: ctx.namespaceExplicit && !o.allNamespaces,
    filenames: p.flags.filename as string[],
    recursive: p.flags.recursive as boolean,
    labelSelector: (p.flags.selector as string) || undefined,
    fieldSelector: (p.flags['field-selector'] as string) || undefined,
    chunkSize,
    table: o.serverPrint && o.human,
    includeObject: o.serverPrint && o.human && !!o.sortBy,
    subresource: (p.flags.subresource as string) || undefined,
  };
}

async function runGet(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const o = options(p);
  const raw = p.flags.raw as string;
  // Complete
  if (raw) {
    if (p.args.length) throw new CmdError('error: arguments may not be passed when --raw is specified');
  } else if (o.watch) {
    if (o.sortBy) ctx.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  } else if (o.watchOnly) {
    if (o.sortBy) ctx.err('warning: --watch-only requested, --sort-by will be ignored\n');
  } else if (p.args.length === 0 && (p.flags.filename as string[]).length === 0 && !(p.flags.kustomize as string)) {
    throw new CmdError(USAGE_RESOURCE);
  }
  // Validate
  if (raw) {
    if (o.watch || o.watchOnly || p.flags.selector) throw new CmdError('error: --raw may not be specified with other flags that filter the server request or alter the output');
    if (o.output) throw new CmdError('error: --raw and --output are mutually exclusive');
  }
  if (o.showLabels && o.output !== '' && o.output !== 'wide') throw new CmdError(`error: --show-labels option cannot be used with ${o.output} printer`);
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) throw new CmdError('error: --output-watch-events option can only be used with --watch or --watch-only');
  // Validate the printer before any request, as ToPrinter is first called once objects arrive (its errors still come first).
  try {
    printerFor(ctx, o, undefined, false, false);
  } catch (e) {
    if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
    throw e;
  }
  if (raw) return runRaw(ctx, raw);
  if (o.watch || o.watchOnly) return runWatch(p, ctx, o, builderOptions(p, ctx, o, o.chunkSize));
  const bo = builderOptions(p, ctx, o, o.sortBy ? 0 : o.chunkSize);
  const plan = planRequests(p.args, bo);
  const r = await visit(ctx, plan, bo);
  if (o.ignoreNotFound) r.errors = r.errors.filter((e) => !isNotFound(e));
  try {
    if (!o.human) return printGeneric(ctx, o, r.infos, r.errors, r.singleItemImplied);
    return printHuman(ctx, o, r.infos, r.errors);
  } catch (e) {
    if (e instanceof PrintError) throw new CmdError(e.message.startsWith('error: ') ? e.message : `error: ${e.message}`);
    throw e;
  }
}

function isNotFound(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { status?: { reason?: string } }).status?.reason === 'NotFound';
}

function finish(errors: unknown[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) throw errors[0];
  throw new AggregateError(errors);
}

function printHuman(ctx: CmdContext, o: GetOptions, infos: BuilderInfo[], errors: unknown[]): number {
  const printWithKind = infos.length >= 2 && infos.some((i) => i.mapping !== infos[0].mapping);
  if (o.sortBy && infos.length > 1) {
    // RuntimeSorter: the server's Tables arrive unstructured, so with several of them the field is looked up
    // on the Table objects themselves (their rows are sorted by the SortingPrinter, one table at a time).
    const field = (() => {
      try {
        return relaxedJSONPathExpression(o.sortBy);
      } catch {
        return o.sortBy;
      }
    })();
    try {
      infos = sortObjects(infos, field, (i) => i.object);
    } catch (e) {
      if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
      throw e;
    }
  }
  let written = 0;
  let ready = false;
  const sink = (t: string) => {
    if (t.length && ready) {
      ctx.out('\n');
      ready = false;
    }
    written += t.length;
    ctx.out(t);
  };
  const w = new TabWriter(KUBECTL_TABWRITER, sink);
  let allNamespaced = !o.allNamespaces;
  let printer: ResourcePrinter | undefined;
  let last: BuilderInfo['mapping'] | undefined;
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    const withNamespace = o.allNamespaces && info.mapping.namespaced;
    if (!printer || !last || info.mapping !== last) {
      w.flush();
      w.setRememberedWidths([]);
      if (last && !o.noHeaders && written > 0) ready = true;
      printer = printerFor(ctx, o, groupKind(info.mapping), withNamespace, printWithKind);
      last = info.mapping;
    }
    // get's human printing loop ignores PrintObj's errors (a --sort-by field no row has prints nothing).
    try {
      printer.printObj(info.object, w);
    } catch (e) {
      if (!(e instanceof PrintError)) throw e;
    }
  }
  w.flush();
  if (written === 0 && !o.ignoreNotFound && errors.length === 0) {
    ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  return finish(errors);
}

function printGeneric(ctx: CmdContext, o: GetOptions, infos: BuilderInfo[], errors: unknown[], singleItemImplied: boolean): number {
  if (singleItemImplied && errors.length) throw errors[0];
  if (infos.length === 0 && o.ignoreNotFound) return finish(errors);
  const printer = printerFor(ctx, o, undefined, false, false);
  const w = { write: (t: string) => ctx.out(t) };
  if (!singleItemImplied || infos.length !== 1) {
    const list = { apiVersion: 'v1', items: infos.map((i) => i.object), kind: 'List', metadata: { resourceVersion: '' } };
    try {
      printer.printObj(list, w);
    } catch (e) {
      errors.push(e);
    }
    return finish(errors);
  }
  try {
    printer.printObj(infos[0].object, w);
  } catch (e) {
    errors.push(e);
  }
  return finish(errors);
}

async function runRaw(ctx: CmdContext, raw: string): Promise<number> {
  void raw;
  throw new CmdError('error: --raw is not supported by this simulated kubectl');
}

export { ExitError };

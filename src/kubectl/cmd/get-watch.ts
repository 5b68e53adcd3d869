// kubectl get -w / --watch-only / --output-watch-events. Models k8s.io/kubectl/pkg/cmd/get/get.go watch():
// one resource type only, the current list (or object) printed first unless --watch-only, then a watch from
// the list's resourceVersion (or "0" for a single object, whose synthetic ADDED event is suppressed), every
// event printed through the same remembering tab writer, until interrupted or the server ends the watch.
import type { KubeObject, WatchEvent } from '../../engine/api/types';
import { groupKind } from '../../engine/api';
import type { CmdContext } from '../command';
import { CmdError } from '../errors';
import type { ParsedArgs } from '../flags';
import { KUBECTL_TABWRITER, PrintError, TabWriter, isTable, type ResourcePrinter } from '../printers';
import { target } from '../request-util';
import { asUnstructured, planRequests, visit, type BuilderOptions } from './get-builder';
import type { GetOptions } from './get';
import { printerFor } from './get';

/** skip_printer.go: while suppressed, Tables print without rows (headers only), other objects not at all. */
function skipPrinter(delegate: ResourcePrinter, output: { on: boolean }): ResourcePrinter {
  return {
    printObj(obj, w) {
      if (output.on) return delegate.printObj(obj, w);
      const t = (obj as { kind?: string; object?: unknown }).kind === 'WatchEvent' ? (obj as { object: unknown }).object : obj;
      if (!isTable(t)) return;
      delegate.printObj({ ...t, rows: [] }, w);
    },
  };
}

const wrapEvent = (o: GetOptions, type: string, object: unknown) => (o.outputWatchEvents ? { kind: 'WatchEvent', type, object } : object);

/** Runs get with --watch or --watch-only; resolves when interrupted or when the server ends the watch. */
export async function runWatch(p: ParsedArgs, ctx: CmdContext, o: GetOptions, bo: BuilderOptions): Promise<number> {
  const plan = planRequests(p.args, { ...bo, singleResourceType: true });
  if (plan.kind === 'selector' && plan.mappings.length > 1) {
    throw new CmdError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const r = await visit(ctx, plan, bo);
  if (r.errors.length) throw r.errors[0];
  const mappings = new Set(r.infos.map((i) => i.mapping));
  if (mappings.size > 1) throw new CmdError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const first = r.infos[0];
  const mapping = first?.mapping ?? (plan.kind === 'selector' ? plan.mappings[0] : plan.kind === 'names' ? plan.mapping : plan.kind === 'tuples' ? plan.tuples[0].mapping : undefined);
  if (!mapping) throw new CmdError('error: no objects passed to watch');
  const output = { on: !o.watchOnly };
  let printer: ResourcePrinter;
  try {
    printer = printerFor(ctx, { ...o, sortBy: '' }, groupKind(mapping), o.allNamespaces, false, (d) => skipPrinter(d, output));
  } catch (e) {
    if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
    throw e;
  }
  const isList = !r.singleItemImplied;
  const rv = isList ? (r.resourceVersion ?? '0') : '0';
  const writer = new TabWriter(KUBECTL_TABWRITER, (t) => ctx.out(t));
  for (const info of r.infos) printer.printObj(wrapEvent(o, 'ADDED', info.object), writer);
  writer.flush();
  output.on = isList;

  const name = plan.kind === 'names' ? plan.names[0] : plan.kind === 'tuples' ? plan.tuples[0].name : undefined;
  const query: Record<string, string> = { resourceVersion: rv, watch: 'true' };
  const fieldSelectors = [bo.fieldSelector, name ? `metadata.name=${name}` : undefined].filter(Boolean);
  if (fieldSelectors.length) query.fieldSelector = fieldSelectors.join(',');
  if (bo.labelSelector) query.labelSelector = bo.labelSelector;
  const ns = o.allNamespaces ? undefined : ctx.namespace;
  const signal = ctx.env.signal;
  // Interrupted (Ctrl-C), kubectl's interrupt handler exits 1 (k8s.io/kubectl/pkg/util/interrupt).
  if (signal?.aborted) return 1;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    let handle: { stop(): void } | undefined;
    const done = () => {
      signal?.removeEventListener('abort', done);
      handle?.stop();
      resolve();
    };
    try {
      handle = ctx.env.api.watch({ verb: 'watch', ...target(mapping, ns), query, ...(bo.table ? { asTable: true } : {}) },
        (ev: WatchEvent<unknown>) => {
          if (failed) return;
          if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') {
            if (ev.type === 'ERROR') done();
            return;
          }
          const obj = bo.table ? ev.object : asUnstructured(ev.object as KubeObject, mapping);
          try {
            printer.printObj(wrapEvent(o, ev.type, obj), writer);
            writer.flush();
          } catch (e) {
            failed = true;
            handle?.stop();
            reject(e);
            return;
          }
          output.on = true;
        }, done);
    } catch (e) {
      reject(e);
      return;
    }
    signal?.addEventListener('abort', done, { once: true });
  });
  return signal?.aborted ? 1 : 0;
}


// kubectl events: k8s.io/kubectl/pkg/cmd/events (events.go, event_printer.go). Lists core/v1 Events of the
// namespace (or all), optionally only those --for one object and of --types, sorted by their time, as
// LAST SEEN / TYPE / REASON / OBJECT / MESSAGE; -w watches for more until interrupted.
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import type { KubeObject, WatchEvent } from '../../engine/api/types';
import { fillZeroValues } from '../../engine/api/schema';
import { humanDuration, timestampMillis } from '../../engine/api/duration';
import { resolveResource } from '../mapper';
import { enhanceListError } from './get-builder';
import { RESOURCES } from '../../engine/api/kinds';
import { KUBECTL_TABWRITER, PrintError, TabWriter, genericPrinter, goSortArray, type PrintWriter, type ResourcePrinter } from '../printers';

interface Event extends KubeObject {
  involvedObject?: { kind?: string; name?: string; apiVersion?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
}

const escapeTerminal = (s: string) => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

/** The time an event sorts by: its series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  if (e.series) return timestampMillis(e.series.lastObservedTime) ?? Number.NEGATIVE_INFINITY;
  const last = timestampMillis(e.lastTimestamp);
  if (last !== undefined) return last;
  return timestampMillis(e.eventTime) ?? Number.NEGATIVE_INFINITY;
}

function since(ts: string | null | undefined, now: number): string {
  const t = timestampMillis(ts);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

// getInterval
function interval(e: Event, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** EventPrinter: headers once, then one line per event. */
class EventPrinter implements ResourcePrinter {
  private headersPrinted = false;

  constructor(private readonly noHeaders: boolean, private readonly allNamespaces: boolean, private readonly now: () => number) {}

  printObj(obj: unknown, w: PrintWriter): void {
    if (!this.noHeaders && !this.headersPrinted) {
      w.write(`${this.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headersPrinted = true;
    }
    const list = obj as { kind?: string; items?: Event[] };
    for (const e of list.kind === 'EventList' ? list.items ?? [] : [obj as Event]) this.printOne(e, w);
  }

  private printOne(e: Event, w: PrintWriter): void {
    const io = e.involvedObject ?? {};
    w.write(`${this.allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : ''}${interval(e, this.now())}\t${escapeTerminal(e.type ?? '')}\t`
      + `${escapeTerminal(e.reason ?? '')}\t${escapeTerminal(io.kind ?? '')}/${escapeTerminal(io.name ?? '')}\t${escapeTerminal((e.message ?? '').trim())}\n`);
  }
}

// decodeResourceTypeName
function decodeFor(s: string): { kind: string; apiVersion: string; name: string } | undefined {
  if (!s.includes('/')) return undefined;
  const seg = s.split('/');
  if (seg.length !== 2) throw new CmdError('error: arguments in resource/name form may not have more than one slash');
  const lower = seg[0].toLowerCase();
  const parts = lower.split('.');
  let r = parts.length >= 3 ? RESOURCES.find((x) => x.resource === parts[0] && x.version === parts[1] && x.group === parts.slice(2).join('.')) : undefined;
  if (!r) {
    try {
      r = resolveResource(lower);
    } catch {
      throw new CmdError(`the server doesn't have a resource type "${parts[0]}"`);
    }
  }
  return { kind: r.kind, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, name: seg[1] };
}

const typed = (e: Event): Event => fillZeroValues({ ...e, apiVersion: e.apiVersion || 'v1', kind: e.kind || 'Event' }, 'v1', 'Event', { goOrder: true });

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  flags: flagsFor('events'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    const allNamespaces = p.flags['all-namespaces'] as boolean;
    const watch = p.flags.watch as boolean;
    const forObject = (p.flags.for as string) ?? '';
    const output = (p.flags.output as string) ?? '';
    // ToOptions
    let forTarget: ReturnType<typeof decodeFor>;
    if (forObject) {
      forTarget = decodeFor(forObject);
      if (!forTarget) throw new CmdError('error: --for must be in resource/name form');
    }
    const types = [...new Set((p.flags.types as string[] | undefined) ?? [])].sort();
    let printer: ResourcePrinter;
    try {
      printer = output
        ? genericPrinter({ output, template: p.flags.template as string, allowMissingTemplateKeys: p.flags['allow-missing-template-keys'] as boolean,
          showManagedFields: p.flags['show-managed-fields'] as boolean, readFile: (f) => ctx.env.fs.read(f), operation: 'events', typed: true })
        : new EventPrinter(p.flags['no-headers'] as boolean, allNamespaces, () => ctx.env.now());
    } catch (e) {
      if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
      throw e;
    }
    // Validate
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new CmdError('error: valid --types are Normal or Warning');
    const wanted = (t: string | undefined) => types.length === 0 || types.some((x) => x.toLowerCase() === (t ?? '').toLowerCase());

    const namespace = allNamespaces ? undefined : ctx.namespace;
    const query: Record<string, string> = {};
    if (forTarget) {
      query.fieldSelector = `involvedObject.kind=${forTarget.kind},involvedObject.apiVersion=${forTarget.apiVersion},involvedObject.name=${forTarget.name}`;
    }
    // events ignores PrintObj's errors (-o name refuses a typed EventList and prints nothing).
    const print = (obj: unknown, w: TabWriter) => {
      if (output === 'name' && (obj as { kind?: string }).kind === 'EventList') return;
      try {
        printer.printObj(obj, w);
      } catch (e) {
        if (!(e instanceof PrintError)) throw e;
      }
    };
    if (watch) return runEventWatch(ctx, namespace, query, (ev, w) => { if (wanted(ev.type)) print(typed(ev), w); });

    const items: Event[] = [];
    let cont = '';
    const chunk = (p.flags['chunk-size'] as number | undefined) ?? 500;
    do {
      const list = await ctx.call<{ items?: Event[]; metadata?: { continue?: string } }>({ verb: 'list', group: '', version: 'v1', resource: 'events',
        ...(namespace ? { namespace } : {}), query: { ...query, limit: String(chunk > 0 ? chunk : 500), ...(cont ? { continue: cont } : {}) } })
        .catch((e: unknown) => { throw enhanceListError(e, query, 'events'); });
      items.push(...(list.items ?? []));
      cont = list.metadata?.continue ?? '';
    } while (cont);
    const filtered = items.filter((e) => wanted(e.type)).map(typed);
    if (filtered.length === 0) {
      ctx.err(allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const sorted = goSortArray(filtered, (a, b) => eventTime(a) < eventTime(b));
    const w = new TabWriter(KUBECTL_TABWRITER, (t) => ctx.out(t));
    print({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: sorted }, w);
    w.flush();
    return 0;
  },
};

async function runEventWatch(ctx: CmdContext, namespace: string | undefined, query: Record<string, string>,
  print: (ev: Event, w: TabWriter) => void): Promise<number> {
  const w = new TabWriter(KUBECTL_TABWRITER, (t) => ctx.out(t));
  const signal = ctx.env.signal;
  // Interrupted (Ctrl-C), kubectl's interrupt handler exits 1 (k8s.io/kubectl/pkg/util/interrupt).
  if (signal?.aborted) return 1;
  await new Promise<void>((resolve, reject) => {
    let handle: { stop(): void } | undefined;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', done);
      handle?.stop();
      resolve();
    };
    try {
      handle = ctx.env.api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'events', ...(namespace ? { namespace } : {}), query: { ...query, watch: 'true' } },
        (ev: WatchEvent<unknown>) => {
          if (finished) return;
          if (ev.type === 'ERROR') { done(); return; }
          if (ev.type === 'DELETED' || ev.type === 'BOOKMARK') return;
          try {
            print(ev.object as Event, w);
            w.flush();
          } catch (e) {
            finished = true;
            handle?.stop();
            reject(e);
          }
        }, done);
    } catch (e) {
      reject(e);
      return;
    }
    signal?.addEventListener('abort', done, { once: true });
  });
  return signal?.aborted ? 1 : 0;
}

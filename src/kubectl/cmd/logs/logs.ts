// kubectl logs: one GET of pods/<name>/log per container, printed as it comes; -f follows until the
// container stops or Ctrl-C. Models k8s.io/kubectl/pkg/cmd/logs/logs.go (Complete, Validate, RunLogs,
// the prefixing writer) and polymorphichelpers/logsforobject.go (which pods and containers).
import type { Pod, KubeList } from '../../../engine/api/types';
import { StatusError } from '../../../engine/api/errors';
import { parseTime } from '../../../engine/clock';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { flagsFor } from '../../help/flag-defs';
import { CmdError } from '../../errors';
import { usageError } from '../../usage';
import { target } from '../../request-util';
import { PODS, allContainerNames, byLogging, findContainer, getNamed, podsForSelector, selectorForObject, type Named } from './pods-for-object';

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** selectorTail: -l without --tail shows the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

/** The body of a followed pods/log answer (src/engine/kubelet LogStream). */
interface LogStreamBody {
  kind: 'LogStream';
  initial: string;
  subscribe(onData: (s: string) => void, onEnd: () => void): () => void;
}

/** One log request: a pod's container. */
interface LogRequest {
  pod: Pod;
  container: string;
}

/** What the PodLogOptions query carries. */
type LogQuery = Record<string, string>;

function logQuery(p: ParsedArgs, container: string, now: number): LogQuery {
  const f = p.flags;
  const q: LogQuery = {};
  if (container) q.container = container;
  if (f.follow) q.follow = 'true';
  if (f.previous) q.previous = 'true';
  if (f.timestamps) q.timestamps = 'true';
  const sinceTime = f['since-time'] as string;
  if (sinceTime) {
    const t = parseTime(sinceTime);
    if (t === undefined) {
      throw new CmdError(`error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    }
    q.sinceTime = new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
  if (f['limit-bytes']) q.limitBytes = String(f['limit-bytes']);
  const since = f.since as number;
  // Round to the nearest second, as Duration.Round(time.Second) does.
  if (since) q.sinceSeconds = String(Math.round(since / 1000));
  const tail = f.tail as number;
  if (f.selector && tail === -1 && !p.changed.has('tail')) q.tailLines = String(SELECTOR_TAIL);
  else if (tail !== -1) q.tailLines = String(tail);
  void now;
  return q;
}

function validate(p: ParsedArgs, q: LogQuery, resources: number): void {
  const f = p.flags;
  if (f['since-time'] && f.since) throw new CmdError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (f['all-containers'] && q.container) throw new CmdError(`error: --all-containers=true should not be specified with container name ${q.container}`);
  if (p.changed.has('container') && resources === 2) throw new CmdError('error: only one of -c or an inline [CONTAINER] arg is allowed');
  if ((f['limit-bytes'] as number) < 0) throw new CmdError('error: --limit-bytes must be greater than 0');
  if (q.sinceSeconds !== undefined && Number(q.sinceSeconds) < 0) throw new CmdError('error: --since must be greater than 0');
  if (q.tailLines !== undefined && Number(q.tailLines) < -1) throw new CmdError('error: --tail must be greater than or equal to -1');
}

// logsForObjectWithClient for one pod: its default (or named) container, or every container.
function requestsForPod(ctx: CmdContext, pod: Pod, container: string, allContainers: boolean, allPods: boolean): LogRequest[] {
  if (allContainers) {
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []),
      ...((pod.spec?.ephemeralContainers ?? []) as { name: string }[])].map((c) => c.name);
    return names.map((c) => ({ pod, container: c }));
  }
  let name = container;
  const ann = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (!name && ann) {
    if (findContainer(pod, ann)) name = ann;
    else ctx.err(`Default container name "${ann}" not found in pod ${pod.metadata?.name}\n`);
  }
  if (!name) {
    name = pod.spec?.containers?.[0]?.name ?? '';
    const others = (pod.spec?.containers ?? []).length > 1 || (pod.spec?.initContainers ?? []).length > 0
      || (pod.spec?.ephemeralContainers ?? []).length > 0;
    if (others && !allPods) ctx.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
  }
  if (!findContainer(pod, name)) {
    throw new CmdError(`error: container ${name} is not valid for pod ${pod.metadata?.name}`);
  }
  return [{ pod, container: name }];
}

// LogsForObject: pods as they are; workloads and Services through their selector's first pod (or every pod with --all-pods).
async function logRequests(ctx: CmdContext, p: ParsedArgs, objs: Pod[] | Named, container: string): Promise<LogRequest[]> {
  const allContainers = p.flags['all-containers'] as boolean;
  const allPods = p.flags['all-pods'] as boolean;
  let pods: Pod[];
  if (Array.isArray(objs)) pods = objs;
  else if (objs.info.kind === 'Pod') pods = [objs.obj as Pod];
  else {
    const selector = selectorForObject(objs, `cannot get the logs from *${objs.info.version}.${objs.info.kind}`);
    const found = await podsForSelector(ctx, objs.obj.metadata?.namespace ?? ctx.namespace, selector,
      p.flags['pod-running-timeout'] as number, byLogging);
    if (found.length > 1 && !allPods) ctx.err(`Found ${found.length} pods, using pod/${found[0].metadata?.name}\n`);
    pods = allPods ? found : found.slice(0, 1);
  }
  return pods.flatMap((pod) => requestsForPod(ctx, pod, container, allContainers, allPods));
}

// A writer that puts "[pod/<pod>/<container>] " before each chunk, as prefixingWriter does for each line read.
function lineWriter(out: (s: string) => void, prefix: string): { write(s: string): void; flush(): void } {
  let buf = '';
  return {
    write(s: string) {
      buf += s;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        out(prefix + buf.slice(0, i + 1));
        buf = buf.slice(i + 1);
      }
    },
    flush() {
      if (buf) out(prefix + buf);
      buf = '';
    },
  };
}

async function openLog(ctx: CmdContext, r: LogRequest, q: LogQuery): Promise<string | LogStreamBody> {
  const res = await ctx.send({ verb: 'get', ...target(PODS, r.pod.metadata?.namespace ?? ctx.namespace, r.pod.metadata?.name),
    subresource: 'log', query: { ...q, container: r.container } });
  if (res.code >= 400) throw new StatusError(res.body as never);
  return res.body as string | LogStreamBody;
}

// Follows one opened log to its end (or Ctrl-C).
function follow(ctx: CmdContext, body: LogStreamBody, w: { write(s: string): void; flush(): void }): Promise<void> {
  return new Promise<void>((resolve) => {
    const signal = ctx.env.signal;
    let stop: () => void = () => undefined;
    const done = () => {
      stop();
      w.flush();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done, { once: true });
    stop = body.subscribe((s) => w.write(s), done);
  });
}

async function consume(ctx: CmdContext, r: LogRequest, q: LogQuery, prefix: boolean): Promise<void> {
  const body = await openLog(ctx, r, q);
  const w = lineWriter((s) => ctx.out(s), prefix ? `[pod/${r.pod.metadata?.name}/${r.container}] ` : '');
  if (typeof body === 'string') {
    w.write(body);
    w.flush();
    return;
  }
  w.write(body.initial);
  await follow(ctx, body, w);
}

async function runLogs(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const selector = f.selector as string;
  const args = p.args;
  let resourceArg = '';
  let container = f.container as string;
  switch (args.length) {
    case 0:
      if (!selector) throw usageError(ctx, LOGS_USAGE);
      break;
    case 1:
      resourceArg = args[0];
      if (selector) throw usageError(ctx, 'only a selector (-l) or a POD name is allowed');
      break;
    case 2:
      resourceArg = args[0];
      container = args[1];
      break;
    default:
      throw usageError(ctx, LOGS_USAGE);
  }
  const prefix = (f.prefix as boolean) || (f['all-pods'] as boolean);
  let objs: Pod[] | Named;
  if (selector) {
    const list = await ctx.call<KubeList<Pod>>({ verb: 'list', ...target(PODS, ctx.namespace), query: { labelSelector: selector } });
    objs = list.items;
    if (!objs.length) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
  } else {
    try {
      objs = await getNamed(ctx, resourceArg);
    } catch (e) {
      // Infos() of a single-type builder words a missing object so (observed from kubectl v1.32).
      if (e instanceof StatusError && e.status.reason === 'NotFound') {
        throw new CmdError(`error: error from server (NotFound): ${e.status.message} in namespace "${ctx.namespace}"`);
      }
      throw e;
    }
  }
  const q = logQuery(p, container, ctx.env.now());
  validate(p, q, args.length);
  const requests = await logRequests(ctx, p, objs, container);
  if (f.follow && requests.length > 1) {
    const max = f['max-log-requests'] as number;
    if (requests.length > max) {
      throw new CmdError(`error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    }
    // parallelConsumeRequest: every stream at once, lines interleaved as they arrive.
    const ignore = f['ignore-errors'] as boolean;
    const errors: unknown[] = [];
    await Promise.all(requests.map(async (r) => {
      try {
        await consume(ctx, r, q, prefix);
      } catch (e) {
        if (!ignore) errors.push(e);
        else ctx.out(`error: ${e instanceof StatusError ? e.status.message : (e as Error).message}\n`);
      }
    }));
    if (errors.length) throw errors[0];
  } else {
    for (const r of requests) await consume(ctx, r, q, prefix);
  }
  return ctx.env.signal?.aborted ? 130 : 0;
}

/** `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`. */
export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: flagsFor('logs'),
  run: runLogs,
};

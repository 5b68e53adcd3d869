// kubectl wait. Models k8s.io/kubectl/pkg/cmd/wait (wait.go conditionFuncFor, condition.go, delete.go,
// json.go, create.go): --for=delete | create | condition=NAME[=VALUE] | jsonpath='{…}'[=VALUE], each object
// listed then watched until it holds; "condition met" / "deleted"; "timed out waiting for the condition on pods/x".
import type { KubeObject } from '../../engine/api/types';
import { isNotFound } from '../../engine/api/errors';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, untilWithSync } from '../cmdutil';
import { JSONPath, relaxedJSONPathExpression } from '../printers';
import { visitResources, type VisitedInfo } from '../resource/visit';
import { target } from '../request-util';
import { finishWithErrors } from './label';

type Check = (obj: KubeObject) => boolean;
type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: Check };

// ConditionalWait.checkCondition: type and status compared case-insensitively, stale generations ignored.
function conditionCheck(name: string, value: string): Check {
  return (obj) => {
    const conds = (obj.status as { conditions?: Record<string, unknown>[] } | undefined)?.conditions;
    if (!Array.isArray(conds)) return false;
    for (const c of conds) {
      if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
      if (typeof c.status !== 'string') continue;
      const gen = obj.metadata?.generation;
      if (gen !== undefined) {
        const observed = (c.observedGeneration ?? (obj.status as { observedGeneration?: number }).observedGeneration) as number | undefined;
        if (observed !== undefined && observed < gen) return false;
      }
      return c.status.toLowerCase() === value.toLowerCase();
    }
    return false;
  };
}

// processJSONPathInput + JSONPathWait: "EXPR[=VALUE]" split at "=", the expression relaxed
// ({.a.b}, .a.b or a.b); the expression's printed value compared with VALUE, or, without one, its presence.
function jsonPathCheck(spec: string): Check {
  const parts = spec.split('=');
  let expr: string;
  try {
    expr = relaxedJSONPathExpression(parts[0]);
  } catch (e) {
    throw new CmdError(`error: ${(e as Error).message}`);
  }
  if (!expr) throw new CmdError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  const want = parts.length > 1 ? parts.slice(1).join('=') : undefined;
  if (want === '') throw new CmdError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  let jp: JSONPath;
  try {
    jp = new JSONPath(expr);
  } catch (e) {
    throw new CmdError(`error: ${(e as Error).message}`);
  }
  jp.allowMissingKeys = true;
  return (obj) => {
    let text: string;
    try {
      text = jp.execute(obj);
    } catch {
      return false;
    }
    if (want === undefined) return text !== '';
    return text === want;
  };
}

/** conditionFuncFor. */
export function parseFor(forText: string): Condition {
  const lower = forText.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = forText.slice('condition='.length);
    const i = rest.indexOf('=');
    return { kind: 'check', check: conditionCheck(i < 0 ? rest : rest.slice(0, i), i < 0 ? 'true' : rest.slice(i + 1)) };
  }
  if (lower.startsWith('jsonpath=')) return { kind: 'check', check: jsonPathCheck(forText.slice('jsonpath='.length)) };
  throw new CmdError(`error: unrecognized condition: ${JSON.stringify(forText)}`);
}

const objectName = (i: VisitedInfo) => `${i.info.resource}/${i.name}`;

async function waitOne(ctx: CmdContext, i: VisitedInfo, cond: Condition, timeout: number): Promise<KubeObject> {
  const t = { info: i.info, namespace: i.namespace, name: i.name };
  const timedOut = () => new CmdError(`error: timed out waiting for the condition on ${objectName(i)}`);
  if (cond.kind === 'delete') {
    const res = await ctx.send({ verb: 'get', ...target(i.info, i.namespace, i.name) });
    if (res.code === 404) return i.obj;
    if (timeout === 0) throw new CmdError('error: timed out waiting for the condition');
    const uid = (res.body as KubeObject).metadata?.uid;
    const r = await untilWithSync(ctx, t, timeout, (ev) => ev.type === 'DELETED'
      || (ev.type === 'SYNC' && !ev.items.some((o) => o.metadata?.uid === uid)));
    if (r !== 'done') throw timedOut();
    return i.obj;
  }
  const check: Check = cond.kind === 'create' ? () => true : cond.check;
  if (timeout === 0) {
    const obj = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name) });
    if (!check(obj)) throw new CmdError(`error: condition not met for ${objectName(i)}`);
    return obj;
  }
  let result: KubeObject | undefined;
  let missing = false;
  const r = await untilWithSync(ctx, t, timeout, (ev) => {
    if (ev.type === 'SYNC') {
      missing = cond.kind !== 'create' && ev.items.length === 0;
      return missing;
    }
    if (ev.type === 'DELETED') return false;
    if (check(ev.obj)) {
      result = ev.obj;
      return true;
    }
    return false;
  });
  if (missing) throw new CmdError(`Error from server (NotFound): ${i.info.group ? `${i.info.resource}.${i.info.group}` : i.info.resource} "${i.name}" not found`);
  if (r !== 'done' || !result) throw timedOut();
  return result;
}

async function runWait(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const cond = parseFor(f.for as string);
  let timeout = f.timeout as number;
  if (timeout < 0) timeout = 7 * 24 * 3_600_000;
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, fieldSelector: f['field-selector'] as string, all: f.all as boolean,
    allNamespaces: f['all-namespaces'] as boolean, local: f.local as boolean });
  const errors = cond.kind === 'delete' ? visited.errors.filter((e) => !isNotFound(e)) : [...visited.errors];
  if (errors.length) return finishWithErrors(ctx, errors);
  const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string,
    operation: 'condition met', dryRun: 'none', showManagedFields: f['show-managed-fields'] as boolean });
  for (const i of visited.infos) printer.print(await waitOne(ctx, i, cond, timeout), i.info);
  if (!visited.infos.length && cond.kind !== 'delete') throw new CmdError('error: no matching resources found');
  return 0;
}

/** `kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=…]`. */
export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: flagsFor('wait'),
  run: runWait,
};

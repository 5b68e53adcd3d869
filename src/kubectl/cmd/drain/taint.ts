// kubectl taint. Models k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go: KEY[=VALUE]:EFFECT to add,
// KEY[:EFFECT]- to remove; "tainted", "untainted" or "modified".
import type { KubeObject, Node, Taint } from '../../../engine/api/types';
import { isQualifiedName, isValidLabelValue } from '../../../engine/api/validation';
import { createTwoWayMergePatch } from '../../../engine/api/patch';
import { patchMetaFor } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../../cmdutil';
import { usageError } from '../../usage';
import { resolveResource } from '../../mapper';
import { visitResources } from '../../resource/visit';
import { target } from '../../request-util';
import { finishWithErrors } from '../label';
import { NODES } from './cordon';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taint.ToString. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

// parseTaint: KEY=VALUE:EFFECT, KEY:EFFECT or KEY.
function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  const t: Taint = { key, effect } as Taint;
  if (value) t.value = value;
  return t;
}

function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect } as Taint);
      continue;
    }
    const t = parseTaint(s);
    if (!t.effect) throw new Error(`invalid taint spec: ${s}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    }
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

// reorganizeTaints.
function reorganize(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { op: string; taints: Taint[] } {
  const taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errs: string[] = [];
  let removed = false;
  let current = taints;
  for (const r of remove) {
    const next = current.filter((t) => !(r.effect ? matches(r, t) : r.key === t.key));
    removed = next.length !== current.length;
    if (!removed) errs.push(`taint ${JSON.stringify(taintString(r))} not found`);
    current = next;
  }
  if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  const op = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { op, taints: current };
}

async function runTaint(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of p.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) specs.push(s);
    else if (specs.length) throw new CmdError(`error: all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (!resources.length) throw new CmdError('error: one or more resources must be specified as <resource> <name>');
  if (!specs.length) throw new CmdError('error: at least one taint update is required');
  let parsed;
  try {
    parsed = parseTaints(specs);
  } catch (e) {
    throw usageError(ctx, (e as Error).message);
  }
  const type = resolveResource(resources[0].toLowerCase());
  if (type.kind !== 'Node') throw new CmdError(`error: invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
  const conflicts = parsed.add.flatMap((a) => parsed.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
    .map((r) => `{"${r.key}":"${r.effect}"}`));
  if (conflicts.length) throw new CmdError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  if (f.all && f.selector) throw new CmdError("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!f.all && !f.selector && resources.length < 2) throw new CmdError("error: at least one resource name must be specified since 'all' parameter is not set");
  const visited = await visitResources(ctx, f.all || f.selector ? ['nodes'] : ['nodes', ...resources.slice(1)],
    { selector: f.selector as string, all: f.all as boolean });
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      const node = i.obj as Node;
      const old = node.spec?.taints ?? [];
      if (!f.overwrite) {
        const exists = parsed.add.flatMap((t) => old.filter((o) => matches(o, t)).map(() => t.key));
        if (exists.length) throw new CmdError(`error: node ${i.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      let result;
      try {
        result = reorganize(old, f.overwrite as boolean, parsed.add, parsed.remove);
      } catch (e) {
        throw new CmdError(`error: ${(e as Error).message}`);
      }
      const next: KubeObject = { ...node, spec: { ...node.spec, taints: result.taints.length ? result.taints : undefined } };
      const printer = new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: result.op, dryRun,
        showManagedFields: f['show-managed-fields'] as boolean });
      if (dryRun === 'client') {
        printer.print(next, i.info);
        continue;
      }
      const patch = createTwoWayMergePatch({ apiVersion: 'v1', kind: 'Node', ...node }, { apiVersion: 'v1', kind: 'Node', ...next }, patchMetaFor('v1', 'Node'));
      const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-taint' };
      if (dryRun === 'server') query.dryRun = 'All';
      const out = await ctx.call<KubeObject>({ verb: 'patch', ...target(NODES, undefined, i.name), patchType: 'application/strategic-merge-patch+json',
        body: patch, query });
      printer.print(out, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

/** `kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N`. */
export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: flagsFor('taint'),
  run: runTaint,
};

// kubectl label. Models k8s.io/kubectl/pkg/cmd/label/label.go: a JSON merge patch of the labels
// (fieldManager kubectl-label), "labeled" / "not labeled" / "unlabeled", --overwrite, --list.
import type { KubeObject } from '../../engine/api/types';
import { createMergePatch, goJsonMarshal } from '../../engine/api/patch';
import { isValidLabelValue } from '../../engine/api/validation';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, ExitError, formatError, standardErrorMessage } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy, getResourcesAndPairs, type DryRun } from '../cmdutil';
import { visitResources, type VisitedInfo } from '../resource/visit';
import { target } from '../request-util';

// label.go parseLabels.
function parseLabelArgs(specs: readonly string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const s of specs) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) throw new CmdError(`error: invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new CmdError(`error: invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new CmdError(`error: unknown label spec: ${s}`);
    }
  }
  if (remove.some((r) => set.has(r))) throw new CmdError('error: can not both modify and remove a label in the same command');
  return { set, remove };
}

/** Shared by label and annotate: checks, then sends the merge patch of one object's metadata map. */
export interface MetaMapEdit {
  field: 'labels' | 'annotations';
  set: Map<string, string>;
  remove: string[];
  overwrite: boolean;
  resourceVersion: string;
}

/** Applies the edit to a copy of the object (labelFunc / updateAnnotations). Throws the overwrite error. */
export function editMetaMap(obj: KubeObject, e: MetaMapEdit): KubeObject {
  const current = (obj.metadata?.[e.field] ?? undefined) as Record<string, string> | undefined;
  if (!e.overwrite) {
    const clashes = [...e.set.keys()].filter((k) => current && k in current
      && !(e.field === 'annotations' && k === 'kubernetes.io/change-cause'));
    if (clashes.length && e.field === 'labels') {
      const msgs = clashes.map((k) => `'${k}' already has a value (${current![k]}), and --overwrite is false`);
      throw new CmdError(`error: ${msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`}`);
    }
    if (clashes.length) {
      throw new CmdError(`error: --overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current![k]})`).join('; ')}`);
    }
  }
  const next: Record<string, string> = { ...(current ?? {}) };
  for (const [k, v] of e.set) next[k] = v;
  for (const k of e.remove) delete next[k];
  const meta: Record<string, unknown> = { ...obj.metadata, [e.field]: next };
  if (e.resourceVersion) meta.resourceVersion = e.resourceVersion;
  return { ...obj, metadata: meta };
}

/** Sends the JSON merge patch between two versions of an object; returns the server's object. */
export async function sendMergePatch(ctx: CmdContext, i: VisitedInfo, before: KubeObject, after: KubeObject, dryRun: DryRun,
  fieldManager: string): Promise<KubeObject> {
  const patch = createMergePatch(before, after);
  const query: Record<string, string> = { fieldManager };
  if (dryRun === 'server') query.dryRun = 'All';
  return ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), patchType: 'application/merge-patch+json',
    body: patch, query });
}

/** Validate() of label and annotate. */
export function validateMetaCommand(p: ParsedArgs, resources: string[], what: 'label' | 'annotation', dryRun: DryRun): void {
  const f = p.flags;
  if (f.all && f.selector) throw new CmdError('error: cannot set --all and --selector at the same time');
  if (f.all && f['field-selector']) throw new CmdError('error: cannot set --all and --field-selector at the same time');
  const files = (f.filename as string[]).length > 0;
  const example = what === 'label' ? 'pod.yaml' : 'rsrc.yaml';
  const exampleJson = what === 'label' ? 'pod.json' : 'rsrc.json';
  if (f.local) {
    if (dryRun === 'server') throw new CmdError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CmdError(`error: can only use local files by -f ${example} or --filename=${exampleJson} when --local=true is set`);
    if (!files) throw new CmdError(`error: one or more files must be specified as -f ${example} or --filename=${exampleJson}`);
  } else if (!resources.length && !files) {
    throw new CmdError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
}

/**
 * Prints collected errors after the output, as CheckErr does with an aggregate: MultipleErrors words
 * every API error as StandardErrorMessage does ("Error from server (Invalid): …" with the server's whole
 * message), not as the lone-error IsInvalid case ("The Pod "x" is invalid: …").
 */
export function finishWithErrors(ctx: CmdContext, errors: unknown[]): number {
  if (!errors.length) return 0;
  if (errors.length === 1) throw errors[0];
  // messageForError: a non-API error is its bare text, without the "error: " a lone one gets.
  for (const e of errors) ctx.err(`${standardErrorMessage(e) ?? formatError(e).text.replace(/^error: /, '')}\n`);
  throw new ExitError(1);
}

async function runLabel(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const { resources, pairs } = getResourcesAndPairs(p.args, 'label');
  const { set, remove } = parseLabelArgs(pairs);
  if (f.list && f.output) throw new CmdError('error: --list and --output may not be specified together');
  validateMetaCommand(p, resources, 'label', dryRun);
  if (!set.size && !remove.length && !f.list) throw new CmdError('error: at least one label update is required');
  if (resources.length > 1 && !resources.some((r) => r.includes('/')) && f.selector) {
    throw new CmdError('error: name cannot be provided when a selector is specified');
  }
  const visited = await visitResources(ctx, resources, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    selector: f.selector as string, fieldSelector: f['field-selector'] as string, all: f.all as boolean,
    allNamespaces: f['all-namespaces'] as boolean, local: f.local as boolean });
  const one = visited.infos.length + visited.errors.length === 1 && !f.selector && !f.all;
  if (!one && f['resource-version']) throw new CmdError('error: --resource-version may only be used with a single resource');
  const errors: unknown[] = [...visited.errors];
  for (const i of visited.infos) {
    try {
      await labelOne(ctx, p, i, set, remove, dryRun, one);
    } catch (e) {
      errors.push(e);
    }
  }
  return finishWithErrors(ctx, errors);
}

async function labelOne(ctx: CmdContext, p: ParsedArgs, i: VisitedInfo, set: Map<string, string>, remove: string[], dryRun: DryRun,
  one: boolean): Promise<void> {
  const f = p.flags;
  let obj = i.obj;
  if (f['resource-version']) obj = { ...obj, metadata: { ...obj.metadata, resourceVersion: '' } };
  const local = dryRun === 'client' || (f.local as boolean) || (f.list as boolean);
  if (!local) {
    for (const r of remove) if (!(r in (obj.metadata?.labels ?? {}))) ctx.out(`label ${JSON.stringify(r)} not found.\n`);
  }
  const edit = { field: 'labels' as const, set, remove, overwrite: f.overwrite as boolean, resourceVersion: f['resource-version'] as string };
  const next = editMetaMap(obj, edit);
  const before = goJsonMarshal(obj);
  const after = goJsonMarshal(next);
  // updateDataChangeMsg: compares the JSON before and after.
  let msg = 'not labeled';
  if (before !== after) msg = !edit.overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  if (!local) await sendMergePatch(ctx, i, obj, next, dryRun, (f['field-manager'] as string) || 'kubectl-label');
  if (f.list) {
    const labels = next.metadata?.labels ?? {};
    const indent = one ? '' : ' ';
    if (!one) ctx.out(`Listing labels for ${i.info.kind}.${i.info.group}/${i.name}:\n`);
    for (const k of Object.keys(labels)) ctx.out(`${indent}${k}=${labels[k]}\n`);
    return;
  }
  // label prints its own modified copy, not the server's answer.
  new ObjectPrinter(ctx, { output: f.output as string, operation: msg, dryRun, showManagedFields: f['show-managed-fields'] as boolean })
    .print(next, i.info);
}

/** `kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N`. */
export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: flagsFor('label'),
  run: runLabel,
};

// kubectl patch. Models k8s.io/kubectl/pkg/cmd/patch/patch.go: a strategic merge (default), JSON merge
// or JSON patch sent to the server (fieldManager kubectl-patch), or applied locally with --local /
// --dry-run=client; "patched" or "patched (no change)".
import yaml from 'js-yaml';
import { goYamlReason } from '../yaml';
import { goJsonSyntaxError } from '../../engine/api';
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf, type PatchType } from '../../engine/api';
import { deepEqual } from '../../engine/api/meta';
import { jsonMergePatch, jsonPatch, strategicMergePatch, PatchError } from '../../engine/api/patch';
import { patchMetaFor } from '../../engine/api/schema';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, getDryRunStrategy } from '../cmdutil';
import { visitResources } from '../resource/visit';
import { target } from '../request-util';
import { validationDirective } from './create';
import { finishWithErrors } from './label';

const PATCH_TYPES: Record<string, PatchType> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/**
 * k8s.io/apimachinery util/yaml ToJSON: a patch that starts with "{" (after blanks) is JSON and is sent as it
 * is — even when malformed, the server then says why — anything else is read as YAML.
 */
export function patchToJson(text: string, shown: string): unknown {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? null;
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number } };
    // sigs.k8s.io/yaml YAMLToJSON returns go-yaml's error as it is ("yaml: line N: …"); go-yaml counts the
    // line a truncated document ends on, js-yaml the one after it.
    const line = Math.min((err.mark?.line ?? 0) + 1, text.split('\n').length);
    throw new CmdError(`error: unable to parse ${JSON.stringify(shown)}: yaml: line ${line}: ${flowEndReason(text, err.reason ?? '')}`);
  }
}

// go-yaml, at the end of input inside a flow collection, names what the innermost open one still needs
// ("did not find expected ',' or '}'"), or a node after a trailing comma (observed from kubectl v1.32.5).
function flowEndReason(text: string, reason: string): string {
  if (!reason.startsWith('unexpected end of the stream within a flow collection')) return goYamlReason(reason);
  if (text.trimEnd().endsWith(',')) return 'did not find expected node content';
  const open: string[] = [];
  let quote = '';
  for (const c of text) {
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') open.push(c === '[' ? ']' : '}');
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  return open.length ? `did not find expected ',' or '${open[open.length - 1]}'` : goYamlReason(reason);
}

// getPatchedJSON for --local and --dry-run=client.
function applyLocally(type: string, obj: KubeObject, patch: unknown, info: { kind: string; group: string; version: string }): KubeObject {
  if (typeof patch === 'string') {
    // Malformed JSON, in each patch library's words: strategicpatch's mergepatch.ErrBadJSONDoc, evanphx/json-patch's
    // MergePatch errBadJSONPatch, and DecodePatch's encoding/json error (observed from kubectl v1.32.5 --local).
    const bad = goJsonSyntaxError(patch);
    if (bad !== undefined) throw new CmdError(`error: ${type === 'json' ? bad : type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document'}`);
  }
  try {
    if (type === 'json') return jsonPatch(obj, patch) as KubeObject;
    if (type === 'merge') return jsonMergePatch(obj, patch) as KubeObject;
    return strategicMergePatch(obj, patch, patchMetaFor(apiVersionOf(info as never), info.kind)) as KubeObject;
  } catch (e) {
    // Locally the patch library's own text is the error (the server would wrap it in a Status).
    if (e instanceof PatchError) throw new CmdError(`error: ${e.detail}`);
    throw e;
  }
}

async function runPatch(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const dryRun = getDryRunStrategy(p, ctx);
  const printerFor = (op: string) => new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string,
    operation: op, dryRun, showManagedFields: f['show-managed-fields'] as boolean });
  // kubectl builds the printer per object, after the PATCH, so a bad -o is reported
  // only then (the object is patched anyway).
  const patchText = f.patch as string;
  const patchFile = f['patch-file'] as string;
  if (patchText && patchFile) throw new CmdError('error: cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw new CmdError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (f.local && p.args.length) throw new CmdError('error: cannot specify --local and server resources');
  if (f.local && dryRun === 'server') throw new CmdError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const type = ((f.type as string) || 'strategic').toLowerCase();
  if (!PATCH_TYPES[type]) throw new CmdError(`error: --type must be one of [json merge strategic], not ${JSON.stringify(f.type as string)}`);
  const sub = f.subresource as string;
  if (sub && !['status', 'scale'].includes(sub)) throw new CmdError(`error: invalid subresource value: ${JSON.stringify(sub)}. Must be one of [status scale]`);
  let text = patchText;
  if (patchFile) {
    const t = ctx.env.fs.isDir(patchFile) ? undefined : ctx.env.fs.read(patchFile);
    if (t === undefined) throw new CmdError(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
    text = t;
  }
  const patch = patchToJson(text, patchText);
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean,
    local: f.local as boolean });
  const errors: unknown[] = [...visited.errors];
  let count = 0;
  for (const i of visited.infos) {
    count++;
    try {
      if (!f.local && dryRun !== 'client') {
        let before = i.obj;
        if (sub) before = await ctx.call<KubeObject>({ verb: 'get', ...target(i.info, i.namespace, i.name), subresource: sub });
        const query: Record<string, string> = { fieldManager: (f['field-manager'] as string) || 'kubectl-patch',
          fieldValidation: validationDirective(p) };
        if (dryRun === 'server') query.dryRun = 'All';
        const after = await ctx.call<KubeObject>({ verb: 'patch', ...target(i.info, i.namespace, i.name), subresource: sub || undefined,
          patchType: PATCH_TYPES[type], body: patch, query });
        printerFor(deepEqual(before, after) ? 'patched (no change)' : 'patched').print(after, i.info);
        continue;
      }
      const after = applyLocally(type, i.obj, patch, i.info);
      printerFor(deepEqual(i.obj, after) ? 'patched (no change)' : 'patched').print(after, i.info);
    } catch (e) {
      errors.push(e);
    }
  }
  if (!errors.length && count === 0) throw new CmdError('error: no objects passed to patch');
  return finishWithErrors(ctx, errors);
}

/** `kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]`. */
export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: flagsFor('patch'),
  run: runPatch,
};

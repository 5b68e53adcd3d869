// kubectl edit. Models k8s.io/kubectl/pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go: the
// objects as YAML under kubectl's header go to the editor (env.editor: the UI editor, or the script
// harness's $KUBE_EDITOR); the result is parsed, diffed with a strategic two-way patch and sent;
// syntax and validation errors reopen the file with the reasons in its header.
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf } from '../../engine/api/kinds';
import { StatusError, isInvalid, isNotFound } from '../../engine/api/errors';
import { deepEqual } from '../../engine/api/meta';
import { createTwoWayMergePatch } from '../../engine/api/patch';
import { patchMetaFor } from '../../engine/api/schema';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, ExitError } from '../errors';
import { flagsFor } from '../help/flag-defs';
import { ObjectPrinter, randomSuffixDigits, sortDeep } from '../cmdutil';
import { marshalYaml } from '../printers';
import { parseManifests, YamlError } from '../yaml';
import { visitResources, type VisitedInfo } from '../resource/visit';
import { target } from '../request-util';
import { validationDirective } from './create';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason { head: string; other: string[] }

// hashOnLineBreak: continuation lines of a reason stay comments.
const hashed = (s: string) => s.replace(/\n(?!#)/g, '\n# ');

function header(reasons: Reason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length ? `# ${hashed(r.head)}:\n` : `# ${hashed(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashed(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.ManualStrip: drops comment lines ("#!" lines stay). */
export function manualStrip(text: string): string {
  return text.split('\n').filter((l) => !(l.trim().startsWith('#') && !l.trim().startsWith('#!'))).join('\n');
}

// cmdutil.StripComments: the documents as JSON when they parse, else the text without comments.
function stripComments(text: string): string {
  try {
    return JSON.stringify(parseManifests(text).map((d) => sortDeep(d.obj)));
  } catch {
    return manualStrip(text);
  }
}

const hasLines = (text: string) => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

const withoutManagedFields = (o: KubeObject): KubeObject => {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _m, ...meta } = o.metadata;
  return { ...o, metadata: meta };
};

const resourceString = (i: VisitedInfo) => (i.info.group ? `${i.info.resource}.${i.info.group}` : i.info.resource);

async function runEdit(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  const editor = ctx.env.editor;
  const printer = (op: string) => new ObjectPrinter(ctx, { output: f.output as string, template: f.template as string, operation: op,
    dryRun: 'none', showManagedFields: f['show-managed-fields'] as boolean });
  const visited = await visitResources(ctx, p.args, { filenames: f.filename as string[], recursive: f.recursive as boolean });
  if (visited.errors.length) throw visited.errors[0];
  printer('edited');
  const infos = visited.infos;
  if (!infos.length) throw new CmdError('error: edit cancelled, no objects found');
  if (!editor) throw new CmdError('error: no editor is available in this environment');
  const originals = infos.map((i) => withoutManagedFields({ apiVersion: apiVersionOf(i.info), kind: i.info.kind, ...i.obj }));
  const originalObj = originals.length === 1 ? originals[0] : { apiVersion: 'v1', items: originals, kind: 'List', metadata: {} };
  const fileName = `kubectl-edit-${randomSuffixDigits(ctx.env.now())}.yaml`;
  const filePath = `/tmp/${fileName}`;
  let original = '';
  let edited = '';
  let reasons: Reason[] = [];
  let containsError = false;
  const preserved = (err: CmdError) => {
    ctx.err(`A copy of your changes has been stored to "${filePath}"\n`);
    ctx.env.fs.write?.(filePath, edited);
    return err;
  };
  for (let round = 0; ; round++) {
    // Deviation: kubectl reopens the file for as long as the user keeps changing it; a scripted editor
    // that changes it every time would loop forever, so the simulation gives up after 20 rounds.
    if (round >= 20) throw preserved(new CmdError('error: Edit cancelled, no valid changes were saved.'));
    let buf = header(reasons);
    if (!containsError) {
      buf += marshalYaml(sortDeep(originalObj));
      original = buf;
    } else {
      buf += manualStrip(edited);
    }
    const previous = edited;
    let result: string | undefined;
    try {
      result = await editor(buf, fileName);
    } catch (e) {
      throw new CmdError(`error: ${(e as Error).message}`);
    }
    if (result === undefined) throw new ExitError(1);
    edited = result;
    if (containsError && stripComments(previous) === stripComments(edited)) {
      throw preserved(new CmdError('error: Edit cancelled, no valid changes were saved.'));
    }
    if (stripComments(original) === stripComments(edited)) {
      ctx.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      ctx.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    let updated: KubeObject[];
    try {
      updated = parseManifests(edited).map((d) => d.obj);
    } catch (e) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${e instanceof YamlError ? e.message : (e as Error).message}`, other: [] }];
      continue;
    }
    containsError = false;
    if (updated.length === 1 && updated[0].kind === 'List') updated = ((updated[0] as { items?: KubeObject[] }).items ?? []);
    let retryable = 0;
    let invalid = 0;
    for (const u of updated) {
      const idx = originals.findIndex((o) => o.metadata?.uid === u.metadata?.uid);
      if (idx < 0) throw preserved(new CmdError(`error: no original object found for ${JSON.stringify(u)}`));
      const info = infos[idx];
      const before = originals[idx];
      if (deepEqual(sortDeep(before), sortDeep(u))) {
        printer('skipped').print(u, info.info);
        continue;
      }
      if (u.apiVersion !== before.apiVersion || u.kind !== before.kind || u.metadata?.name !== before.metadata?.name) {
        throw preserved(new CmdError('error: At least one of apiVersion, kind and name was changed'));
      }
      const patch = createTwoWayMergePatch(before, u, patchMetaFor(apiVersionOf(info.info), info.info.kind));
      if (f['output-patch']) ctx.out(`Patch: ${JSON.stringify(patch)}\n`);
      try {
        const patched = await ctx.call<KubeObject>({ verb: 'patch', ...target(info.info, info.namespace, info.name),
          patchType: 'application/strategic-merge-patch+json', body: patch,
          query: { fieldManager: (f['field-manager'] as string) || 'kubectl-edit', fieldValidation: validationDirective(p) } });
        printer('edited').print(patched, info.info);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        const rs = resourceString(info);
        if (isInvalid(e)) {
          invalid++;
          reasons.push({ head: `${rs} ${JSON.stringify(info.name)} was not valid`,
            other: (e.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
          ctx.err(`error: ${rs} ${JSON.stringify(info.name)} is invalid\n`);
        } else if (isNotFound(e)) {
          ctx.err(`error: ${rs} ${JSON.stringify(info.name)} could not be found on the server\n`);
          ctx.err(`The edits you made on deleted resources have been saved to "${filePath}"\n`);
          ctx.env.fs.write?.(filePath, edited);
          throw new ExitError(1);
        } else {
          retryable++;
          ctx.err(`error: ${rs} ${JSON.stringify(info.name)} could not be patched: ${e.message}\n`);
        }
      }
    }
    if (retryable > 0) {
      ctx.env.fs.write?.(filePath, edited);
      ctx.err(`You can run \`kubectl replace -f ${filePath}\` to try this update again.\n`);
      throw new ExitError(1);
    }
    if (!invalid) return 0;
    containsError = true;
  }
}

/** `kubectl edit (RESOURCE/NAME | -f FILENAME)`. */
export const editCommand: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: flagsFor('edit'),
  run: runEdit,
};

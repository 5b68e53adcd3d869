// What a mutating verb prints: "deployment.apps/web created", or the object with -o name|yaml|json.
// Models k8s.io/cli-runtime/pkg/genericclioptions PrintFlags (NamePrintFlags, JSONYamlPrintFlags) and
// printers.NamePrinter / YAMLPrinter / JSONPrinter.
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf, type ResourceInfo } from '../../engine/api/kinds';
import { fillZeroValues } from '../../engine/api/schema';
import type { CmdContext } from '../command';
import { CmdError } from '../errors';
import { marshalYaml } from '../printers/go-yaml';
import { kindPrefix } from '../request-util';
import { dryRunSuffix, type DryRun } from './dry-run';

/** The -o values the generic PrintFlags accept (sorted, as its error lists them). */
export const GENERIC_OUTPUT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** PrintFlags.ToPrinter's error for an -o it does not know. */
export function checkOutputFormat(output: string, allowed: readonly string[] = GENERIC_OUTPUT_FORMATS): void {
  if (output === '' || allowed.includes(output) || allowed.some((f) => output.startsWith(`${f}=`))) return;
  throw new CmdError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed.join(',')}`);
}

/** Go's json.MarshalIndent(v, "", "    ") on a value whose keys are already in the wanted order. */
export function goJsonIndent(v: unknown): string {
  return `${JSON.stringify(v, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Options of an ObjectPrinter. */
export interface PrintOptions {
  /** The -o value ("" for the operation line). */
  output: string;
  /** "created", "labeled", "scaled" … */
  operation: string;
  dryRun: DryRun;
  /**
   * The object is a typed Go struct in kubectl (created by a generator, or read through a typed client):
   * JSON keeps Go's field order and zero values. Otherwise it is unstructured (map keys sorted).
   */
  typed?: boolean;
  showManagedFields?: boolean;
}

/** Prints objects one after another, as one kubectl printer does (YAML documents separated by ---). */
export class ObjectPrinter {
  private count = 0;

  constructor(private readonly ctx: Pick<CmdContext, 'out'>, readonly opts: PrintOptions) {
    checkOutputFormat(opts.output);
  }

  /** Prints one object; `info` names its resource (for "kind.group/name"). */
  print(obj: KubeObject, info: ResourceInfo): void {
    const o = this.opts;
    const name = obj.metadata?.name ?? '';
    if (o.output === '') {
      this.ctx.out(`${kindPrefix(info)}/${name} ${o.operation}${dryRunSuffix(o.dryRun)}\n`);
      return;
    }
    if (o.output === 'name') {
      this.ctx.out(`${kindPrefix(info)}/${name}\n`);
      return;
    }
    // Drop undefined fields (Go's omitempty) before marshalling.
    let shown = JSON.parse(JSON.stringify(obj)) as KubeObject;
    if (!shown.apiVersion) shown = { apiVersion: apiVersionOf(info), kind: info.kind, ...shown };
    if (!o.showManagedFields && shown.metadata?.managedFields) {
      const { managedFields: _m, ...meta } = shown.metadata;
      shown = { ...shown, metadata: meta };
    }
    if (o.typed) shown = fillZeroValues(shown, apiVersionOf(info), info.kind, { goOrder: true });
    this.count++;
    if (o.output === 'yaml') {
      if (this.count > 1) this.ctx.out('---\n');
      this.ctx.out(marshalYaml(shown));
    } else if (o.output === 'json') {
      this.ctx.out(goJsonIndent(o.typed ? shown : sortDeep(shown)));
    } else {
      // TODO(kubectl): jsonpath and go-template output through the shared printers once they exist. #7
      throw new CmdError(`error: output format "${o.output}" is not supported by this simulated kubectl yet`);
    }
  }
}

// What a mutating verb prints: "deployment.apps/web created", or the object with -o. The printers are
// k8s.io/cli-runtime's (src/kubectl/printers genericPrinter); this adds what the verbs' objects need first:
// kind and apiVersion, Go's key order (typed objects keep struct order and zero values, unstructured ones
// sorted keys), and the dry-run suffix of PrintFlagsWithDryRunStrategy.
import type { KubeObject } from '../../engine/api/types';
import { apiVersionOf, type ResourceInfo } from '../../engine/api/kinds';
import { fillZeroValues } from '../../engine/api/schema';
import type { CmdContext } from '../command';
import { genericPrinter, type ResourcePrinter } from '../printers';
import { dryRunSuffix, type DryRun } from './dry-run';

/** Go's json.MarshalIndent(v, "", "    ") on a value whose keys are already in the wanted order. */
export function goJsonIndent(v: unknown): string {
  return `${JSON.stringify(v, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

/** Keys sorted recursively (how Go marshals the maps of an unstructured object). */
export function sortDeep(v: unknown): unknown {
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
  /** --template. */
  template?: string;
  /** "created", "labeled", "scaled" … */
  operation: string;
  dryRun: DryRun;
  /**
   * The object is a typed Go struct in kubectl (created by a generator, or read through a typed client):
   * JSON keeps Go's field order and zero values. Otherwise it is unstructured (map keys sorted).
   */
  typed?: boolean;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean;
}

/** A printer for a verb's objects. Building it checks -o (PrintFlags.ToPrinter's error). */
export class ObjectPrinter {
  private readonly printer: ResourcePrinter;

  constructor(private readonly ctx: Pick<CmdContext, 'out' | 'env'>, readonly opts: PrintOptions) {
    this.printer = genericPrinter({ output: opts.output, template: opts.template, showManagedFields: opts.showManagedFields,
      allowMissingTemplateKeys: opts.allowMissingTemplateKeys, operation: `${opts.operation}${dryRunSuffix(opts.dryRun)}`,
      readFile: (path) => ctx.env.fs.read(path) });
  }

  /** Prints one object; `info` names its resource when the object does not carry kind and apiVersion. */
  print(obj: KubeObject, info: ResourceInfo): void {
    // Drop undefined fields (Go's omitempty) before marshalling.
    let shown = JSON.parse(JSON.stringify(obj)) as KubeObject;
    if (!shown.apiVersion || !shown.kind) shown = { apiVersion: apiVersionOf(info), kind: info.kind, ...shown };
    shown = this.opts.typed
      ? fillZeroValues(shown, apiVersionOf(info), info.kind, { goOrder: true })
      : sortDeep(shown) as KubeObject;
    if (this.opts.typed && this.opts.output === 'json') {
      // The shared JSON printer sorts keys (unstructured); a typed object keeps its struct order.
      if (!this.opts.showManagedFields && shown.metadata?.managedFields) {
        const { managedFields: _m, ...meta } = shown.metadata;
        shown = { ...shown, metadata: meta };
      }
      this.ctx.out(goJsonIndent(shown));
      return;
    }
    this.printer.printObj(shown, { write: (t) => this.ctx.out(t) });
  }
}

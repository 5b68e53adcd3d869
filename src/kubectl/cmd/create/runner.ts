// What every `kubectl create <kind>` subcommand shares: NameFromCommandArgs, --dry-run, --save-config,
// the POST (fieldManager kubectl-create) and printing. Models k8s.io/kubectl/pkg/cmd/create/create.go
// (NameFromCommandArgs, CreateSubcommandOptions.Run) and the Run of each typed subcommand.
import type { KubeObject } from '../../../engine/api/types';
import type { ResourceInfo } from '../../../engine/api/kinds';
import { resourceFor } from '../../../engine/api/kinds';
import { StatusError } from '../../../engine/api/errors';
import { fillZeroValues } from '../../../engine/api/schema';
import type { CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { ObjectPrinter, getDryRunStrategy, type DryRun } from '../../cmdutil';
import { usageError } from '../../usage';
import { target } from '../../request-util';
import { LAST_APPLIED, lastAppliedValue } from '../apply';

/** NameFromCommandArgs: exactly one NAME before "--". */
export function nameFromArgs(p: ParsedArgs, ctx: CmdContext): string {
  const n = p.argsLenAtDash >= 0 ? p.argsLenAtDash : p.args.length;
  if (n !== 1) throw usageError(ctx, `exactly one NAME is required, got ${n}`);
  return p.args[0];
}

/** The namespace a generated object carries: only an explicit -n puts one in the object (EnforceNamespace). */
export function generatedNamespace(ctx: CmdContext): string | undefined {
  return ctx.namespaceExplicit ? ctx.namespace : undefined;
}

/** One create subcommand's generator. */
export interface CreateSpec {
  /** The resource created ("deployments"). */
  resource: [group: string, resource: string];
  /**
   * How the API error is reported: prefix "failed to create deployment: " for the typed subcommands,
   * undefined for those returning it as is (Error from server (AlreadyExists): …).
   */
  failPrefix?: string;
  /** Validate(): runs after the printer is built, before the object is. */
  validate?(p: ParsedArgs, ctx: CmdContext, name: string): void;
  /** Builds the object (may read files or the API). */
  build(p: ParsedArgs, ctx: CmdContext, name: string): Promise<KubeObject> | KubeObject;
  /** Object printed through the typed client (Go field order in JSON); false for the dynamic client. */
  typed?: boolean;
}

/**
 * util.CreateOrUpdateAnnotation with --save-config: the object's own JSON (without the annotation) as the
 * last-applied annotation. A typed object encodes as Go does (field order, zero values, an empty
 * annotations map omitted); an unstructured one (create -f) as apply does.
 */
export function withSaveConfig(obj: KubeObject, save: boolean, typed = false): KubeObject {
  if (!save) return obj;
  let value: string;
  if (typed) {
    const ann = { ...(obj.metadata?.annotations ?? {}) };
    delete ann[LAST_APPLIED];
    const meta = { ...obj.metadata, annotations: Object.keys(ann).length ? ann : undefined };
    const bare = JSON.parse(JSON.stringify({ ...obj, metadata: meta })) as KubeObject;
    value = `${JSON.stringify(fillZeroValues(bare, bare.apiVersion ?? '', bare.kind ?? '', { goOrder: true }))}\n`;
  } else {
    value = lastAppliedValue(obj);
  }
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [LAST_APPLIED]: value } } };
}

/** Sends the create (unless --dry-run=client) and prints the result. */
export async function runCreate(p: ParsedArgs, ctx: CmdContext, spec: CreateSpec): Promise<number> {
  const name = nameFromArgs(p, ctx);
  const dryRun: DryRun = getDryRunStrategy(p, ctx);
  const printer = new ObjectPrinter(ctx, { output: p.flags.output as string, operation: 'created', dryRun,
    typed: spec.typed ?? true, showManagedFields: p.flags['show-managed-fields'] as boolean });
  spec.validate?.(p, ctx, name);
  const info = resourceFor(spec.resource[0], spec.resource[1]) as ResourceInfo;
  const built = JSON.parse(JSON.stringify(await spec.build(p, ctx, name))) as KubeObject;
  let obj = withSaveConfig(built, p.flags['save-config'] as boolean, spec.typed ?? true);
  if (dryRun !== 'client') {
    const query: Record<string, string> = { fieldManager: (p.flags['field-manager'] as string) || 'kubectl-create',
      fieldValidation: validationDirective(p) };
    if (dryRun === 'server') query.dryRun = 'All';
    try {
      obj = await ctx.call<KubeObject>({ verb: 'create', ...target(info, ctx.namespace), body: obj, query });
    } catch (e) {
      if (spec.failPrefix && e instanceof StatusError) throw new CmdError(`error: ${spec.failPrefix}${e.message}`);
      throw e;
    }
  } else if (ctx.namespaceExplicit && info.namespaced && !obj.metadata?.namespace) {
    obj = { ...obj, metadata: { ...obj.metadata, namespace: ctx.namespace } };
  }
  printer.print(obj, info);
  return 0;
}

/** cmdutil.GetValidationDirective: --validate=true|strict → Strict, warn → Warn, false|ignore → Ignore. */
export function validationDirective(p: ParsedArgs): string {
  const v = ((p.flags.validate as string | undefined) ?? 'strict').toLowerCase();
  if (v === 'warn') return 'Warn';
  if (v === 'false' || v === 'ignore') return 'Ignore';
  if (v === 'true' || v === 'strict') return 'Strict';
  throw new CmdError(`error: invalid - validate option "${p.flags.validate as string}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** A name with "." and "_" made DNS-1123 and a random suffix, as create deployment names containers. */
export function sanitizeAndUniquify(name: string, seed: number): string {
  if (!/[_.]/.test(name)) return name;
  return `${name.replace(/[_.]/g, '-')}-${randomString(5, seed)}`;
}

// utilrand.String's alphabet (no vowels, no confusable digits). Deviation: seeded from the clock, so a
// transcript is reproducible.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** utilrand.String(n), from a seed. */
export function randomString(n: number, seed: number): string {
  let x = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out += ALPHANUMS[x % ALPHANUMS.length];
  }
  return out;
}

// kubectl set env. Models k8s.io/kubectl/pkg/cmd/set/set_env.go and set/env/env_parse.go: KEY=VALUE and
// KEY- arguments (or -e), --from a ConfigMap or Secret (keys as environment names), --prefix, --keys,
// -c CONTAINER, --overwrite, --list.
import type { Container, EnvVar, KubeObject } from '../../../engine/api/types';
import { isEnvVarName } from '../../../engine/api/validation';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { visitResources } from '../../resource/visit';
import { finishWithErrors } from '../label';
import { checkLocalDryRun, notAPodError, podSpecOf, runSetLoop, selectContainers, setTargets } from './shared';

const isEnvArg = (s: string) => /^.+=.*$/s.test(s) || s.endsWith('-');

/** envutil.ParseEnv. */
function parseEnv(specs: readonly string[], stdin: string | undefined): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const exists = new Set<string>();
  for (const s of specs) {
    if (s === '-') {
      if (stdin === undefined) throw new CmdError("error: when '-' is used, STDIN must be open");
      for (let line of stdin.split('\n')) {
        const hash = line.indexOf('#');
        if (hash >= 0) line = line.slice(0, hash);
        const eq = line.indexOf('=');
        if (eq >= 0) env.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      }
    } else if (s.includes('=')) {
      const eq = s.indexOf('=');
      const name = s.slice(0, eq);
      const errs = isEnvVarName(name);
      if (errs.length) throw new CmdError(`error: ${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      exists.add(name);
      env.push({ name, value: s.slice(eq + 1) });
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new CmdError(`error: unknown environment variable: ${s}`);
    }
  }
  if (remove.some((r) => exists.has(r))) throw new CmdError('error: can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

// updateEnv: existing names are replaced in place, new ones appended, removed ones dropped.
function updateEnv(existing: EnvVar[] | undefined, add: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const added = new Set<string>();
  for (const e of existing ?? []) {
    if (remove.includes(e.name)) continue;
    const replacement = add.find((a) => a.name === e.name);
    if (replacement) {
      out.push(replacement);
      added.add(e.name);
    } else out.push(e);
  }
  for (const a of add) {
    if (added.has(a.name)) continue;
    out.push(a);
    added.add(a.name);
  }
  return out;
}

/** envutil.GetEnvVarRefString. */
function refString(v: EnvVar['valueFrom']): string {
  if (v?.configMapKeyRef) return `configmap ${v.configMapKeyRef.name}, key ${v.configMapKeyRef.key}`;
  if (v?.secretKeyRef) return `secret ${v.secretKeyRef.name}, key ${v.secretKeyRef.key}`;
  if (v?.fieldRef) return `field path ${v.fieldRef.fieldPath}`;
  if (v?.resourceFieldRef) return `resource field ${v.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

async function envFrom(ctx: CmdContext, p: ParsedArgs): Promise<EnvVar[]> {
  const from = p.flags.from as string;
  if (!from) return [];
  const visited = await visitResources(ctx, [from], {});
  if (visited.errors.length) finishWithErrors(ctx, visited.errors);
  const keys = p.flags.keys as string[];
  const out: EnvVar[] = [];
  for (const i of visited.infos) {
    const data = (i.obj as KubeObject & { data?: Record<string, string> }).data ?? {};
    // Deviation: Go ranges over the map in random order; keys are taken sorted here.
    for (const key of Object.keys(data).sort()) {
      if (keys.length && !keys.includes(key)) continue;
      const name = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
      if (i.info.kind === 'Secret') out.push({ name, valueFrom: { secretKeyRef: { name: i.name, key } } });
      else if (i.info.kind === 'ConfigMap') out.push({ name, valueFrom: { configMapKeyRef: { name: i.name, key } } });
      else throw new CmdError('error: unsupported resource specified in --from');
    }
  }
  return out;
}

async function runSetEnv(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const f = p.flags;
  if (f.all && f.selector) throw new CmdError('error: cannot set --all and --selector at the same time');
  const firstEnv = p.args.findIndex(isEnvArg);
  const resources = firstEnv < 0 ? p.args : p.args.slice(0, firstEnv);
  const envArgs = firstEnv < 0 ? [] : p.args.slice(firstEnv);
  if (envArgs.some((a) => !isEnvArg(a))) throw new CmdError(`error: all resources must be specified before environment changes: ${p.args.join(' ')}`);
  const dryRun = checkLocalDryRun(p, ctx);
  if (!(f.filename as string[]).length && !resources.length) throw new CmdError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (f.list && f.output) throw new CmdError('error: --list and --output may not be specified together');
  if ((f.keys as string[]).length && !(f.from as string)) throw new CmdError('error: when specifying --keys, a configmap or secret must be provided with --from');
  const parsed = parseEnv([...(f.env as string[]), ...envArgs], ctx.io.stdin);
  const env = [...parsed.env, ...(await envFrom(ctx, p))];
  if (f.prefix) for (const e of env) e.name = `${f.prefix as string}${e.name}`;
  const infos = await setTargets(ctx, p, resources);
  const selector = f.containers as string;
  const mutate = (obj: KubeObject) => {
    const spec = podSpecOf(obj);
    if (!spec) throw notAPodError(obj);
    const containers: Container[] = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
    if (!containers.length) {
      ctx.err(`warning: ${obj.kind}/${obj.metadata?.name ?? ''} does not have any containers matching ${JSON.stringify(selector)}\n`);
      return;
    }
    for (const c of containers) {
      if (!f.overwrite) {
        for (const e of env) {
          const cur = (c.env ?? []).find((x) => x.name === e.name);
          if (cur && cur.value !== e.value) throw new Error(`'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`);
        }
      }
      c.env = updateEnv(c.env, env, parsed.remove);
      if (!c.env.length) delete c.env;
      if (f.list) {
        ctx.out(`# ${obj.kind} ${obj.metadata?.name ?? ''}, container ${c.name}\n`);
        for (const e of c.env ?? []) ctx.out(e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
      }
    }
  };
  if (f.list) {
    for (const i of infos) mutate({ kind: i.info.kind, ...structuredClone(i.obj) });
    return 0;
  }
  return runSetLoop(ctx, p, infos, mutate, { operation: 'env updated', dryRun, patchFailure: (m) => `failed to patch env update to pod template: ${m}` });
}

/** `kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N`. */
export const setEnvCommand: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  flags: flagsFor('set env'),
  run: runSetEnv,
};

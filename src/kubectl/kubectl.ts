// The kubectl root command: global flags, command lookup, error reporting and exit codes.
// Models k8s.io/kubectl/pkg/cmd/cmd.go and cobra's command resolution and suggestions.
import type { Command, CmdContext } from './command';
import { requestHelpers } from './command';
import { FlagError, parseFlags } from './flags';
import { GLOBAL_FLAGS } from './global-flags';
import { CmdError, formatError } from './errors';
import type { KubectlEnv, KubectlIO } from './types';
import { childrenOf, helpText, helpTextsLoaded, loadHelpTexts, wrapHelp } from './help/help';
import { checkRequiredFlags, flagsOfPath, resolveCommand, runHelpCommand, runWithoutImplementation,
  warnDeprecatedFlags } from './command-tree';
import { getCommand } from './cmd/get';
import { describeCommand } from './cmd/describe';
import { topCommand } from './cmd/top';
import { eventsCommand } from './cmd/events';
import { authCommand } from './cmd/auth';
import { configCommand } from './cmd/config';
import { clusterInfoCommand } from './cmd/cluster-info';
import { versionCommand } from './cmd/version';
import { apiVersionsCommand } from './cmd/api-versions';
import { apiResourcesCommand } from './cmd/api-resources';
import { explainCommand } from './cmd/explain';
import { applyCommand } from './cmd/apply';
import { deleteCommand } from './cmd/delete';
import { completionCommand } from './cmd/completion';
import { optionsCommand } from './cmd/options';
import { pluginCommand } from './cmd/plugin';
import { createCommand } from './cmd/create';
import { runCommand } from './cmd/run';
import { labelCommand } from './cmd/label';
import { annotateCommand } from './cmd/annotate';
import { patchCommand } from './cmd/patch';
import { scaleCommand } from './cmd/scale';
import { rolloutCommand } from './cmd/rollout';
import { setCommand } from './cmd/set';
import { editCommand } from './cmd/edit';
import { replaceCommand } from './cmd/replace';
import { exposeCommand } from './cmd/expose';
import { autoscaleCommand } from './cmd/autoscale';
import { cordonCommand, uncordonCommand, drainCommand, taintCommand } from './cmd/drain';
import { waitCommand } from './cmd/wait';
import { diffCommand } from './cmd/diff';
import { logsCommand } from './cmd/logs';
import { execCommand, attachCommand, cpCommand } from './cmd/exec';
import { portForwardCommand } from './cmd/port-forward';
import { debugCommand } from './cmd/debug';

/** Every top-level command. */
export const COMMANDS: Command[] = [getCommand, applyCommand, deleteCommand,
  describeCommand,
  topCommand,
  eventsCommand,
  authCommand,
  configCommand,
  clusterInfoCommand,
  versionCommand,
  apiVersionsCommand,
  apiResourcesCommand,
  explainCommand,
  completionCommand,
  optionsCommand,
  pluginCommand,
  createCommand,
  runCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  scaleCommand,
  rolloutCommand,
  setCommand,
  editCommand,
  replaceCommand,
  exposeCommand,
  autoscaleCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  waitCommand,
  diffCommand,
  logsCommand,
  execCommand,
  portForwardCommand,
  attachCommand,
  cpCommand,
  debugCommand,
];

/** The names cobra suggests from for a mistyped command, in kubectl's registration order (root help order). */
const ALL_COMMAND_NAMES = ['create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale',
  'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
  'help', 'options'];

/** Levenshtein distance, as cobra's suggestions use (SuggestionsMinimumDistance 2). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** cobra SuggestionsFor: by distance ≤ 2 or prefix, in command order. */
export function suggestionsFor(typed: string): string[] {
  return ALL_COMMAND_NAMES.filter((n) => distance(typed, n) <= 2 || n.startsWith(typed.toLowerCase()));
}

/** Finds the command word: the first argument that is not a global flag or its value. */
function splitCommand(argv: readonly string[]): { index: number } {
  const withValue = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { index: -1 };
    if (a.startsWith('-')) {
      if (withValue.has(a)) i++;
      continue;
    }
    return { index: i };
  }
  return { index: -1 };
}

/** Runs `kubectl <argv>`; resolves to the exit code. Never throws. */
export async function runKubectl(argv: readonly string[], env: KubectlEnv, io: KubectlIO): Promise<number> {
  try {
    return await dispatch(argv, env, io);
  } catch (e) {
    const { text, exitCode } = formatError(e);
    if (text) io.stderr(text.endsWith('\n') ? text : `${text}\n`);
    return exitCode;
  }
}

async function dispatch(argv: readonly string[], env: KubectlEnv, io: KubectlIO): Promise<number> {
  const { path: words, cmd, rest } = resolveCommand(argv, COMMANDS);
  if (words.length === 0) {
    const { index } = splitCommand(argv);
    if (index >= 0) {
      const word = argv[index];
      const sugg = suggestionsFor(word);
      let msg = `error: unknown command "${word}" for "kubectl"`;
      if (sugg.length) msg += `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join('')}`;
      throw new CmdError(msg);
    }
    try {
      parseFlags(argv, [...GLOBAL_FLAGS, { name: 'help', short: 'h', type: 'bool' }]);
    } catch (e) {
      if (e instanceof FlagError) throw new CmdError(`error: ${e.message}\nSee 'kubectl --help' for usage.`);
      throw e;
    }
    if (!helpTextsLoaded()) await loadHelpTexts();
    io.stdout(helpText('') ?? '');
    return 0;
  }
  const key = words.join(' ');
  const path = `kubectl ${key}`;
  let p;
  try {
    // A command's own flag shadows a global one of the same name (create rolebinding --user).
    const local = flagsOfPath(key, cmd);
    const globals = GLOBAL_FLAGS.filter((g) => !local.some((l) => l.name === g.name));
    p = parseFlags(rest, [...local, ...globals, { name: 'help', short: 'h', type: 'bool', default: false }]);
  } catch (e) {
    if (e instanceof FlagError) throw new CmdError(`error: ${e.message}\nSee '${path} --help' for usage.`);
    throw e;
  }
  // The paths that print a help text wait for the texts (a chunk fetched on first use in the built worker).
  if ((p.flags.help || !cmd?.run) && !helpTextsLoaded()) await loadHelpTexts();
  if (p.flags.help) {
    io.stdout(wrapHelp(helpText(key) ?? '', env.columns));
    return 0;
  }
  if (key === 'help' && !cmd) return runHelpCommand(p.args, COMMANDS, io);
  warnDeprecatedFlags(p, io);
  if (!cmd?.run && childrenOf(key).length) runWithoutImplementation(key, p.args, io);
  checkRequiredFlags(key, p);
  if (!cmd?.run) runWithoutImplementation(key, p.args, io);
  const ctxName = (p.flags.context as string) || env.config.currentContext;
  const context = env.config.contexts.find((c) => c.name === ctxName);
  if (!context) throw new CmdError(`error: context "${ctxName}" does not exist`);
  const nsFlag = p.flags.namespace as string;
  const ctx: CmdContext = {
    env, io,
    namespace: nsFlag || context.namespace || 'default',
    namespaceExplicit: !!nsFlag,
    commandPath: path,
    out: (t) => io.stdout(t),
    err: (t) => io.stderr(t),
    ...requestHelpers(env),
  };
  const code = await cmd.run(p, ctx);
  return typeof code === 'number' ? code : 0;
}

// Finding the command a command line names, as cobra's Command.Find does: walk down the tree by the
// first word that is not a flag (or a flag's value), at each level. Every path kubectl v1.32 has is
// known (from its captured help), so `kubectl <anything real> --help` works even where kubesim has no
// implementation.
import type { Command } from './command';
import type { FlagDef, ParsedArgs } from './flags';
import { GLOBAL_FLAGS } from './global-flags';
import { CmdError, ExitError } from './errors';
import { childrenOf, helpText, unknownHelpTopic } from './help/help';
import { DEPRECATED_FLAGS, REQUIRED_FLAGS, flagsFor } from './help/flag-defs';

/** A command line resolved to a command path. */
export interface Resolved {
  /** Command words ([] for the root, ["create", "deployment"]). */
  path: string[];
  /** The implementation, when kubesim has one. */
  cmd?: Command;
  /** The arguments left for the command (flags included), the command words removed. */
  rest: string[];
}

/** The flags of a path: the implementation's, else those its help lists. */
export function flagsOfPath(path: string, cmd: Command | undefined): readonly FlagDef[] {
  return cmd?.flags ?? flagsFor(path);
}

// cobra stripFlags: the words of argv that are not flags or flag values. A "--flag value" or "-f value"
// pair is skipped unless the flag is known to take no value (bool, or an optional value).
function nonFlagWords(argv: readonly string[], flags: readonly FlagDef[]): string[] {
  const noValue = (d: FlagDef | undefined) => !!d && (d.type === 'bool' || d.noOptDefVal !== undefined);
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === '--') break;
    if ((s.startsWith('--') && !s.includes('=') && !noValue(byName.get(s.slice(2))))
      || (s.startsWith('-') && !s.startsWith('--') && !s.includes('=') && s.length === 2 && !noValue(byShort.get(s[1])))) {
      if (argv.length - i - 1 <= 1) break;
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

/** Finds the command an argv names. `commands` are the implemented top-level commands. */
export function resolveCommand(argv: readonly string[], commands: readonly Command[]): Resolved {
  let path: string[] = [];
  let cmd: Command | undefined;
  let rest = [...argv];
  for (;;) {
    const pathKey = path.join(' ');
    const flags = path.length ? [...flagsOfPath(pathKey, cmd), ...GLOBAL_FLAGS] : GLOBAL_FLAGS;
    const word = nonFlagWords(rest, flags)[0];
    if (word === undefined) break;
    const implemented = path.length ? cmd?.subcommands ?? [] : commands;
    const impl = implemented.find((c) => c.name === word || c.aliases?.includes(word));
    const known = childrenOf(pathKey).find((c) => c.name === word || c.aliases.includes(word));
    const name = impl?.name ?? known?.name;
    if (!name) break;
    path = [...path, name];
    cmd = impl;
    const i = rest.indexOf(word);
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
  }
  return { path, cmd, rest };
}

/** Is a path one kubectl has (so its help can be shown)? */
export function isKnownPath(path: string): boolean {
  return helpText(path) !== undefined;
}

// Parents whose DefaultSubCommandRun writes to stdout (NewCmdRollout, NewCmdCertificate pass streams.Out).
const STDOUT_PARENTS = new Set(['rollout', 'certificate']);

/** `kubectl help [command…]` (cobra's help command; args without flags): the command's help, or an unknown topic. */
export function runHelpCommand(args: readonly string[], commands: readonly Command[], io: { stdout(s: string): void; stderr(s: string): void }): number {
  const r = resolveCommand(args, commands);
  if (args.length && r.path.length === 0) {
    io.stderr(unknownHelpTopic(args));
    return 0;
  }
  io.stdout(helpText(r.path.join(' ')) ?? '');
  return 0;
}

/**
 * A command with no run of its own. A parent (rollout, set, create secret …) runs cobra's
 * DefaultSubCommandRun: no arguments print its help (to stderr; rollout and certificate to stdout) and exit 1; an argument is an unknown
 * command. A leaf kubesim does not implement says so.
 */
export function runWithoutImplementation(path: string, args: readonly string[],
  io: { stdout(s: string): void; stderr(s: string): void }): never {
  if (childrenOf(path).length) {
    if (args.length) throw new CmdError(`error: unknown command "${args[0]}"\nSee 'kubectl ${path} -h' for help and examples`);
    (STDOUT_PARENTS.has(path) ? io.stdout : io.stderr)(helpText(path) ?? '');
    throw new ExitError(1);
  }
  // Deviation: kubectl has this command; kubesim does not simulate it.
  throw new CmdError(`error: "kubectl ${path}" is not supported by this simulated cluster`);
}

/** cobra ValidateRequiredFlags: `required flag(s) "image", "schedule" not set` (flags in sorted order). */
export function checkRequiredFlags(path: string, p: ParsedArgs): void {
  const missing = (REQUIRED_FLAGS[path] ?? []).filter((f) => !p.changed.has(f)).sort();
  if (missing.length) throw new CmdError(`error: required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set`);
}

/** pflag's notice for a deprecated flag that was used. */
export function warnDeprecatedFlags(p: ParsedArgs, io: { stderr(s: string): void }): void {
  for (const [name, msg] of Object.entries(DEPRECATED_FLAGS)) {
    if (p.changed.has(name)) io.stderr(`Flag --${name} has been deprecated, ${msg}\n`);
  }
}

// kubectl's help output: `kubectl <command> --help`, `-h`, `kubectl help <command>`, and the command
// tree those texts describe. Texts are captured from kubectl v1.32 (scripts/capture-kubectl-help.ts).
import { HELP_TEXTS } from './texts.generated';
import { COMPLETION_SCRIPTS } from './completion.generated';
import { ALIASES } from './flags.generated';

// In the built worker the texts and scripts are chunks fetched on first use (scripts/vite-lazy-data.ts):
// until then HELP_TEXTS has every command path with an empty text, so commands resolve without them.
// Everywhere else they are in place and loading is a no-op.

/** Are the help texts in place (always, outside the built worker)? */
export function helpTextsLoaded(): boolean {
  return HELP_TEXTS[''] !== '';
}

/** Loads the help texts; await it before reading one (helpText, unknownHelpTopic). */
export async function loadHelpTexts(): Promise<void> {
  if (!helpTextsLoaded()) await import('./texts-chunk');
}

/** What `kubectl completion <shell>` prints, by shell (loaded on first use, as the help texts). */
export async function loadCompletionScripts(): Promise<Readonly<Record<string, string>>> {
  if (COMPLETION_SCRIPTS.bash === '') await import('./completion-chunk');
  return COMPLETION_SCRIPTS;
}

/** The help text of a command path ("" for the root), or undefined for a path kubectl does not have. */
export function helpText(path: string): string | undefined {
  return HELP_TEXTS[path];
}

/** Every command path kubectl v1.32 has ("", "create", "create deployment", …). */
export function commandPaths(): string[] {
  return Object.keys(HELP_TEXTS);
}

/** The subcommands of a path, in help order, with their aliases. */
export function childrenOf(path: string): { name: string; aliases: readonly string[] }[] {
  const prefix = path ? `${path} ` : '';
  return Object.keys(HELP_TEXTS)
    .filter((k) => k.startsWith(prefix) && k !== path && !k.slice(prefix.length).includes(' ') && k.length > prefix.length)
    .map((k) => ({ name: k.slice(prefix.length), aliases: ALIASES[k] ?? [] }));
}

/**
 * What `kubectl help <unknown>` prints to stderr (cobra's help command): the topic, then the root's
 * usage (its help without the long description). Go's %#q quotes each word in backquotes.
 */
export function unknownHelpTopic(args: readonly string[]): string {
  const root = HELP_TEXTS[''];
  const topics = args.map((a) => (a.includes('`') ? JSON.stringify(a) : `\`${a}\``)).join(' ');
  return `Unknown help topic [${topics}]\n\n${root.slice(root.indexOf('\nBasic Commands'))}`;
}

/**
 * Help as a terminal `columns` wide shows it: kubectl's HelpFlagPrinter re-wraps each flag's usage to the
 * terminal width minus 10 (go-wordwrap: greedy, on spaces, long words kept whole). Without a terminal
 * (columns undefined) the text is as captured, unwrapped.
 */
export function wrapHelp(text: string, columns: number | undefined): string {
  if (!columns || columns <= 10) return text;
  const limit = columns - 10;
  return text.split('\n').map((line) => {
    if (!line.startsWith('\t')) return line;
    const words = line.slice(1).split(' ');
    const out: string[] = [];
    let cur = '';
    for (const w of words) {
      if (cur === '') cur = w;
      else if ([...cur].length + 1 + [...w].length > limit) {
        out.push(cur);
        cur = w;
      } else cur += ` ${w}`;
    }
    out.push(cur);
    return `\t${out.join('\n\t')}`;
  }).join('\n');
}

// kubectl completion SHELL. Models k8s.io/kubectl/pkg/cmd/completion/completion.go: prints the shell
// script cobra generates (captured from kubectl v1.32).
import type { Command } from '../command';
import { flagsFor } from '../help/flag-defs';
import { loadCompletionScripts } from '../help/help';
import { usageError } from '../usage';

/** `kubectl completion bash|zsh|fish|powershell`. */
export const completionCommand: Command = {
  name: 'completion',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  flags: flagsFor('completion'),
  async run(p, ctx) {
    if (p.args.length === 0) throw usageError(ctx, 'Shell not specified.');
    if (p.args.length > 1) throw usageError(ctx, 'Too many arguments. Expected only the shell type.');
    const script = (await loadCompletionScripts())[p.args[0]];
    if (script === undefined) throw usageError(ctx, `Unsupported shell type "${p.args[0]}".`);
    ctx.out(script);
    return 0;
  },
};


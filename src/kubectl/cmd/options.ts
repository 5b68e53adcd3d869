// kubectl options: the global flags. Models k8s.io/kubectl/pkg/cmd/options/options.go (captured text).
import type { Command } from '../command';
import { flagsFor } from '../help/flag-defs';
import { OPTIONS_TEXT } from '../help/options.generated';

/** `kubectl options`. */
export const optionsCommand: Command = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  flags: flagsFor('options'),
  async run(_p, ctx) {
    ctx.out(OPTIONS_TEXT);
    return 0;
  },
};

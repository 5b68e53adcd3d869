// kubectl plugin list. Models k8s.io/kubectl/pkg/cmd/plugin/plugin.go: the simulated machine has no
// kubectl-* executables on its PATH.
import type { Command } from '../command';
import { CmdError } from '../errors';
import { flagsFor } from '../help/flag-defs';

const listCommand: Command = {
  name: 'list',
  short: "List all visible plugin executables on a user's PATH",
  flags: flagsFor('plugin list'),
  async run() {
    throw new CmdError('error: unable to find any kubectl plugins in your PATH');
  },
};

/** `kubectl plugin` (its run is cobra's DefaultSubCommandRun). */
export const pluginCommand: Command = {
  name: 'plugin',
  short: 'Provides utilities for interacting with plugins',
  flags: flagsFor('plugin'),
  subcommands: [listCommand],
};

// kubectl rollout and its subcommands.
import type { Command } from '../../command';
import { flagsFor } from '../../help/flag-defs';
import { rolloutHistoryCommand } from './history';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './pause';
import { rolloutStatusCommand } from './status';
import { rolloutUndoCommand } from './undo';

/** `kubectl rollout SUBCOMMAND` (its own run is cobra's DefaultSubCommandRun). */
export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  flags: flagsFor('rollout'),
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand,
    rolloutUndoCommand],
};
export { statusViewerFor, viewHistory } from './viewers';

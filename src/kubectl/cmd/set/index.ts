// kubectl set and its subcommands.
import type { Command } from '../../command';
import { flagsFor } from '../../help/flag-defs';
import { setEnvCommand } from './env';
import { setImageCommand } from './image';
import { setResourcesCommand } from './resources';
import { setSelectorCommand, setServiceAccountCommand, setSubjectCommand } from './selector';

/** `kubectl set SUBCOMMAND` (its own run is cobra's DefaultSubCommandRun). */
export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  flags: flagsFor('set'),
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand, setSelectorCommand, setServiceAccountCommand, setSubjectCommand],
};
export { podSpecOf } from './shared';

// Every simulated program, by the id the image catalog gives its executables.
import type { Program } from '../process/context';
import { shellProgram } from '../shell/shell-program';
import { FILE_UTILS } from './coreutils/files';
import { TEXT_UTILS } from './coreutils/text';
import { SYSTEM_UTILS } from './coreutils/system';
import { NET_UTILS } from './coreutils/network-tools';
import { EXTRA_UTILS } from './coreutils/extra';
import { APP_PROGRAMS } from './apps';

const PROGRAMS: Record<string, Program> = {
  ash: shellProgram('ash'),
  sh: shellProgram('ash'),
  dash: shellProgram('dash'),
  bash: shellProgram('bash'),
  ...FILE_UTILS,
  ...TEXT_UTILS,
  ...SYSTEM_UTILS,
  ...NET_UTILS,
  ...EXTRA_UTILS,
  ...APP_PROGRAMS,
};

/** The program behind an executable's id, if the simulator implements it. */
export function programFor(id: string): Program | undefined {
  return PROGRAMS[id];
}

/** Ids of every implemented program (tests check the catalog against it). */
export function programIds(): string[] {
  return Object.keys(PROGRAMS).sort();
}

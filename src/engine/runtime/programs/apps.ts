// The application programs (servers, databases, sample apps), by program id.
import type { Program } from '../process/context';

/** Application programs by id. */
export const APP_PROGRAMS: Record<string, Program> = {};

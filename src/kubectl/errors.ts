// How kubectl reports errors. Models k8s.io/kubectl/pkg/cmd/util/helpers.go (CheckErr,
// StandardErrorMessage, MultipleErrors, MultilineError) and its exit codes.
import { StatusError } from '../engine/api/errors';
import type { ApiStatus } from '../engine/api/types';

/** An error whose message kubectl prints as is (already "error: …" formatted or not). */
export class CmdError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** `error: the server doesn't have a resource type "podz"` (meta.NoResourceMatchError). */
export class NoMatchError extends Error {}

/** Several errors, printed one per line (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n'));
  }
}

/** An exit without a message (cmdutil.ErrExit): the command already printed what it had to say. */
export class ExitError extends Error {
  constructor(readonly exitCode = 1) {
    super('exit');
  }
}

/** StandardErrorMessage: "Error from server (NotFound): …" for API errors; undefined for others. */
export function standardErrorMessage(err: unknown): string | undefined {
  if (err instanceof StatusError) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
    return `Error from server: ${s.message}`;
  }
  return undefined;
}

/**
 * MultilineError: one error on the prefix line, several as "\n* …" bullets; always ends with a newline
 * (so a cause that ends with one, like a cmp.Diff, is followed by an empty line).
 */
function multilineError(prefix: string, errs: string[]): string {
  if (errs.length === 1) return `${prefix}${errs[0]}\n`;
  return `${prefix}${errs.map((e) => `\n* ${e}`).join('')}\n`;
}

// checkErr's IsInvalid case: the server's message is shown only when there is nothing better (no
// kind/name and no causes), e.g. "The request is invalid: the server rejected our request …".
function invalidMessage(s: ApiStatus): string {
  const d = s.details;
  let msg = 'The request is invalid';
  if (!d) return s.message ? `${msg}: ${s.message}` : msg;
  const causes = d.causes ?? [];
  if (d.kind || d.name) msg = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
  else if (!causes.length && s.message) msg += `: ${s.message}`;
  if (!causes.length) return msg;
  return multilineError(`${msg}: `, causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? ''))));
}

/** The text CheckErr prints for an error, and the exit code. */
export function formatError(err: unknown): { text: string; exitCode: number } {
  if (err instanceof ExitError) return { text: '', exitCode: err.exitCode };
  if (err instanceof CmdError) return { text: err.message, exitCode: err.exitCode };
  if (err instanceof StatusError && err.status.reason === 'Invalid') return { text: invalidMessage(err.status), exitCode: 1 };
  if (err instanceof NoMatchError) return { text: `error: ${err.message}`, exitCode: 1 };
  if (err instanceof AggregateError) {
    const lines = err.errors.map((e) => standardErrorMessage(e) ?? (e instanceof Error ? e.message : String(e)));
    return { text: lines.join('\n'), exitCode: 1 };
  }
  const std = standardErrorMessage(err);
  if (std) return { text: std, exitCode: 1 };
  let msg = err instanceof Error ? err.message : String(err);
  if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  return { text: msg, exitCode: 1 };
}

/** cmdutil.AddSourceToErr: "error when creating \"f.yaml\": …" on an API error's message. */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof StatusError) {
    return new StatusError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
  }
  if (err instanceof Error) return new Error(`error when ${verb} "${source}": ${err.message}`);
  return err;
}

// How each shell words its errors and prompts: busybox ash (busybox, alpine: /bin/sh), dash
// (Debian/Ubuntu /bin/sh) and bash. Texts from busybox shell/ash.c, dash src/error.c+exec.c+cd.c
// and bash's execute_cmd.c/print_cmd.c as they appear in containers.
import type { ShellSyntaxError } from './lexer';

/** Which shell is running. */
export type ShellKind = 'ash' | 'dash' | 'bash';

/** Where an error happened: the shell's $0, the line, and whether it runs a -c string or interactively. */
export interface ErrorSite {
  arg0: string;
  line: number;
  interactive: boolean;
  /** Running `-c string` (bash words errors "line N" then). */
  cmode: boolean;
}

/** The per-shell wording. */
export interface Dialect {
  kind: ShellKind;
  /** Message prefix: "sh: ", "sh: 1: ", "bash: line 1: ". */
  prefix(s: ErrorSite): string;
  notFound(s: ErrorSite, cmd: string): string;
  cannotCreate(s: ErrorSite, path: string, err: string): string;
  cannotOpen(s: ErrorSite, path: string, err: string): string;
  cdFailed(s: ErrorSite, dir: string, err: string): string;
  permissionDenied(s: ErrorSite, path: string): string;
  syntax(s: ErrorSite, e: ShellSyntaxError | { eof: true; expecting?: string }, srcLine: string): string;
  /** PS1 for root. */
  prompt(host: string, cwd: string, home: string): string;
}

const ASH: Dialect = {
  kind: 'ash',
  prefix: (s) => `${s.arg0}: `,
  notFound: (s, c) => `${s.arg0}: ${c}: not found\n`,
  cannotCreate: (s, p, e) => `${s.arg0}: can't create ${p}: ${e}\n`,
  cannotOpen: (s, p, e) => `${s.arg0}: can't open '${p}': ${e}\n`,
  cdFailed: (s, d, e) => `${s.arg0}: cd: can't cd to ${d}: ${e}\n`,
  permissionDenied: (s, p) => `${s.arg0}: ${p}: Permission denied\n`,
  syntax: (s, e) => 'eof' in e
    ? `${s.arg0}: syntax error: unexpected end of file${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`
    : `${s.arg0}: syntax error: unexpected ${e.token === 'newline' ? 'newline' : `"${e.token}"`}${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`,
  prompt: (_h, cwd, home) => `${cwd === home ? '~' : cwd} # `,
};

const DASH: Dialect = {
  kind: 'dash',
  prefix: (s) => `${s.arg0}: ${s.line}: `,
  notFound: (s, c) => `${s.arg0}: ${s.line}: ${c}: not found\n`,
  cannotCreate: (s, p, e) => `${s.arg0}: ${s.line}: cannot create ${p}: ${e}\n`,
  cannotOpen: (s, p, e) => `${s.arg0}: ${s.line}: cannot open ${p}: ${e === 'No such file or directory' ? 'No such file' : e}\n`,
  cdFailed: (s, d) => `${s.arg0}: ${s.line}: cd: can't cd to ${d}\n`,
  permissionDenied: (s, p) => `${s.arg0}: ${s.line}: ${p}: Permission denied\n`,
  syntax: (s, e) => 'eof' in e
    ? `${s.arg0}: ${s.line}: Syntax error: end of file unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`
    : `${s.arg0}: ${s.line}: Syntax error: ${e.token === 'newline' ? 'newline' : `"${e.token}"`} unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`,
  prompt: () => '# ',
};

const bashPrefix = (s: ErrorSite) => (s.interactive ? `${s.arg0}: ` : `${s.arg0}: line ${s.line}: `);

const BASH: Dialect = {
  kind: 'bash',
  prefix: bashPrefix,
  notFound: (s, c) => `${bashPrefix(s)}${c}: command not found\n`,
  cannotCreate: (s, p, e) => `${bashPrefix(s)}${p}: ${e}\n`,
  cannotOpen: (s, p, e) => `${bashPrefix(s)}${p}: ${e}\n`,
  cdFailed: (s, d, e) => `${bashPrefix(s)}cd: ${d}: ${e}\n`,
  permissionDenied: (s, p) => `${bashPrefix(s)}${p}: Permission denied\n`,
  syntax: (s, e, src) => {
    const where = s.cmode ? `${s.arg0}: -c: line ${s.line}: ` : s.interactive ? `${s.arg0}: ` : `${s.arg0}: line ${s.line}: `;
    if ('eof' in e) return `${where}syntax error: unexpected end of file\n`;
    return `${where}syntax error near unexpected token \`${e.token}'\n${where}\`${src}'\n`;
  },
  prompt: (host, cwd, home) => `root@${host}:${cwd === home ? '~' : cwd}# `,
};

/** The dialect of a shell program id. */
export function dialectOf(kind: ShellKind): Dialect {
  return kind === 'ash' ? ASH : kind === 'dash' ? DASH : BASH;
}

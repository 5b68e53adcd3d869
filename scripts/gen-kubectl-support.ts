// Generates docs/kubectl-support.md from what the tests run: the command lines of the golden transcripts
// (tests/golden/*.sh, pinned byte for byte), the oracle cases (tests/oracle/cases.ts, compared with the real
// kubectl v1.32 against `kubesim serve`) and the client-side cases (tests/kubectl-client/*.test.ts, compared
// with the real binary). A command, flag or kind appears only when a test runs it.
// Transcripts are read with the simulated shell's own parser (heredocs, quotes, loops).
// `npm run docs:kubectl` rewrites the file; tests/kubectl-client/support-matrix.test.ts fails when it is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMANDS } from '../src/kubectl';
import { resolveCommand } from '../src/kubectl/command-tree';
import type { Command } from '../src/kubectl/command';
import { GLOBAL_FLAGS } from '../src/kubectl/global-flags';
import { RESOURCES } from '../src/engine/api/kinds';
import * as oracle from '../tests/oracle/cases';
import { IncompleteInput, parseScript } from '../src/engine/runtime/shell/parser';
import type { Command as ShellCommand, List, Word } from '../src/engine/runtime/shell/ast';

const ROOT = resolve(import.meta.dirname, '..');

type Source = 'golden' | 'oracle' | 'client';
interface Use { argv: string[]; source: Source; file: string }

/** A word's text as the shell would pass it, expansions left as written (`$X`, `$(…)`). */
function wordText(w: Word): string {
  return w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? `~${p.user}` : p.t === 'param' ? `$${p.name}`
    : p.t === 'cmd' ? `$(${p.src})` : `$((${p.src}))`)).join('');
}

/** The words of every simple command in a parsed list (loops, groups and pipelines walked). */
function simpleCommands(list: List, out: string[][] = []): string[][] {
  const visit = (c: ShellCommand): void => {
    switch (c.t) {
      case 'simple': if (c.words.length) out.push(c.words.map(wordText)); break;
      case 'if': for (const k of c.clauses) { simpleCommands(k.cond, out); simpleCommands(k.body, out); } if (c.else) simpleCommands(c.else, out); break;
      case 'while': simpleCommands(c.cond, out); simpleCommands(c.body, out); break;
      case 'for': case 'group': case 'subshell': simpleCommands(c.body, out); break;
      case 'case': for (const k of c.items) simpleCommands(k.body, out); break;
      case 'func': visit(c.body); break;
    }
  };
  for (const { cmd } of list.items) for (const p of [cmd.first, ...cmd.rest.map((r) => r.p)]) p.cmds.forEach(visit);
  return out;
}

/** Splits shell text into its simple commands' words, with the project's shell parser (quotes, pipes, redirects). */
export function shellCommands(text: string): string[][] {
  return simpleCommands(parseScript(text));
}

/**
 * The kubectl command lines of a transcript. Parsed statement by statement: a transcript may hold lines the
 * harness gives meaning to (what the learner types into `kubectl exec -it`, `^C`), which are skipped when
 * they are not shell.
 */
function transcriptCommands(text: string): string[][] {
  const out: string[][] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    pending += `${line}\n`;
    let words: string[][];
    try {
      words = shellCommands(pending);
    } catch (e) {
      if (e instanceof IncompleteInput) continue;
      pending = '';
      continue;
    }
    pending = '';
    for (const w of words) if (w[0] === 'kubectl') out.push(w.slice(1));
  }
  return out;
}

function collectUses(): Use[] {
  const uses: Use[] = [];
  const golden = join(ROOT, 'tests/golden');
  for (const f of readdirSync(golden).filter((x) => x.endsWith('.sh')).sort()) {
    for (const argv of transcriptCommands(readFileSync(join(golden, f), 'utf8'))) uses.push({ argv, source: 'golden', file: `tests/golden/${f}` });
  }
  for (const [name, cases] of Object.entries(oracle).sort(([a], [b]) => a.localeCompare(b))) {
    if (!Array.isArray(cases)) continue;
    for (const c of cases as (string | { line: string })[]) {
      const line = typeof c === 'string' ? c : c.line;
      for (const words of shellCommands(line)) uses.push({ argv: words[0] === 'kubectl' ? words.slice(1) : words, source: 'oracle', file: `tests/oracle/cases.ts ${name}` });
    }
  }
  const client = join(ROOT, 'tests/kubectl-client');
  for (const f of readdirSync(client).filter((x) => x.endsWith('.test.ts')).sort()) {
    const text = readFileSync(join(client, f), 'utf8');
    for (const m of text.matchAll(/args: (\[[^\]]*\])/g)) {
      try {
        const argv = JSON.parse(m[1].replace(/'/g, '"')) as unknown;
        if (Array.isArray(argv) && argv.every((x) => typeof x === 'string')) uses.push({ argv, source: 'client', file: `tests/kubectl-client/${f}` });
      } catch { /* an args array built from expressions: not a literal case */ }
    }
  }
  return uses;
}

function flagsOf(path: string[]): Map<string, string> {
  // Every name and shorthand → the long name, for this command and the global flags.
  let cmds: readonly Command[] = COMMANDS;
  let cmd: Command | undefined;
  for (const p of path) { cmd = cmds.find((c) => c.name === p); cmds = cmd?.subcommands ?? []; }
  const names = new Map<string, string>([['h', 'help'], ['help', 'help']]);
  for (const f of [...(cmd?.flags ?? []), ...GLOBAL_FLAGS]) {
    names.set(f.name, f.name);
    if (f.short) names.set(f.short, f.name);
  }
  return names;
}

const KIND_WORDS = new Map<string, string>();
for (const r of RESOURCES) {
  for (const w of [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames]) if (!KIND_WORDS.has(w)) KIND_WORDS.set(w, r.resource);
  KIND_WORDS.set(`${r.resource}.${r.group}`, r.resource);
}
KIND_WORDS.set('all', 'all');

interface Row { path: string; flags: Set<string>; kinds: Set<string>; files: Map<string, Source>; count: Record<Source, number> }

/** The markdown of docs/kubectl-support.md. */
export function generateSupportMatrix(): string {
  const rows = new Map<string, Row>();
  const kinds = new Map<string, Set<string>>();
  for (const u of collectUses()) {
    const { path, rest } = resolveCommand(u.argv, COMMANDS);
    const key = path.join(' ');
    let row = rows.get(key);
    if (!row) rows.set(key, row = { path: key, flags: new Set(), kinds: new Set(), files: new Map(), count: { golden: 0, oracle: 0, client: 0 } });
    row.count[u.source]++;
    row.files.set(u.file.split(' ')[0], u.source);
    const names = flagsOf(path);
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--') break;
      // Unknown flags are error cases (kubectl's "unknown flag" is tested), not support.
      if (a.startsWith('--')) {
        const long = names.get(a.slice(2).split('=')[0]);
        if (long) row.flags.add(`--${long}`);
      } else if (a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1).split('=')[0]) { const long = names.get(ch); if (!long) break; row.flags.add(`--${long}`); }
      } else if (/^[a-z0-9.,/-]+$/.test(a)) {
        for (const part of a.split(',')) {
          const resource = KIND_WORDS.get(part.split('/')[0]);
          if (!resource) continue;
          row.kinds.add(resource);
          let verbs = kinds.get(resource);
          if (!verbs) kinds.set(resource, verbs = new Set());
          verbs.add(key);
        }
      }
    }
  }
  const implemented: string[] = [];
  const walk = (cs: readonly Command[], prefix: string[]) => {
    for (const c of cs) {
      const p = [...prefix, c.name];
      if (c.run) implemented.push(p.join(' '));
      if (c.subcommands) walk(c.subcommands, p);
    }
  };
  walk(COMMANDS, []);
  const code = (s: string) => `\`${s}\``;
  const lines: string[] = [
    '# kubectl support matrix',
    '',
    'Generated by `scripts/gen-kubectl-support.ts` (`npm run docs:kubectl`) from the command lines the tests run; do not',
    'edit by hand. Evidence: **golden** = a `kubesim script` transcript pinned byte for byte (tests/golden/),',
    '**oracle** = compared with the real kubectl v1.32 against `kubesim serve` (tests/oracle/), **client** = compared',
    'with the real kubectl v1.32 binary on client-side behaviour (tests/kubectl-client/). A flag or kind is listed only',
    'when a test passes it; a command without evidence is implemented but not yet shown by a test.',
    '',
    '## Commands',
    '',
    '| Command | Evidence (cases) | Flags shown by tests | Kinds shown by tests |',
    '| --- | --- | --- | --- |',
  ];
  const all = [...new Set([...implemented, ...rows.keys()])].sort();
  for (const k of all) {
    const r = rows.get(k);
    const ev = r ? (['golden', 'oracle', 'client'] as Source[]).filter((s) => r.count[s]).map((s) => `${s} ${r.count[s]}`).join(', ') : '— (no test yet)';
    lines.push(`| ${code(`kubectl ${k}`.trim())} | ${ev} | ${r ? [...r.flags].sort().map(code).join(' ') : ''} | ${r ? [...r.kinds].sort().join(', ') : ''} |`);
  }
  lines.push('', '## Kinds', '', '| Resource | Commands a test runs on it |', '| --- | --- |');
  for (const r of [...kinds.keys()].sort()) lines.push(`| ${r} | ${[...kinds.get(r)!].sort().map(code).join(' ')} |`);
  lines.push('', '## Test files', '');
  const files = new Map<string, Source>();
  for (const r of rows.values()) for (const [f, s] of r.files) files.set(f, s);
  for (const f of [...files.keys()].sort()) lines.push(`- ${f} (${files.get(f)})`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(join(ROOT, 'docs/kubectl-support.md'), generateSupportMatrix());
}

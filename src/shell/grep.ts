// A small GNU grep for the host shell: -i -v -E -c -w -n -q -o, -e PATTERN (any number), and the context options -A/-B/-C
// (`kubectl describe pod web | grep -A 10 Events`): context lines, "--" between groups that do not
// touch, "N:" / "N-" prefixes with -n, as GNU grep 3.x prints them.
import type { ProcIO } from './builtins';

interface GrepOptions {
  ignoreCase: boolean;
  invert: boolean;
  extended: boolean;
  count: boolean;
  word: boolean;
  lineNumbers: boolean;
  quiet: boolean;
  /** -o: only the matched parts, one per line. */
  only: boolean;
  after: number;
  before: number;
  /** Patterns given with -e/--regexp; when there are any, every operand is a file. */
  patterns: string[];
}

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n';

/** Parses grep's arguments; a string is an error message (exit 2). */
function parse(args: string[]): { o: GrepOptions; rest: string[] } | string {
  const o: GrepOptions = { ignoreCase: false, invert: false, extended: false, count: false, word: false, lineNumbers: false, quiet: false, only: false,
    after: 0, before: 0, patterns: [] };
  const rest: string[] = [];
  const context = (v: string | undefined, c = 'A'): number | string => {
    if (v === undefined) return `grep: option requires an argument -- '${c}'\n${USAGE}`;
    if (!/^\d+$/.test(v)) return `grep: ${v}: invalid context length argument\n`;
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--regexp=')) {
      o.patterns.push(a.slice('--regexp='.length));
      continue;
    }
    const long = /^--(after|before)?-?context=(.*)$/.exec(a);
    if (long) {
      const n = context(long[2]);
      if (typeof n === 'string') return n;
      if (long[1] !== 'before') o.after = n;
      if (long[1] !== 'after') o.before = n;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    // A cluster of short options; A/B/C take the rest of the word or the next argument.
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'e') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return `grep: option requires an argument -- 'e'\n${USAGE}`;
        o.patterns.push(v);
        break;
      }
      if ('ABC'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        const n = context(v, c);
        if (typeof n === 'string') return n;
        if (c !== 'B') o.after = n;
        if (c !== 'A') o.before = n;
        break;
      }
      const flag = ({ i: 'ignoreCase', v: 'invert', E: 'extended', c: 'count', w: 'word', n: 'lineNumbers', q: 'quiet', o: 'only' } as const)[c as 'i'];
      if (!flag) return `grep: invalid option -- '${c}'\n${USAGE}`;
      o[flag] = true;
    }
  }
  return { o, rest };
}

/**
 * A basic regular expression as a JavaScript one: . * [ ] ^ $ are special; + ? { } ( ) | are literal
 * unless backslashed (GNU's \+ \? \| \( \) \{ \}); other backslash escapes keep their meaning.
 */
function basic(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      out += '+?{}()|'.includes(n) ? n : `\\${n}`;
    } else out += '+?{}()|'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

/** grep. */
export function grep(io: ProcIO, inputOf: (io: ProcIO, files: string[]) => string | undefined): number {
  const parsed = parse(io.args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const { o, rest } = parsed;
  if (!rest.length && !o.patterns.length) {
    io.err(USAGE);
    return 2;
  }
  // A line matches when any pattern does (GNU grep: -e PATTERN may repeat).
  const patterns = o.patterns.length ? o.patterns : [rest[0]];
  const files = o.patterns.length ? rest : rest.slice(1);
  const t = inputOf(io, files);
  if (t === undefined) return 2;
  let re: RegExp;
  try {
    const src = patterns.map((p) => `(?:${o.extended ? p : basic(p)})`).join('|');
    re = new RegExp(o.word ? `(?<![\\w])(?:${src})(?![\\w])` : src, o.ignoreCase ? 'i' : '');
  } catch {
    io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const ls = t.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  const hit = ls.map((l) => re.test(l) !== o.invert);
  const hits = hit.filter(Boolean).length;
  if (o.quiet) return hits ? 0 : 1;
  if (o.count) {
    io.out(`${hits}\n`);
    return hits ? 0 : 1;
  }
  if (o.only) {
    // GNU grep -o: every non-empty match of a selected line on its own line; -v selects lines with none,
    // so nothing is printed; context options do not apply.
    const g = new RegExp(re.source, `${re.flags}g`);
    for (let i = 0; i < ls.length; i++) {
      if (!hit[i] || o.invert) continue;
      for (const m of ls[i].matchAll(g)) if (m[0]) io.out(`${o.lineNumbers ? `${i + 1}:` : ''}${m[0]}\n`);
    }
    return hits ? 0 : 1;
  }
  let lastPrinted = -1;
  let afterLeft = 0;
  const print = (i: number, sep: string) => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (o.after || o.before)) io.out('--\n');
    io.out(`${o.lineNumbers ? `${i + 1}${sep}` : ''}${ls[i]}\n`);
    lastPrinted = i;
  };
  for (let i = 0; i < ls.length; i++) {
    if (hit[i]) {
      for (let k = Math.max(lastPrinted + 1, i - o.before); k < i; k++) print(k, '-');
      print(i, ':');
      afterLeft = o.after;
    } else if (afterLeft > 0) {
      afterLeft--;
      print(i, '-');
    }
  }
  return hits ? 0 : 1;
}

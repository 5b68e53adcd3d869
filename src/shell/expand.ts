// Word expansion for the host bash (bash manual "Shell Expansions"): parameters with the ${x:-w}
// family, $(…) and `…` command substitution, $((…)) arithmetic, word splitting on IFS, pathname
// expansion against the learner's files, quote removal. Async, because a substitution runs commands
// (kubectl, sleep) on the simulated clock. The syntax tree is the one the container shells use.
import type { Word, WordPart } from '../engine/runtime/shell/ast';
import { evalArith, ArithError } from '../engine/runtime/shell/arith';
import { globRegex } from '../engine/runtime/shell/expand';
import { Lexer } from '../engine/runtime/shell/lexer';
import type { MemFS } from './memfs';

/** An expansion error bash reports as "bash: <message>" (the command line is abandoned, status 1). */
export class BashExpansionError extends Error {}

/** What expansion reads from and writes to the shell. */
export interface ExpandEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  positional(): string[];
  /** Runs a command substitution and resolves to its output. */
  subst(src: string): Promise<string>;
  fs: MemFS;
}

interface Seg { text: string; quoted: boolean; split: boolean; fieldBreak?: boolean }

async function paramValue(part: Extract<WordPart, { t: 'param' }>, env: ExpandEnv): Promise<string | string[]> {
  const { name, op } = part;
  if ((name === '@' || name === '*') && !op) {
    const pos = env.positional();
    return part.quoted && name === '@' ? pos : pos.join(' ');
  }
  const raw = name === '@' || name === '*' ? env.positional().join(' ') : env.get(name);
  const arg = async (): Promise<string> => (part.arg ? expandString(part.arg, env) : '');
  switch (op) {
    case undefined: return raw ?? '';
    case '#len': return String((raw ?? '').length);
    case ':-': return raw ? raw : arg();
    case '-': return raw !== undefined ? raw : arg();
    case ':=': case '=': {
      if (op === ':=' ? raw : raw !== undefined) return raw!;
      const v = await arg();
      env.set(name, v);
      return v;
    }
    case ':+': return raw ? arg() : '';
    case '+': return raw !== undefined ? arg() : '';
    case ':?': case '?': {
      if (op === ':?' ? raw : raw !== undefined) return raw!;
      const msg = await arg();
      throw new BashExpansionError(`${name}: ${msg || (op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    case '%': case '%%': case '#': case '##': {
      const v = raw ?? '';
      const re = globRegex(await arg(), true);
      const idxs = [...Array(v.length + 1).keys()];
      if (op.startsWith('%')) {
        for (const i of op === '%%' ? idxs : idxs.reverse()) if (re.test(v.slice(i))) return v.slice(0, i);
      } else {
        for (const i of op === '##' ? idxs.reverse() : idxs) if (re.test(v.slice(0, i))) return v.slice(i);
      }
      return v;
    }
  }
  return raw ?? '';
}

async function partSegs(part: WordPart, env: ExpandEnv): Promise<Seg[]> {
  switch (part.t) {
    case 'lit': return [{ text: part.v, quoted: part.quoted, split: false }];
    case 'tilde': return [{ text: part.user === '' ? env.get('HOME') ?? '/' : `~${part.user}`, quoted: true, split: false }];
    case 'param': {
      const v = await paramValue(part, env);
      if (Array.isArray(v)) {
        const segs: Seg[] = [];
        v.forEach((x, i) => {
          if (i > 0) segs.push({ text: '', quoted: true, split: false, fieldBreak: true });
          segs.push({ text: x, quoted: true, split: false });
        });
        return segs;
      }
      return [{ text: v, quoted: part.quoted, split: !part.quoted }];
    }
    case 'cmd': {
      // bash drops every trailing newline of the output.
      const out = (await env.subst(part.src)).replace(/\n+$/, '');
      return [{ text: out, quoted: part.quoted, split: !part.quoted }];
    }
    case 'arith': return [{ text: String(await arith(part.src, env)), quoted: part.quoted, split: !part.quoted }];
  }
}

/** $((…)): $x and $(…) inside are expanded first, then the C-like expression is evaluated. */
async function arith(src: string, env: ExpandEnv): Promise<number> {
  // The expression is read as one word (no splitting), so $x, ${x}, $(…) and `…` expand in place.
  const text = src.includes('$') || src.includes('`') ? await expandString(new Lexer(src).word(() => false), env) : src;
  try {
    return evalArith(text, env);
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    // bash: "1/0: division by 0 (error token is "0")"; the evaluator names the problem, not the token.
    const expr = text.trim();
    const msg = e.message === 'division by zero' ? `division by 0 (error token is "${/[/%]\s*([^/%]*)$/.exec(expr)?.[1].trim() ?? ''}")`
      : e.message.replace(/^arithmetic syntax error$/, 'syntax error: operand expected');
    throw new BashExpansionError(`${expr}: ${msg}`);
  }
}

/** Expands a word to one string: no splitting or globbing (assignments, redirection targets, case words). */
export async function expandString(w: Word, env: ExpandEnv): Promise<string> {
  let s = '';
  for (const p of w.parts) for (const seg of await partSegs(p, env)) s += seg.fieldBreak ? ' ' : seg.text;
  return s;
}

interface Field { text: string; glob: boolean[] }

/** The alternatives of the first brace expression in s: {a,b}, {1..9}, {01..10}, {a..e}, {1..10..3}. */
function braceAlternatives(s: string): { before: string; alts: string[]; after: string } | undefined {
  for (let i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) break;
    }
    if (j >= s.length) return undefined;
    const body = s.slice(i + 1, j);
    const seq = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
    let alts: string[] | undefined;
    if (seq) {
      const numeric = /\d/.test(seq[1]) && /\d/.test(seq[2]);
      if (numeric || (/[A-Za-z]/.test(seq[1]) && /[A-Za-z]/.test(seq[2]))) {
        const a = numeric ? Number(seq[1]) : seq[1].charCodeAt(0);
        const b = numeric ? Number(seq[2]) : seq[2].charCodeAt(0);
        const step = Math.abs(Number(seq[3] ?? 1)) || 1;
        const width = numeric && /^-?0\d/.test(seq[1] + seq[2]) ? Math.max(seq[1].length, seq[2].length) : 0;
        alts = [];
        for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) {
          alts.push(numeric ? String(x).padStart(width, '0') : String.fromCharCode(x));
        }
      }
    } else {
      // {a,b}: split on top-level commas; one alternative alone is no brace expression.
      const parts: string[] = [];
      let d = 0;
      let last = 0;
      for (let k = 0; k < body.length; k++) {
        if (body[k] === '{') d++;
        else if (body[k] === '}') d--;
        else if (body[k] === ',' && d === 0) { parts.push(body.slice(last, k)); last = k + 1; }
      }
      parts.push(body.slice(last));
      if (parts.length > 1) alts = parts;
    }
    if (alts) return { before: s.slice(0, i), alts, after: s.slice(j + 1) };
  }
  return undefined;
}

/** Brace expansion on a word's unquoted literal text (bash does it before any other expansion). */
export function braceExpand(w: Word): Word[] {
  const idx = w.parts.findIndex((p) => p.t === 'lit' && !p.quoted && braceAlternatives(p.v));
  if (idx < 0) return [w];
  const part = w.parts[idx] as Extract<WordPart, { t: 'lit' }>;
  const b = braceAlternatives(part.v)!;
  return b.alts.flatMap((alt) => braceExpand({
    raw: w.raw,
    parts: [...w.parts.slice(0, idx), { ...part, v: `${b.before}${alt}${b.after}` }, ...w.parts.slice(idx + 1)],
  }));
}

/** Expands command words into fields: braces, then splitting unquoted results on IFS, then pathname expansion. */
export async function expandWords(words: Word[], env: ExpandEnv): Promise<string[]> {
  const ifs = env.get('IFS') ?? ' \t\n';
  const out: string[] = [];
  for (const w of words.flatMap(braceExpand)) {
    const fields: Field[] = [];
    let cur: Field | undefined;
    const push = (text: string, glob: boolean) => {
      cur ??= { text: '', glob: [] };
      cur.text += text;
      for (let i = 0; i < text.length; i++) cur.glob.push(glob);
    };
    for (const p of w.parts) {
      for (const seg of await partSegs(p, env)) {
        if (seg.fieldBreak) {
          if (cur) fields.push(cur);
          cur = { text: '', glob: [] };
        } else if (!seg.split) {
          push(seg.text, !seg.quoted);
          if (seg.quoted && seg.text === '') cur ??= { text: '', glob: [] };
        } else {
          for (const ch of seg.text) {
            if (ifs.includes(ch)) {
              if (cur) fields.push(cur);
              cur = undefined;
            } else push(ch, true);
          }
        }
      }
    }
    if (cur) fields.push(cur);
    for (const f of fields) out.push(...globField(f, env.fs));
  }
  return out;
}

/** Expands a here-document body: $x, ${x}, $(…), `…` and $((…)); backslash escapes \$ \` \\. */
export async function expandHeredoc(body: string, env: ExpandEnv, parseWord: (s: string) => Word): Promise<string> {
  if (!/[$`\\]/.test(body)) return body;
  // Reuse the double-quote rules: the body is a double-quoted word whose quotes are literal.
  const escaped = body.replace(/"/g, '\\"');
  return expandString(parseWord(`"${escaped}"`), env);
}

function globField(f: Field, fs: MemFS): string[] {
  const has = [...f.text].some((c, i) => f.glob[i] && (c === '*' || c === '?' || c === '['));
  if (!has) return [f.text];
  let pattern = '';
  for (let i = 0; i < f.text.length; i++) pattern += f.glob[i] || !'*?[]\\'.includes(f.text[i]) ? f.text[i] : `\\${f.text[i]}`;
  const matches = pathnameExpand(pattern, fs);
  // bash leaves a pattern that matches nothing as it is (nullglob off).
  return matches.length ? matches : [f.text];
}

/** Matches a glob pattern against the learner's files, sorted as bash sorts them. */
export function pathnameExpand(pattern: string, fs: MemFS): string[] {
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s) => s !== '');
  let paths: string[] = [abs ? '/' : ''];
  for (const seg of segs) {
    const next: string[] = [];
    for (const base of paths) {
      const join = (n: string) => (base === '' ? n : `${base === '/' ? '' : base}/${n}`);
      if (!/[*?[]/.test(seg.replace(/\\./g, ''))) {
        const p = join(seg.replace(/\\(.)/g, '$1'));
        if (fs.exists(p)) next.push(p);
        continue;
      }
      const re = globRegex(seg, true);
      for (const n of fs.list(base === '' ? '.' : base)) {
        if (n.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(n)) next.push(join(n));
      }
    }
    paths = next;
  }
  return paths.filter((p) => p !== '' && p !== '/').sort();
}

// Word expansion (XCU 2.6): tilde, parameter, command substitution, arithmetic, field splitting,
// pathname expansion and quote removal. Generators, because a command substitution runs a script
// (which may sleep on the simulated clock).
import type { Word, WordPart } from './ast';
import type { Effect } from '../process/effects';
import type { ContainerFS } from '../filesystem/container-fs';
import { evalArith } from './arith';

/** `${x:?msg}` on an unset x, `${x=y}` on a special parameter: the shell reports and fails. */
export class ExpansionError extends Error {}

/** What the expander needs from the shell. */
export interface ExpandEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** Positional parameters ($1 …), for $@ and $*. */
  positional(): string[];
  /** Runs a command substitution; returns its output. */
  subst(src: string): Generator<Effect, string, unknown>;
  fs: ContainerFS;
  cwd: string;
  home(): string;
  nounset: boolean;
}

interface Seg { text: string; quoted: boolean; split: boolean; fieldBreak?: boolean }

type Gen<T> = Generator<Effect, T, unknown>;

function* paramValue(part: Extract<WordPart, { t: 'param' }>, env: ExpandEnv): Gen<string | string[]> {
  const { name, op } = part;
  if (name === '@' || name === '*') {
    const pos = env.positional();
    if (!op) return part.quoted && name === '@' ? pos : pos.join(name === '*' ? ' ' : ' ');
  }
  const raw = name === '@' || name === '*' ? env.positional().join(' ') : env.get(name);
  const argOf = function* (): Gen<string> {
    return part.arg ? yield* expandToString(part.arg, env) : '';
  };
  switch (op) {
    case undefined:
      if (raw === undefined && env.nounset && !/^[?$#!\-0-9@*]$/.test(name)) throw new ExpansionError(`${name}: parameter not set`);
      return raw ?? '';
    case '#len': return String((raw ?? '').length);
    case ':-': return raw ? raw : yield* argOf();
    case '-': return raw !== undefined ? raw : yield* argOf();
    case ':=': case '=': {
      if (op === ':=' ? raw : raw !== undefined) return raw!;
      const v = yield* argOf();
      env.set(name, v);
      return v;
    }
    case ':+': return raw ? yield* argOf() : '';
    case '+': return raw !== undefined ? yield* argOf() : '';
    case ':?': case '?': {
      if (op === ':?' ? raw : raw !== undefined) return raw!;
      const msg = yield* argOf();
      throw new ExpansionError(`${name}: ${msg || 'parameter not set'}`);
    }
    case '%': case '%%': case '#': case '##': {
      const v = raw ?? '';
      const re = globRegex(yield* argOf(), false);
      const longest = op.length === 2;
      if (op.startsWith('%')) {
        const idxs = [...Array(v.length + 1).keys()];
        for (const i of longest ? idxs : idxs.reverse()) if (re.test(v.slice(i))) return v.slice(0, i);
      } else {
        const idxs = [...Array(v.length + 1).keys()];
        for (const i of longest ? idxs.reverse() : idxs) if (re.test(v.slice(0, i))) return v.slice(i);
      }
      return v;
    }
  }
  return raw ?? '';
}

function* partSegs(part: WordPart, env: ExpandEnv): Gen<Seg[]> {
  switch (part.t) {
    case 'lit': return [{ text: part.v, quoted: part.quoted, split: false }];
    case 'tilde': return [{ text: part.user === '' ? env.home() : part.user === 'root' ? '/root' : `~${part.user}`, quoted: true, split: false }];
    case 'param': {
      const v = yield* paramValue(part, env);
      if (Array.isArray(v)) {
        const segs: Seg[] = [];
        v.forEach((x, i) => {
          if (i > 0) segs.push({ text: '', quoted: true, split: false, fieldBreak: true });
          segs.push({ text: x, quoted: true, split: false });
        });
        return segs.length ? segs : [];
      }
      return [{ text: v, quoted: part.quoted, split: !part.quoted }];
    }
    case 'cmd': {
      const out = (yield* env.subst(part.src)).replace(/\n+$/, '');
      return [{ text: out, quoted: part.quoted, split: !part.quoted }];
    }
    case 'arith': {
      const src = yield* expandToString({ parts: [{ t: 'lit', v: '', quoted: true }, ...reparse(part.src)], raw: part.src }, env);
      return [{ text: String(evalArith(src, env)), quoted: part.quoted, split: !part.quoted }];
    }
  }
}

/** Parameters inside $(( )) are expanded first ($x); bare names are read by the evaluator. */
function reparse(src: string): WordPart[] {
  const parts: WordPart[] = [];
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9])\}?/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) parts.push({ t: 'lit', v: src.slice(last, m.index), quoted: true });
    parts.push({ t: 'param', name: m[1], quoted: true });
    last = m.index + m[0].length;
  }
  if (last < src.length) parts.push({ t: 'lit', v: src.slice(last), quoted: true });
  return parts;
}

/** Expands a word without field splitting or globbing (assignments, redirection targets, case words). */
export function* expandToString(w: Word, env: ExpandEnv): Gen<string> {
  let s = '';
  for (const p of w.parts) {
    const segs = yield* partSegs(p, env);
    for (const seg of segs) s += seg.fieldBreak ? ' ' : seg.text;
  }
  return s;
}

/** A field with, per character, whether it may act as a glob metacharacter. */
interface Field { text: string; glob: boolean[] }

/** Expands command words into fields (splitting on IFS, then pathname expansion). */
export function* expandWords(words: Word[], env: ExpandEnv): Gen<string[]> {
  const ifs = env.get('IFS') ?? ' \t\n';
  const out: string[] = [];
  for (const w of words) {
    const fields: Field[] = [];
    let cur: Field | undefined;
    const push = (text: string, glob: boolean) => {
      cur ??= { text: '', glob: [] };
      cur.text += text;
      for (let i = 0; i < text.length; i++) cur.glob.push(glob);
    };
    for (const p of w.parts) {
      for (const seg of yield* partSegs(p, env)) {
        if (seg.fieldBreak) {
          if (cur) fields.push(cur);
          cur = { text: '', glob: [] };
          continue;
        }
        if (!seg.split) {
          push(seg.text, !seg.quoted);
          if (seg.quoted && seg.text === '') cur ??= { text: '', glob: [] };
          continue;
        }
        for (const ch of seg.text) {
          if (ifs.includes(ch)) {
            if (cur) fields.push(cur);
            cur = undefined;
          } else push(ch, true);
        }
      }
    }
    if (cur) fields.push(cur);
    for (const f of fields) out.push(...globField(f, env));
  }
  return out;
}

function globField(f: Field, env: ExpandEnv): string[] {
  const has = [...f.text].some((c, i) => f.glob[i] && (c === '*' || c === '?' || c === '['));
  if (!has) return [f.text];
  let pattern = '';
  for (let i = 0; i < f.text.length; i++) pattern += f.glob[i] || !'*?[]\\'.includes(f.text[i]) ? f.text[i] : `\\${f.text[i]}`;
  const matches = pathnameExpand(pattern, env.fs, env.cwd);
  return matches.length ? matches : [f.text];
}

/** Matches a glob pattern against the container's files (sorted, as the shells sort). */
export function pathnameExpand(pattern: string, fs: ContainerFS, cwd: string): string[] {
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [abs ? '/' : ''];
  for (const seg of abs ? segs.slice(1) : segs) {
    const next: string[] = [];
    for (const base of paths) {
      const dir = base === '' ? cwd : base;
      if (!/[*?[]/.test(seg.replace(/\\./g, ''))) {
        const p = base === '' ? seg.replace(/\\(.)/g, '$1') : `${base === '/' ? '' : base}/${seg.replace(/\\(.)/g, '$1')}`;
        if (fs.stat(p.startsWith('/') ? p : `${cwd}/${p}`)) next.push(p);
        continue;
      }
      const names = fs.list(dir);
      if (!Array.isArray(names)) continue;
      const re = globRegex(seg, true);
      for (const n of names) {
        if (n.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(n)) next.push(base === '' ? n : `${base === '/' ? '' : base}/${n}`);
      }
    }
    paths = next;
  }
  return paths.sort();
}

/** A glob pattern as an anchored RegExp (`*`, `?`, `[...]`, backslash escapes). */
export function globRegex(pattern: string, anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) { re += '\\['; continue; }
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : `^${re}$`, 's');
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Expands a case pattern: quoted characters lose their glob meaning (escaped with a backslash). */
export function* expandPattern(w: Word, env: ExpandEnv): Gen<string> {
  let s = '';
  for (const p of w.parts) {
    for (const seg of yield* partSegs(p, env)) {
      s += seg.quoted ? seg.text.replace(/[*?[\]\\]/g, (c) => `\\${c}`) : seg.text;
    }
  }
  return s;
}

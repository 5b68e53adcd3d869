// Token recognition for the shell (XCU 2.3): words with their quoting, operators, newlines and
// here-document bodies. Words keep their structure (literal, $param, $(cmd), $((arith))) so the
// expander knows what was quoted.
import type { ParamOp, Word, WordPart } from './ast';

/** A lexical token. */
export type Token =
  | { t: 'word'; word: Word; line: number }
  | { t: 'op'; op: string; line: number }
  | { t: 'io'; fd: number; op: string; line: number }
  | { t: 'nl'; line: number }
  | { t: 'eof'; line: number };

/** Input ended inside a construct (a quote, a `$(`): interactive shells prompt for more (PS2). */
export class IncompleteInput extends Error {}

/** A syntax error, with the offending token as the shells quote it. */
export class ShellSyntaxError extends Error {
  constructor(readonly token: string, readonly line: number, readonly expecting?: string) {
    super(`syntax error near ${token}`);
  }
}

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '>|', '<>', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** A pending here-document: filled when the lexer reaches the end of its line. */
export interface PendingHeredoc {
  delim: string;
  strip: boolean;
  quoted: boolean;
  body: string;
  /** Set once the body has been read. */
  done?: boolean;
}

/** Scans shell source into tokens on demand. */
export class Lexer {
  private pos = 0;
  line = 1;
  private peeked: Token | undefined;
  readonly heredocs: PendingHeredoc[] = [];

  constructor(private readonly src: string) {}

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private scan(): Token {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') { this.pos += 2; this.line++; }
      else if (c === '#') { while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++; }
      else break;
    }
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.heredocs.some((h) => !h.done)) throw new IncompleteInput('here-document');
      return { t: 'eof', line };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { t: 'nl', line };
    }
    // An IO number: digits right before a redirection operator (2>&1).
    const io = /^(\d+)(<<-|<<|>>|>&|<&|>\||<>|<|>)/.exec(this.src.slice(this.pos, this.pos + 8));
    if (io) {
      this.pos += io[0].length;
      return { t: 'io', fd: Number(io[1]), op: io[2], line };
    }
    for (const op of OPS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { t: 'op', op, line };
      }
    }
    return { t: 'word', word: this.word((ch) => META.has(ch)), line };
  }

  private readHeredocs(): void {
    for (const h of this.heredocs) {
      if (h.done) continue;
      let body = '';
      for (;;) {
        if (this.pos >= this.src.length) throw new IncompleteInput('here-document');
        const end = this.src.indexOf('\n', this.pos);
        const raw = end === -1 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end === -1 ? this.src.length : end + 1;
        this.line++;
        const text = h.strip ? raw.replace(/^\t+/, '') : raw;
        if (text === h.delim) break;
        body += `${text}\n`;
      }
      h.body = body;
      h.done = true;
    }
  }

  /** Reads a word up to an unquoted character for which `stop` is true. */
  word(stop: (c: string) => boolean): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (quoted = false) => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted });
      lit = '';
    };
    if (this.src[this.pos] === '~') {
      const m = /^~([A-Za-z0-9_.-]*)/.exec(this.src.slice(this.pos))!;
      const after = this.src[this.pos + m[0].length];
      if (after === undefined || after === '/' || stop(after)) {
        parts.push({ t: 'tilde', user: m[1] });
        this.pos += m[0].length;
      }
    }
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (stop(c)) break;
      if (c === '\\') {
        flush();
        const n = this.src[this.pos + 1];
        if (n === undefined) throw new IncompleteInput('\\');
        this.pos += 2;
        if (n === '\n') { this.line++; continue; }
        parts.push({ t: 'lit', v: n, quoted: true });
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end === -1) throw new IncompleteInput("'");
        const v = this.src.slice(this.pos + 1, end);
        this.line += v.split('\n').length - 1;
        parts.push({ t: 'lit', v, quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push(...this.doubleQuoted());
      } else if (c === '$' || c === '`') {
        const p = this.dollar(false);
        if (p) { flush(); parts.push(p); } else { lit += c; this.pos++; }
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    flush();
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private doubleQuoted(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    let any = false;
    for (;;) {
      if (this.pos >= this.src.length) throw new IncompleteInput('"');
      const c = this.src[this.pos];
      if (c === '"') { this.pos++; break; }
      if (c === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) {
        const n = this.src[this.pos + 1];
        this.pos += 2;
        if (n === '\n') this.line++;
        else lit += n;
      } else if (c === '$' || c === '`') {
        const p = this.dollar(true);
        if (p) {
          if (lit) parts.push({ t: 'lit', v: lit, quoted: true });
          lit = '';
          parts.push(p);
          any = true;
        } else { lit += c; this.pos++; }
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    if (lit || (!any && parts.length === 0)) parts.push({ t: 'lit', v: lit, quoted: true });
    return parts;
  }

  /** $name, ${…}, $(…), $((…)), `…`; undefined when the $ is literal. */
  private dollar(quoted: boolean): WordPart | undefined {
    const s = this.src;
    if (s[this.pos] === '`') {
      let i = this.pos + 1;
      let body = '';
      while (i < s.length && s[i] !== '`') {
        if (s[i] === '\\' && '$`\\'.includes(s[i + 1] ?? '')) { body += s[i + 1]; i += 2; } else body += s[i++];
      }
      if (i >= s.length) throw new IncompleteInput('`');
      this.pos = i + 1;
      return { t: 'cmd', src: body, quoted };
    }
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      const end = this.matching(this.pos + 3, '((');
      const src = s.slice(this.pos + 3, end - 1);
      this.pos = end + 1;
      return { t: 'arith', src, quoted };
    }
    if (n === '(') {
      const end = this.matching(this.pos + 2, '(');
      const src = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { t: 'cmd', src, quoted };
    }
    if (n === '{') return this.braced(quoted);
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      this.pos += 2;
      return { t: 'param', name: n, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1));
    if (!m) return undefined;
    this.pos += 1 + m[0].length;
    return { t: 'param', name: m[0], quoted };
  }

  /** Index of the `)` closing a `$(` (or the first `)` of `))` closing `$((`), honouring quotes. */
  private matching(from: number, kind: '(' | '(('): number {
    const s = this.src;
    let depth = 0;
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') { i++; continue; }
      if (c === "'") { const e = s.indexOf("'", i + 1); if (e === -1) break; i = e; continue; }
      if (c === '"') {
        for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (kind === '((') {
            if (s[i + 1] === ')') return i + 1;
            continue;
          }
          return i;
        }
        depth--;
      }
    }
    throw new IncompleteInput(kind);
  }

  private braced(quoted: boolean): WordPart {
    const s = this.src;
    this.pos += 2;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}') {
      const m = /^#([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])\}/.exec(s.slice(this.pos));
      if (!m) throw new ShellSyntaxError('bad substitution', this.line);
      this.pos += m[0].length;
      return { t: 'param', name: m[1], op: '#len', quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!\-0-9])/.exec(s.slice(this.pos));
    if (!m) throw new ShellSyntaxError('bad substitution', this.line);
    this.pos += m[0].length;
    if (s[this.pos] === '}') {
      this.pos++;
      return { t: 'param', name: m[1], quoted };
    }
    const opm = /^(:-|:=|:\+|:\?|%%|##|-|=|\+|\?|%|#)/.exec(s.slice(this.pos));
    if (!opm) {
      if (this.pos >= s.length) throw new IncompleteInput('${');
      throw new ShellSyntaxError('bad substitution', this.line);
    }
    this.pos += opm[0].length;
    let depth = 0;
    const arg = this.word((c) => {
      if (c === '{') depth++;
      if (c === '}') { if (depth === 0) return true; depth--; }
      return false;
    });
    if (s[this.pos] !== '}') throw new IncompleteInput('${');
    this.pos++;
    return { t: 'param', name: m[1], op: opm[0] as ParamOp, arg, quoted };
  }
}

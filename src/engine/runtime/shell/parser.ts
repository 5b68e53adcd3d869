// Recursive-descent parser for the shell grammar (XCU 2.10): lists, and-or lists, pipelines,
// simple commands with assignments and redirections, if/while/until/for/case, groups, subshells
// and function definitions.
import type { AndOr, Command, List, Pipeline, Redirect, Word } from './ast';
import { IncompleteInput, Lexer, ShellSyntaxError, type PendingHeredoc, type Token } from './lexer';

/** A plain unquoted word's text, or undefined if it has quotes or expansions. */
function plain(w: Word): string | undefined {
  return w.parts.length === 1 && w.parts[0].t === 'lit' && !w.parts[0].quoted ? w.parts[0].v : w.parts.length === 0 ? '' : undefined;
}

const tokText = (t: Token): string =>
  t.t === 'word' ? t.word.raw : t.t === 'op' ? t.op : t.t === 'io' ? `${t.fd}${t.op}` : t.t === 'nl' ? 'newline' : 'end of file';

/** Parses a complete script; throws IncompleteInput when more input could complete it. */
export function parseScript(src: string): List {
  const p = new Parser(new Lexer(src));
  const list = p.list(new Set());
  const t = p.lex.peek();
  if (t.t !== 'eof') throw new ShellSyntaxError(tokText(t), t.line);
  return list;
}

class Parser {
  constructor(readonly lex: Lexer) {}

  private isWord(t: Token, w: string): boolean {
    return t.t === 'word' && plain(t.word) === w;
  }

  private skipNewlines(): void {
    while (this.lex.peek().t === 'nl') this.lex.next();
  }

  private expectWord(w: string, construct: string): void {
    this.skipNewlines();
    const t = this.lex.next();
    if (this.isWord(t, w)) return;
    if (t.t === 'eof') throw new IncompleteInput(construct);
    throw new ShellSyntaxError(tokText(t), t.line, w);
  }

  /** A list, ending before any of the `terminators` reserved words (or `)`, `;;`, EOF). */
  list(terminators: Set<string>): List {
    const items: List['items'] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.lex.peek();
      if (t.t === 'eof' || (t.t === 'op' && (t.op === ')' || t.op === ';;'))) break;
      if (t.t === 'word' && terminators.has(plain(t.word) ?? '')) break;
      const cmd = this.andOr();
      const sep = this.lex.peek();
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.lex.next();
        items.push({ cmd, background: sep.op === '&' });
      } else if (sep.t === 'nl' || sep.t === 'eof' || (sep.t === 'op' && (sep.op === ')' || sep.op === ';;'))
        || (sep.t === 'word' && terminators.has(plain(sep.word) ?? ''))) {
        items.push({ cmd, background: false });
      } else throw new ShellSyntaxError(tokText(sep), sep.line);
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.lex.peek();
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.lex.next();
      this.skipNewlines();
      rest.push({ op: t.op as '&&' | '||', p: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isWord(this.lex.peek(), '!')) {
      this.lex.next();
      negate = true;
    }
    const cmds = [this.command()];
    while (this.lex.peek().t === 'op' && (this.lex.peek() as { op: string }).op === '|') {
      this.lex.next();
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { negate, cmds };
  }

  private command(): Command {
    const t = this.lex.peek();
    if (t.t === 'eof') throw new IncompleteInput('command');
    if (t.t === 'op' && t.op === '(') {
      this.lex.next();
      const body = this.list(new Set());
      const close = this.lex.next();
      if (close.t === 'eof') throw new IncompleteInput('(');
      if (!(close.t === 'op' && close.op === ')')) throw new ShellSyntaxError(tokText(close), close.line, ')');
      return { t: 'subshell', body, redirects: this.redirects() };
    }
    if (t.t === 'op' && t.op !== '<' && t.op !== '>' && !t.op.startsWith('<') && !t.op.startsWith('>')) {
      throw new ShellSyntaxError(t.op, t.line);
    }
    if (t.t === 'word') {
      switch (plain(t.word)) {
        case 'if': return this.ifCommand();
        case 'while': case 'until': return this.whileCommand();
        case 'for': return this.forCommand();
        case 'case': return this.caseCommand();
        case '{': {
          this.lex.next();
          const body = this.list(new Set(['}']));
          this.expectWord('}', '{');
          return { t: 'group', body, redirects: this.redirects() };
        }
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case 'in':
          throw new ShellSyntaxError(t.word.raw, t.line);
      }
    }
    return this.simple();
  }

  private ifCommand(): Command {
    this.lex.next();
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.list(new Set(['then']));
      this.expectWord('then', 'if');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      this.skipNewlines();
      const t = this.lex.next();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        elseBody = this.list(new Set(['fi']));
        this.expectWord('fi', 'if');
      } else if (!this.isWord(t, 'fi')) {
        if (t.t === 'eof') throw new IncompleteInput('if');
        throw new ShellSyntaxError(tokText(t), t.line, 'fi');
      }
      break;
    }
    return { t: 'if', clauses, else: elseBody, redirects: this.redirects() };
  }

  private whileCommand(): Command {
    const until = plain((this.lex.next() as { word: Word }).word) === 'until';
    const cond = this.list(new Set(['do']));
    this.expectWord('do', 'while');
    const body = this.list(new Set(['done']));
    this.expectWord('done', 'do');
    return { t: 'while', until, cond, body, redirects: this.redirects() };
  }

  private forCommand(): Command {
    this.lex.next();
    const n = this.lex.next();
    const name = n.t === 'word' ? plain(n.word) : undefined;
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (n.t === 'eof') throw new IncompleteInput('for');
      throw new ShellSyntaxError(tokText(n), n.line);
    }
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isWord(this.lex.peek(), 'in')) {
      this.lex.next();
      items = [];
      for (let t = this.lex.peek(); t.t === 'word'; t = this.lex.peek()) items.push((this.lex.next() as { word: Word }).word);
      const sep = this.lex.peek();
      if (sep.t === 'op' && sep.op === ';') this.lex.next();
    } else if (this.lex.peek().t === 'op' && (this.lex.peek() as { op: string }).op === ';') this.lex.next();
    this.expectWord('do', 'for');
    const body = this.list(new Set(['done']));
    this.expectWord('done', 'do');
    return { t: 'for', name, items, body, redirects: this.redirects() };
  }

  private caseCommand(): Command {
    this.lex.next();
    const w = this.lex.next();
    if (w.t !== 'word') throw w.t === 'eof' ? new IncompleteInput('case') : new ShellSyntaxError(tokText(w), w.line);
    this.expectWord('in', 'case');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.lex.peek();
      if (this.isWord(t, 'esac')) { this.lex.next(); break; }
      if (t.t === 'eof') throw new IncompleteInput('case');
      if (t.t === 'op' && t.op === '(') this.lex.next();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.lex.next();
        if (p.t !== 'word') throw p.t === 'eof' ? new IncompleteInput('case') : new ShellSyntaxError(tokText(p), p.line);
        patterns.push(p.word);
        const sep = this.lex.next();
        if (sep.t === 'op' && sep.op === '|') continue;
        if (sep.t === 'op' && sep.op === ')') break;
        throw sep.t === 'eof' ? new IncompleteInput('case') : new ShellSyntaxError(tokText(sep), sep.line);
      }
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      const end = this.lex.peek();
      if (end.t === 'op' && end.op === ';;') this.lex.next();
    }
    return { t: 'case', word: w.word, items, redirects: this.redirects() };
  }

  private redirect(t: Token): Redirect | undefined {
    let fd: number | undefined;
    let op: string;
    if (t.t === 'io') { fd = t.fd; op = t.op; } else if (t.t === 'op' && /^[<>]/.test(t.op)) op = t.op;
    else return undefined;
    this.lex.next();
    const target = this.lex.next();
    if (target.t !== 'word') throw target.t === 'eof' ? new ShellSyntaxError('end of file', target.line) : new ShellSyntaxError(tokText(target), target.line);
    const r: Redirect = { fd: fd ?? (op.startsWith('<') ? 0 : 1), op: op as Redirect['op'], target: target.word };
    if (op === '<<' || op === '<<-') {
      const quoted = target.word.parts.some((p) => p.t === 'lit' && p.quoted);
      const delim = target.word.parts.map((p) => (p.t === 'lit' ? p.v : '')).join('');
      const h: PendingHeredoc = { delim, strip: op === '<<-', quoted, body: '' };
      this.lex.heredocs.push(h);
      r.heredoc = h;
    }
    return r;
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let r = this.redirect(this.lex.peek()); r; r = this.redirect(this.lex.peek())) out.push(r);
    return out;
  }

  private simple(): Command {
    const line = this.lex.peek().line;
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.lex.peek();
      const r = this.redirect(t);
      if (r) { redirects.push(r); continue; }
      if (t.t !== 'word') break;
      // A function definition: name ( ) compound-command
      if (words.length === 0 && assigns.length === 0) {
        this.lex.next();
        const after = this.lex.peek();
        if (after.t === 'op' && after.op === '(' && plain(t.word) && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(plain(t.word)!)) {
          this.lex.next();
          const close = this.lex.next();
          if (!(close.t === 'op' && close.op === ')')) throw new ShellSyntaxError(tokText(close), close.line);
          this.skipNewlines();
          return { t: 'func', name: plain(t.word)!, body: this.command() };
        }
        if (!this.assignment(t.word, assigns)) words.push(t.word);
        continue;
      }
      this.lex.next();
      if (words.length === 0 && this.assignment(t.word, assigns)) continue;
      words.push(t.word);
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) {
      const t = this.lex.peek();
      if (t.t === 'eof') throw new IncompleteInput('command');
      throw new ShellSyntaxError(tokText(t), t.line);
    }
    return { t: 'simple', assigns, words, redirects, line };
  }

  /** NAME=value at the start of a simple command. */
  private assignment(w: Word, out: { name: string; value: Word }[]): boolean {
    const first = w.parts[0];
    if (!first || first.t !== 'lit' || first.quoted) return false;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
    if (!m) return false;
    const restFirst = first.v.slice(m[0].length);
    const parts = [...(restFirst ? [{ ...first, v: restFirst }] : []), ...w.parts.slice(1)];
    out.push({ name: m[1], value: { parts, raw: w.raw.slice(m[0].length) } });
    return true;
  }
}

export { IncompleteInput, ShellSyntaxError };

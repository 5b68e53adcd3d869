// The parser of kubectl's Go text/template subset (see go-template.ts): lexing {{ }} actions with trimming,
// splitting them into words, and building the tree of text, actions, if/range/with/define/template nodes.

/** A template error ("template: output:1: unexpected …"). */
export class TemplateError extends Error {}

type Tok = { kind: 'text'; text: string } | { kind: 'action'; text: string; line: number };

/** A node of the parsed template. */
export type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; list: Node[]; else?: Node[] }
  | { t: 'range'; pipe: Pipe; list: Node[]; else?: Node[] }
  | { t: 'template'; name: string; pipe?: Pipe }
  | { t: 'break' | 'continue' };

/** A pipeline: commands joined by |, with the variables it declares. */
export interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Arg[][];
}

/** An argument of a command: a field chain, variable, literal, identifier or nested pipeline. */
export type Arg =
  | { t: 'field'; base: 'dot' | string; chain: string[] }
  | { t: 'ident'; name: string }
  | { t: 'lit'; v: unknown }
  | { t: 'pipe'; pipe: Pipe; chain: string[] };

/** Is the value a JSON object (a Go map after json.Unmarshal)? */
export const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Splits a template into text and {{ }} actions, applying {{- -}} trimming. */
export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) toks.push({ kind: 'text', text });
      break;
    }
    let j = open + 2;
    if (src.startsWith('- ', j) || src.startsWith('-\t', j) || src.startsWith('-\n', j) || src.startsWith('-\r', j)) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 1;
    }
    if (text) toks.push({ kind: 'text', text });
    line += (src.slice(i, open).match(/\n/g) ?? []).length;
    // Find the closing delimiter outside quotes.
    let k = j;
    let quote = '';
    for (; k < src.length; k++) {
      const c = src[k];
      if (quote) {
        if (c === '\\' && quote !== '`') k++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === '`' || c === "'") quote = c;
      else if (src.startsWith('}}', k)) break;
    }
    if (k >= src.length) throw new TemplateError(`template: output:${line}: unclosed action`);
    let inner = src.slice(j, k);
    if (/[ \t\r\n]-$/.test(inner)) {
      inner = inner.slice(0, -1);
      trimNext = true;
    }
    const trimmed = inner.trim();
    if (!(trimmed.startsWith('/*') && trimmed.endsWith('*/'))) toks.push({ kind: 'action', text: trimmed, line });
    line += (src.slice(open, k).match(/\n/g) ?? []).length;
    i = k + 2;
  }
  return toks;
}

function unquoteGo(s: string): string {
  if (s.startsWith('`')) return s.slice(1, -1);
  if (s.startsWith("'")) return s.slice(1, -1);
  return JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string;
}

// Splits an action into words: strings, parens, pipes, := and words.
function words(text: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") {
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) if (text[j] === '\\' && c !== '`') j++;
      if (j >= text.length) throw new TemplateError(`template: output:${line}: unterminated quoted string`);
      out.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === ')') {
      let j = i + 1;
      if (text[j] === '.') while (j < text.length && /[\w.]/.test(text[j])) j++;
      out.push(text.slice(i, j));
      i = j;
      continue;
    }
    if (c === '(' || c === '|' || c === ',') {
      out.push(c);
      i++;
      continue;
    }
    if (text.startsWith(':=', i)) {
      out.push(':=');
      i += 2;
      continue;
    }
    if (c === '=' ) {
      out.push('=');
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()|,=]/.test(text[j]) && !text.startsWith(':=', j)) j++;
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

/** Builds the node tree from lexed tokens (text/template/parse's Tree, for the subset). */
export class Parser {
  private pos = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(private readonly toks: Tok[]) {}

  parse(): Node[] {
    const list = this.list(['end', 'else']);
    if (this.pos < this.toks.length) {
      const t = this.toks[this.pos] as { text: string; line: number };
      throw new TemplateError(`template: output:${t.line}: unexpected {{${t.text.split(/\s/)[0]}}}`);
    }
    return list;
  }

  private list(stops: string[]): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.toks.length) {
      const t = this.toks[this.pos];
      if (t.kind === 'text') {
        nodes.push({ t: 'text', text: t.text });
        this.pos++;
        continue;
      }
      if (stops.includes(t.text.split(/\s+/)[0])) return nodes;
      const n = this.one();
      if (n) nodes.push(n);
    }
    return nodes;
  }

  // One action at pos (a control structure with everything up to its {{end}}).
  private one(): Node | undefined {
    const t = this.toks[this.pos++] as { text: string; line: number };
    const kw = t.text.split(/\s+/)[0];
    const rest = t.text.slice(kw.length).trim();
    switch (kw) {
      case 'if': case 'with': case 'range': {
        const pipe = this.pipe(rest, t.line);
        const n: { t: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; else?: Node[] } = { t: kw, pipe, list: this.list(['end', 'else']) };
        const stop = this.toks[this.pos] as { text: string; line: number } | undefined;
        if (!stop) throw new TemplateError(`template: output:${t.line}: unexpected EOF`);
        this.pos++;
        if (stop.text.startsWith('else')) {
          const elseRest = stop.text.slice(4).trim();
          if (elseRest.startsWith('if ') || elseRest.startsWith('with ')) {
            // {{else if x}}: a nested conditional that ends at our {{end}}.
            this.pos--;
            this.toks[this.pos] = { kind: 'action', text: elseRest, line: stop.line };
            n.else = [this.one()!];
          } else {
            n.else = this.list(['end']);
            if (!this.toks[this.pos]) throw new TemplateError(`template: output:${t.line}: unexpected EOF`);
            this.pos++;
          }
        }
        return n as Node;
      }
      case 'define': case 'block': {
        const name = unquoteGo(rest.split(/\s+/)[0]);
        const body = this.list(['end']);
        this.pos++;
        this.defines.set(name, body);
        if (kw === 'block') return { t: 'template', name, pipe: this.pipe(rest.slice(rest.split(/\s+/)[0].length).trim() || '.', t.line) };
        return undefined;
      }
      case 'template': {
        const w = rest.split(/\s+/);
        const p = rest.slice(w[0].length).trim();
        return { t: 'template', name: unquoteGo(w[0]), pipe: p ? this.pipe(p, t.line) : undefined };
      }
      case 'break': case 'continue':
        return { t: kw };
      case 'end': case 'else':
        throw new TemplateError(`template: output:${t.line}: unexpected {{${kw}}}`);
      default:
        return { t: 'action', pipe: this.pipe(t.text, t.line) };
    }
  }

  pipe(text: string, line: number): Pipe {
    if (!text) throw new TemplateError(`template: output:${line}: missing value for command`);
    const ws = words(text, line);
    const p: Pipe = { decl: [], assign: false, cmds: [] };
    const di = ws.findIndex((w) => w === ':=' || w === '=');
    let rest = ws;
    if (di > 0 && ws.slice(0, di).every((w) => w.startsWith('$') || w === ',')) {
      p.decl = ws.slice(0, di).filter((w) => w !== ',');
      p.assign = ws[di] === '=';
      rest = ws.slice(di + 1);
    }
    let i = 0;
    const parseArgs = (inParen: boolean): Arg[][] => {
      const cmds: Arg[][] = [[]];
      while (i < rest.length && !(inParen && rest[i].startsWith(')'))) {
        const w = rest[i++];
        if (w === '|') {
          cmds.push([]);
          continue;
        }
        cmds[cmds.length - 1].push(this.operand(w, line, () => {
          const inner = parseArgs(true);
          const close = rest[i++] ?? ')';
          return { pipe: { decl: [], assign: false, cmds: inner }, chain: close.slice(1).split('.').filter(Boolean) };
        }));
      }
      return cmds;
    };
    p.cmds = parseArgs(false);
    if (p.cmds.some((c) => c.length === 0)) throw new TemplateError(`template: output:${line}: missing value for command`);
    return p;
  }

  private operand(w: string, line: number, paren: () => { pipe: Pipe; chain: string[] }): Arg {
    if (w === '(') return { t: 'pipe', ...paren() };
    if (w.startsWith('"') || w.startsWith('`')) return { t: 'lit', v: unquoteGo(w) };
    if (w.startsWith("'")) return { t: 'lit', v: unquoteGo(w).codePointAt(0) };
    if (w === 'true' || w === 'false') return { t: 'lit', v: w === 'true' };
    if (w === 'nil') return { t: 'lit', v: null };
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(w) || /^0[xX][0-9a-fA-F]+$/.test(w)) return { t: 'lit', v: Number(w) };
    if (w === '.') return { t: 'field', base: 'dot', chain: [] };
    if (w.startsWith('.')) return { t: 'field', base: 'dot', chain: w.slice(1).split('.') };
    if (w.startsWith('$')) {
      const [v, ...chain] = w.split('.');
      return { t: 'field', base: v, chain };
    }
    if (/^[A-Za-z_]\w*$/.test(w)) return { t: 'ident', name: w };
    throw new TemplateError(`template: output:${line}: unexpected "${w}" in command`);
  }
}

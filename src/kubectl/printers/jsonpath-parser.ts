// The JSONPath template parser kubectl uses. Models k8s.io/client-go util/jsonpath/parser.go (Parse,
// parseInsideAction, parseArray with unions / dict keys / slices, parseFilter, parseQuote, parseField,
// parseRecursive, parseNumber) and node.go.

/** One parsed node. */
export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JPList[] }
  | { type: 'array'; params: ParamsEntry[] }
  | { type: 'filter'; left: JPList; right: JPList; operator: string };

/** A list node. */
export type JPList = Extract<JPNode, { type: 'list' }>;

/** One slice parameter ([start:end:step]). */
export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A parse error, worded as the Go parser words it. */
export class JSONPathParseError extends Error {}

const newList = (): JPList => ({ type: 'list', nodes: [] });

const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) => r === '' || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);

// %#U of a rune: U+0023 '#'
function formatU(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** strconv.Atoi: an optionally signed decimal integer within int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  return Number.parseInt(s, 10);
}

/** Go strconv.UnquoteChar-based unquoting of a '…' or "…" string (jsonpath UnquoteExtend). */
export function unquoteExtend(s: string): string {
  if (s.length < 2) throw new JSONPathParseError('invalid syntax');
  const q = s[0];
  if (q !== s[s.length - 1] || (q !== '"' && q !== "'")) throw new JSONPathParseError('invalid syntax');
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(q)) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === q) throw new JSONPathParseError('invalid syntax');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === q) out += q;
    else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw new JSONPathParseError('invalid syntax');
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += len;
    } else if (n >= '0' && n <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new JSONPathParseError('invalid syntax');
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else throw new JSONPathParseError('invalid syntax');
  }
  return out;
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OP = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** A JSONPath template parser (one per template). */
export class JSONPathParser {
  root: JPList = newList();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  /** Parses a template such as `{.items[*].metadata.name}`; throws JSONPathParseError. */
  static parse(text: string): JSONPathParser {
    const p = new JSONPathParser();
    p.input = text;
    p.root = newList();
    p.pos = 0;
    p.parseText(p.root);
    return p;
  }

  // parseAction: parses "{text}" and returns its single action list.
  private static parseAction(text: string): JPList {
    const p = JSONPathParser.parse(`{${text}}`);
    return p.root.nodes[0] as JPList;
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return '';
    }
    const cp = this.input.codePointAt(this.pos)!;
    const r = String.fromCodePoint(cp);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: JPList): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === '') break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: JPList): void {
    this.pos += 1;
    this.consumeText();
    const n = newList();
    cur.nodes.push(n);
    this.parseInsideAction(n);
  }

  private parseInsideAction(cur: JPList): void {
    // Iterative where Go recurses: every branch but the prefix handlers loops back here.
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) return this.parseRightDelim();
      if (rest.startsWith('[?(')) return this.parseFilter(cur);
      if (rest.startsWith('..')) return this.parseRecursive(cur);
      const r = this.next();
      if (r === '' || isEndOfLine(r)) throw new JSONPathParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText();
        continue;
      }
      if (r === '[') return this.parseArray(cur);
      if (r === '"' || r === "'") return this.parseQuote(cur, r);
      if (r === '.') return this.parseField(cur);
      if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        return this.parseNumber(cur);
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      }
      throw new JSONPathParseError(`unrecognized character in action: ${formatU(r)}`);
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: JPList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: JPList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JSONPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: JPList): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) cur.nodes.push({ type: 'int', value: i });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JSONPathParseError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: JPList): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union: JPList[] = strs.map((s) => JSONPathParser.parseAction(`[${s.trim()}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return this.parseInsideAction(cur);
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      const parsed = JSONPathParser.parseAction(`.${dict[1]}`);
      cur.nodes.push(...parsed.nodes);
      return this.parseInsideAction(cur);
    }
    const m = SLICE_OP.exec(text);
    if (!m) throw new JSONPathParseError(`invalid array index ${text}`);
    const value = m.slice(1).map((v) => v ?? '');
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      const e: ParamsEntry = { value: 0, known: false, derived: false };
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1);
        if (i > 0 && value[i] === '') e.known = false;
        else {
          e.known = true;
          const n = atoi(value[i]);
          if (n === undefined) throw new JSONPathParseError(`array index ${value[i]} is not a number`);
          e.value = n;
        }
      } else if (i === 1) {
        e.known = true;
        e.value = params[0].value + 1;
        e.derived = true;
      }
      params.push(e);
    }
    cur.nodes.push({ type: 'array', params });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: JPList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JSONPathParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: JSONPathParser.parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: JSONPathParser.parseAction(m[1]), right: JSONPathParser.parseAction(m[3]), operator: m[2] });
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: JPList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JSONPathParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (e) {
      throw new JSONPathParseError(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.nodes.push({ type: 'text', text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: JPList): void {
    this.consumeText();
    while (this.advance()) { /* consume the field name */ }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

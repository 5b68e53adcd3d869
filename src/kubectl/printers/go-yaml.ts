// YAML text exactly as kubectl writes it: sigs.k8s.io/yaml (JSONToYAML) on its go-yaml v2 fork. Models
// gopkg.in/yaml.v2 encode.go (stringv: literal style for strings with a newline, plain when the string
// resolves to !!str, else double-quoted), resolve.go (what a plain scalar would mean), sorter.go (keyList.Less:
// map keys in "natural" order, digit runs compared as numbers) and emitterc.go (libyaml's emitter: indentless
// sequences in mappings, `{}`/`[]` for empty collections, scalar style fallbacks, folding of plain and
// quoted scalars past column 80, `|`/`|-`/`|+` block scalars).

import { goFormatFloat } from './go-format';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// ---- resolve.go: would this string, written plain, read back as something other than a string? ----

const RESOLVE_MAP = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO',
  'false', 'False', 'FALSE', 'off', 'Off', 'OFF', '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<']);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

// strconv.ParseInt(s, 0, 64) syntax (sign, then 0x / 0o / 0b / leading-0 octal or decimal, underscores only with a prefix).
function goParsesAsInt(s: string): boolean {
  let t = s;
  if (t.startsWith('+') || t.startsWith('-')) t = t.slice(1);
  if (t === '') return false;
  if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[bB][01]+$/.test(t) || /^0[oO][0-7]+$/.test(t)) return true;
  if (/^0[0-7]*$/.test(t)) return true;
  return /^[1-9][0-9]*$/.test(t);
}

// Go's time.Parse with the layouts resolve.go tries (RFC 3339 with short fields, "2006-1-2 15:4:5", date only).
function parsesAsTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const date = '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
  const time = '[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?';
  const zone = '(Z|[+-][0-9]{2}:[0-9]{2})';
  const m = new RegExp(`^${date}([Tt]${time}${zone}| ${time})?$`).exec(s);
  if (!m) return false;
  const [y, mo, d] = s.split(/[-Tt ]/).slice(0, 3).map((x) => Number.parseInt(x, 10));
  const daysIn = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn[mo - 1]) return false;
  const t = /[Tt ]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})/.exec(s);
  return !t || (Number(t[1]) < 24 && Number(t[2]) < 60 && Number(t[3]) < 60);
}

/** Would go-yaml v2 read this string, written plain, as a string? (resolve("", s) is !!str and it is not base 60). */
export function plainIsString(s: string): boolean {
  const c = s[0] ?? '';
  const sign = c === '+' || c === '-';
  const digit = c >= '0' && c <= '9';
  if (s === '' || sign || digit || c === '.' || 'yYnNtTfFoO~'.includes(c)) {
    if (RESOLVE_MAP.has(s)) return false;
    if (c === '.' && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return false;
    if (sign || digit) {
      if (parsesAsTimestamp(s)) return false;
      const plain = s.replace(/_/g, '');
      if (goParsesAsInt(plain) || YAML_STYLE_FLOAT.test(plain) || /^-?0b[01]+$/.test(plain)) return false;
    }
  }
  if ((sign || digit) && s.includes(':') && BASE60_FLOAT.test(s)) return false;
  return true;
}

// ---- sorter.go keyList.Less for string keys ----

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/** go-yaml v2's map key order (letters before digits, digit runs as numbers). */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined).sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

// ---- emitterc.go ----

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreakCp = (c: number) => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isPrintableCp = (c: number) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

// yaml_emitter_analyze_scalar (block context only: flow_level is 0 for every scalar kubectl writes).
function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const cps = [...value].map((c) => c.codePointAt(0)!);
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  const n = cps.length;
  const isBlankAt = (i: number) => i < n && (cps[i] === 0x20 || cps[i] === 0x09);
  for (let i = 0; i < n; i++) {
    const c = cps[i];
    const followedByWhitespace = i + 1 >= n || isBlankAt(i + 1);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      else if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintableCp(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreakCp(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private indents: number[] = [];
  whitespace = true;
  indention = true;
  private flowLevel = 0;

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of ind) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  node(v: unknown, ctx: { mapping: boolean; simpleKey: boolean }): void {
    if (Array.isArray(v)) return this.sequence(v, ctx.mapping);
    if (v !== null && typeof v === 'object') return this.mapping(v as Record<string, unknown>);
    this.scalar(v, ctx.simpleKey);
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    if (items.length === 0) return this.flowEmpty('[', ']');
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const it of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(it, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(o: Record<string, unknown>): void {
    const keys = sortedKeys(o);
    if (keys.length === 0) return this.flowEmpty('{', '}');
    this.increaseIndent(false, false);
    for (const k of keys) {
      this.writeIndent();
      const a = analyze(k);
      if (!a.multiline && new TextEncoder().encode(k).length <= 128) {
        this.scalar(k, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(k, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(o[k], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private flowEmpty(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private scalar(v: unknown, simpleKey: boolean): void {
    let text: string;
    let style: Style;
    if (typeof v === 'string') {
      text = v;
      style = v.includes('\n') ? 'literal' : plainIsString(v) ? 'plain' : 'double';
    } else {
      text = v === null || v === undefined ? 'null' : typeof v === 'number' ? goFloatOrInt(v) : String(v);
      style = 'plain';
    }
    const a = analyze(text);
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (text.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain': this.writePlain(text, allowBreaks); break;
      case 'single': this.writeSingle(text, allowBreaks); break;
      case 'double': this.writeDouble(text, allowBreaks); break;
      case 'literal': this.writeLiteral(text); break;
    }
    this.popIndent();
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const cs = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreakCp(c.codePointAt(0)!)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeBreak(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cs = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreakCp(c.codePointAt(0)!)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const cs = [...value];
    const startsWithBom = value.startsWith('\uFEFF');
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const cp = c.codePointAt(0)!;
      if (!isPrintableCp(cp) || startsWithBom || isBreakCp(cp) || c === '"' || c === '\\') {
        this.put('\\');
        const esc: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
          0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
        if (esc[cp] !== undefined) this.put(esc[cp]);
        else {
          const [p, w] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(p);
          for (const d of cp.toString(16).toUpperCase().padStart(w, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const cs = [...value];
    if (cs[0] === ' ' || isBreakCp(cs[0].codePointAt(0)!)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cs.length - 1;
    let chomp = '';
    if (!isBreakCp(cs[last].codePointAt(0)!)) chomp = '-';
    else if (last === 0 || isBreakCp(cs[last - 1].codePointAt(0)!)) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreakCp(c.codePointAt(0)!)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** strconv.FormatInt for integers, FormatFloat(f, 'g', -1, 64) otherwise (.inf/.nan as go-yaml writes them). */
export function goFloatOrInt(n: number): string {
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isNaN(n)) return '.nan';
  return goFormatFloat(n);
}

// JSONToYAML first reads the JSON text back as YAML: Go's JSON leaves U+007F–U+009F and U+FFFE/U+FFFF raw, which
// the YAML reader refuses (readerc.go), and a raw NEL inside a quoted scalar is a line break that folds to a space.
const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
function readBack(v: unknown): unknown {
  if (typeof v === 'string') {
    if (CONTROL.test(v)) throw new Error('yaml: control characters are not allowed');
    return v.includes('\u0085') ? v.replace(/[ \t]*\u0085[ \t]*/g, ' ') : v;
  }
  if (Array.isArray(v)) return v.map(readBack);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[readBack(k) as string] = readBack(x);
    return out;
  }
  return v;
}

const NEEDS_READ_BACK = /[\u007f-\u009f\ufffe\uffff]/;

/** sigs.k8s.io/yaml Marshal of a JSON value: the YAML document kubectl prints (ends with a newline). */
export function marshalYaml(v: unknown): string {
  const e = new Emitter();
  e.node(NEEDS_READ_BACK.test(JSON.stringify(v) ?? '') ? readBack(v) : v, { mapping: false, simpleKey: false });
  // yaml_emitter_emit_document_end: an implicit end still finishes the last line.
  e.writeIndent();
  return e.out.endsWith('\n') ? e.out : `${e.out}\n`;
}

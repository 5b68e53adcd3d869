// The first syntax error Go's encoding/json reports for a document, in its words: a request body the API
// server cannot parse is answered with that text (a malformed patch: "invalid character 'm' looking for
// beginning of object key string"). Models encoding/json scanner.go (its states and their error messages)
// and quoteChar.

/** encoding/json quoteChar: a character as the scanner's messages quote it. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const q = JSON.stringify(c).slice(1, -1);
  const cp = c.codePointAt(0)!;
  // strconv.Quote spells control characters \x.. where JSON uses \u00..; \a and \v have short forms.
  const go = c === '\x07' ? '\\a' : c === '\v' ? '\\v' : cp < 0x20 && q.startsWith('\\u') ? `\\x${cp.toString(16).padStart(2, '0')}` : q;
  return `'${go}'`;
}

class SyntaxError_ extends Error {}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** The error encoding/json's Unmarshal gives for a syntactically invalid document, or undefined when valid. */
export function goJsonSyntaxError(text: string): string | undefined {
  const s = [...text];
  let i = 0;
  const fail = (what: string): never => {
    if (i >= s.length) throw new SyntaxError_('unexpected end of JSON input');
    throw new SyntaxError_(`invalid character ${quoteChar(s[i])} ${what}`);
  };
  const ws = () => { while (i < s.length && isSpace(s[i])) i++; };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (s[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      const c = s[i];
      if (c === undefined) fail('');
      if (c === '"') { i++; return; }
      if (c === '\\') {
        i++;
        const e = s[i];
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!isHex(s[i])) fail('in \\u hexadecimal character escape');
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('in string escape code');
        i++;
        continue;
      }
      if (c.codePointAt(0)! < 0x20) fail('in string literal');
      i++;
    }
  };
  const number = () => {
    if (s[i] === '-') {
      i++;
      if (!isDigit(s[i])) fail('in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (isDigit(s[i])) i++;
    if (s[i] === '.') {
      i++;
      if (!isDigit(s[i])) fail('after decimal point in numeric literal');
      while (isDigit(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (!isDigit(s[i])) fail('in exponent of numeric literal');
      while (isDigit(s[i])) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') { i++; return; }
      for (;;) {
        if (s[i] !== '"') fail('looking for beginning of object key string');
        string();
        ws();
        if (s[i] !== ':') fail('after object key');
        i++;
        value();
        ws();
        if (s[i] === ',') { i++; ws(); continue; }
        if (s[i] === '}') { i++; return; }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') { i++; return; }
      for (;;) {
        value();
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') { i++; return; }
        fail('after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || isDigit(c)) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < s.length) fail('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxError_) return e.message;
    throw e;
  }
}

/** JSON.parse with Go's error text: throws an Error whose message is what encoding/json would say. */
export function parseGoJson(text: string): unknown {
  const err = goJsonSyntaxError(text);
  if (err !== undefined) throw new Error(err);
  return JSON.parse(text) as unknown;
}

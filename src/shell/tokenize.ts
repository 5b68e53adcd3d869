// Splits a shell line into words and operators, the way bash does for the simple cases: quotes,
// backslashes, $VAR / ${VAR} / $? expansion, comments, | || && ; > >> < 2> 2>&1 and <<HEREDOCS.

/** One token: a word (already unquoted and expanded) or an operator. */
export type Token =
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: '|' | '||' | '&&' | ';' | '&' }
  | { kind: 'redirect'; fd: number; op: '>' | '>>' | '<' | '>&'; target?: string }
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; stripTabs: boolean };

/** A syntax error, worded as bash words it. */
export class ShellSyntaxError extends Error {}

/** Thrown when a line ends inside quotes: the shell asks for more input (PS2). */
export class IncompleteInput extends Error {}

/** Tokenizes one logical line. `vars` supplies $NAME values. */
export function tokenize(line: string, vars: (name: string) => string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = line.length;
  const isSpace = (c: string) => c === ' ' || c === '\t';
  while (i < n) {
    const c = line[i];
    if (isSpace(c)) { i++; continue; }
    if (c === '#') break;
    if (c === '|' || c === '&' || c === ';') {
      const two = line.slice(i, i + 2);
      if (two === '||' || two === '&&') { out.push({ kind: 'op', value: two }); i += 2; continue; }
      if (c === '&' && line[i + 1] === '>') { out.push({ kind: 'redirect', fd: 1, op: '>' }); out.push({ kind: 'redirect', fd: 2, op: '>&', target: '1' }); i += 2; continue; }
      out.push({ kind: 'op', value: c as '|' | ';' | '&' });
      i++;
      continue;
    }
    // redirections: [n]> [n]>> [n]>&m < <<
    const rm = /^(\d?)(>>|>&|>|<<-|<<|<)/.exec(line.slice(i));
    if (rm && (rm[1] === '' || i === 0 || isSpace(line[i - 1]))) {
      const fd = rm[1] === '' ? (rm[2].startsWith('<') ? 0 : 1) : Number(rm[1]);
      i += rm[0].length;
      if (rm[2] === '<<' || rm[2] === '<<-') {
        while (i < n && isSpace(line[i])) i++;
        const w = readWord(line, i, () => '');
        if (!w.text) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
        out.push({ kind: 'heredoc', delimiter: w.value, quoted: w.quoted, stripTabs: rm[2] === '<<-' });
        i = w.end;
        continue;
      }
      if (rm[2] === '>&') {
        const m = /^\d+/.exec(line.slice(i));
        if (!m) throw new ShellSyntaxError("syntax error near unexpected token `&'");
        out.push({ kind: 'redirect', fd, op: '>&', target: m[0] });
        i += m[0].length;
        continue;
      }
      while (i < n && isSpace(line[i])) i++;
      const w = readWord(line, i, vars);
      if (!w.text) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
      out.push({ kind: 'redirect', fd, op: rm[2] as '>' | '>>' | '<', target: w.value });
      i = w.end;
      continue;
    }
    const w = readWord(line, i, vars);
    out.push({ kind: 'word', value: w.value });
    i = w.end;
  }
  return out;
}

const WORD_END = new Set([' ', '\t', '|', '&', ';', '<', '>']);

function readWord(line: string, start: number, vars: (name: string) => string): { value: string; end: number; quoted: boolean; text: string } {
  let i = start;
  let value = '';
  let quoted = false;
  const n = line.length;
  const expand = (j: number): { text: string; end: number } => {
    const rest = line.slice(j + 1);
    if (rest.startsWith('?')) return { text: vars('?'), end: j + 2 };
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced) return { text: vars(braced[1]), end: j + 1 + braced[0].length };
    const plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (plain) return { text: vars(plain[0]), end: j + 1 + plain[0].length };
    return { text: '$', end: j + 1 };
  };
  while (i < n && !WORD_END.has(line[i])) {
    const c = line[i];
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      if (j < 0) throw new IncompleteInput();
      value += line.slice(i + 1, j);
      quoted = true;
      i = j + 1;
    } else if (c === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n) throw new IncompleteInput();
        const d = line[i];
        if (d === '"') { i++; break; }
        if (d === '\\' && i + 1 < n && '$`"\\'.includes(line[i + 1])) { value += line[i + 1]; i += 2; continue; }
        if (d === '$') { const e = expand(i); value += e.text; i = e.end; continue; }
        value += d;
        i++;
      }
    } else if (c === '\\') {
      if (i + 1 >= n) throw new IncompleteInput();
      value += line[i + 1];
      i += 2;
    } else if (c === '$') {
      const e = expand(i);
      value += e.text;
      i = e.end;
    } else {
      value += c;
      i++;
    }
  }
  return { value, end: i, quoted, text: line.slice(start, i) };
}

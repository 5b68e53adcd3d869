// Reading command text as interactive bash does: whether it is complete (the "> " prompt), bash's
// own redirections on top of the POSIX grammar, and how a job's command is shown.
import type { Command, List } from '../engine/runtime/shell/ast';
import { IncompleteInput, parseScript } from '../engine/runtime/shell/parser';

/**
 * bash's `&> file` and `&>> file` (stdout and stderr to a file), which the POSIX grammar reads as
 * `&` then `>`: rewritten, outside quotes, to `>& file` and `>> file 2>&1`. Process substitution
 * `<(cmd)` becomes `$(__kubesim_psub cmd)`, which leaves the output in /dev/fd/63 and names it.
 */
export function bashRedirects(text: string): string {
  if (!text.includes('&>') && !text.includes('<(') && !text.includes('<<<')) return text;
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') { out += c + (text[++i] ?? ''); continue; }
      if (c === quote) quote = '';
      out += c;
    } else if (c === '\\') out += c + (text[++i] ?? '');
    else if (c === "'" || c === '"') { quote = c; out += c; }
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      out += end < 0 ? text.slice(i) : text.slice(i, end);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '<' && text.startsWith('<<<', i)) {
      // A here-string: the word and a newline on stdin, i.e. < <(printf '%s\n' word).
      let j = i + 3;
      while (text[j] === ' ' || text[j] === '\t') j++;
      const start = j;
      let q = '';
      for (; j < text.length; j++) {
        const d = text[j];
        if (q) { if (d === '\\' && q === '"') j++; else if (d === q) q = ''; continue; }
        if (d === '\\') { j++; continue; }
        if (d === "'" || d === '"') { q = d; continue; }
        if (/[\s;&|<>()]/.test(d)) break;
      }
      out += `< $(__kubesim_psub printf '%s\\n' ${text.slice(start, j)})`;
      i = j - 1;
    } else if (c === '<' && text[i + 1] === '(' && (i === 0 || /[\s;|&]/.test(text[i - 1]))) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      if (j >= text.length) { out += c; continue; }
      out += `$(__kubesim_psub ${text.slice(i + 2, j)})`;
      i = j;
    } else if (c === '&' && text[i + 1] === '>' && text[i - 1] !== '>' && text[i - 1] !== '<') {
      if (text[i + 2] === '>') {
        // &>> target: the target word ends at a blank or an operator.
        const m = /^\s*[^\s;&|<>()]+/.exec(text.slice(i + 3));
        out += m ? `>>${m[0]} 2>&1` : '>>';
        i += 2 + (m ? m[0].length : 0);
      } else {
        out += '>&';
        i += 1;
      }
    } else out += c;
  }
  return out;
}

/** The ${…} text bash quotes in "bad substitution". */
export function badSubstitution(text: string): string {
  return /\$\{[^}]*\}?/.exec(text)?.[0] ?? '${}';
}

/** How bash shows a background job's command. */
export function commandText(c: Command): string {
  if (c.t === 'simple') {
    return [...c.assigns.map((a) => `${a.name}=${a.value.raw}`), ...c.words.map((w) => w.raw), ...c.redirects.map((r) => `${r.fd === 1 || r.fd === 0 ? '' : r.fd}${r.op} ${r.target.raw}`)].join(' ');
  }
  return c.t;
}

/** Is this text a whole command (quotes, compound commands and heredocs closed)? */
export function isComplete(text: string): boolean {
  return completeness(text).complete;
}

/** Whether the text is complete and, when it ends inside a heredoc body, the delimiters that may end it. */
export function completeness(text: string): { complete: boolean; heredocs?: Set<string> } {
  try {
    parseScript(text);
    return { complete: true };
  } catch (e) {
    if (!(e instanceof IncompleteInput)) return { complete: true }; // syntax errors are complete: run() reports them
    if (e.message !== 'here-document') return { complete: false };
    const delimiters = new Set<string>();
    for (const m of text.matchAll(/<<-?\s*(['"]?)([^\s'"<>|;&()]+)\1/g)) delimiters.add(m[2]);
    return { complete: false, heredocs: delimiters };
  }
}

/**
 * bash's grammar wants at least one command in every compound list: `while true; do done` is a
 * syntax error at `done`. Returns the token bash names for the first empty list, if any.
 */
export function emptyListToken(list: List): string | undefined {
  for (const item of list.items) {
    for (const p of [item.cmd.first, ...item.cmd.rest.map((r) => r.p)]) {
      for (const c of p.cmds) {
        const t = emptyIn(c.t === 'func' ? c.body : c);
        if (t) return t;
      }
    }
  }
  return undefined;
}

function emptyIn(c: Command): string | undefined {
  const check = (l: List, token: string) => (l.items.length ? emptyListToken(l) : token);
  switch (c.t) {
    case 'while': return check(c.cond, 'do') ?? check(c.body, 'done');
    case 'for': return check(c.body, 'done');
    case 'group': return check(c.body, '}');
    case 'subshell': return check(c.body, ')');
    case 'case': for (const it of c.items) { const t = it.body.items.length ? emptyListToken(it.body) : undefined; if (t) return t; } return undefined;
    case 'if':
      for (let i = 0; i < c.clauses.length; i++) {
        const next = i + 1 < c.clauses.length ? 'elif' : c.else ? 'else' : 'fi';
        const t = check(c.clauses[i].cond, 'then') ?? check(c.clauses[i].body, next);
        if (t) return t;
      }
      return c.else ? check(c.else, 'fi') : undefined;
    default: return undefined;
  }
}

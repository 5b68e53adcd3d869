// The syntax tree of the POSIX shell subset the simulated sh understands (XCU 2.9 "Shell Commands").

/** A piece of a word, before expansion. `quoted` parts are not field-split or globbed. */
export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  | { t: 'cmd'; src: string; quoted: boolean }
  | { t: 'arith'; src: string; quoted: boolean }
  | { t: 'tilde'; user: string };

/** ${x:-w} ${x-w} ${x:=w} ${x:+w} ${x:?w} ${#x} ${x%w} ${x%%w} ${x#w} ${x##w} */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#len' | '%' | '%%' | '#' | '##';

/** A shell word: parts concatenated (e.g. `"$HOME"/x`). */
export interface Word {
  parts: WordPart[];
  /** The source text (for error messages and reserved-word checks). */
  raw: string;
}

/** A redirection: `2>&1`, `> out`, `<< EOF`. */
export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<-' | '>|' | '<>';
  target: Word;
  /** Here-document body (for << and <<-), and whether its delimiter was quoted (no expansion). */
  heredoc?: { body: string; quoted: boolean };
}

/** A command in the tree. */
export type Command =
  | { t: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[]; line: number }
  | { t: 'if'; clauses: { cond: List; body: List }[]; else?: List; redirects: Redirect[] }
  | { t: 'while'; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { t: 'for'; name: string; items?: Word[]; body: List; redirects: Redirect[] }
  | { t: 'case'; word: Word; items: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { t: 'group'; body: List; redirects: Redirect[] }
  | { t: 'subshell'; body: List; redirects: Redirect[] }
  | { t: 'func'; name: string; body: Command };

/** `a | b | c`, possibly negated with `!`. */
export interface Pipeline {
  negate: boolean;
  cmds: Command[];
}

/** `p1 && p2 || p3`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

/** Commands separated by `;`, `&` or newlines. */
export interface List {
  items: { cmd: AndOr; background: boolean }[];
}

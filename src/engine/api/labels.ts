// Label selectors: the string syntax of `-l`, and metav1.LabelSelector.
// Models k8s.io/apimachinery/pkg/labels/selector.go (lexer, parser, Requirement.Matches) and
// apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector.
import type { LabelSelector } from './types';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a selector: key, operator, values (sorted, as upstream keeps a set). */
export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

/** A parsed label selector. An empty one matches everything; `nothing` matches nothing. */
export interface Selector {
  readonly requirements: readonly Requirement[];
  /** True for the selector a nil LabelSelector becomes where nil means "match nothing". */
  readonly nothing?: boolean;
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  empty(): boolean;
  toString(): string;
}

/** Thrown for a selector that does not parse; the message is upstream's. */
export class SelectorParseError extends Error {}

function matchRequirement(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.op) {
    case '=': case '==': case 'in':
      return has && r.values.includes(v!);
    case '!=': case 'notin':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt': case 'lt': {
      if (!has) return false;
      const lv = Number.parseInt(v!, 10);
      if (!/^-?\d+$/.test(v!)) return false;
      const rv = Number.parseInt(r.values[0], 10);
      return r.op === 'gt' ? lv > rv : lv < rv;
    }
  }
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': return `${r.key} in (${r.values.join(',')})`;
    case 'notin': return `${r.key} notin (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values[0]}`;
    case 'lt': return `${r.key}<${r.values[0]}`;
    default: return `${r.key}${r.op}${r.values[0] ?? ''}`;
  }
}

class InternalSelector implements Selector {
  constructor(readonly requirements: readonly Requirement[], readonly nothing = false) {}
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    if (this.nothing) return false;
    for (const r of this.requirements) if (!matchRequirement(r, labels)) return false;
    return true;
  }
  empty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }
  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** The selector that matches every object. */
export const EVERYTHING: Selector = new InternalSelector([]);
/** The selector that matches no object. */
export const NOTHING: Selector = new InternalSelector([], true);

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

// ---- lexer -------------------------------------------------------------------------------------

type Tok = 'ident' | '!' | '!=' | '(' | ')' | ',' | '=' | '==' | '>' | '<' | 'in' | 'notin' | 'eos' | 'error';
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS: Record<string, Tok> = { '!': '!', '!=': '!=', '(': '(', ')': ')', ',': ',', '=': '=', '==': '==', '>': '>', '<': '<' };

function lex(s: string): { tok: Tok; lit: string }[] {
  const out: { tok: Tok; lit: string }[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || s[i] === '\n')) i++;
    if (i >= s.length) {
      out.push({ tok: 'eos', lit: '' });
      return out;
    }
    const c = s[i];
    if (SPECIAL.has(c)) {
      let lit = c;
      i++;
      while (i < s.length && SPECIAL.has(s[i]) && SYMBOLS[lit + s[i]] !== undefined) lit += s[i++];
      const tok = SYMBOLS[lit];
      if (tok === undefined) {
        out.push({ tok: 'error', lit: `error expected: keyword found '${lit}'` });
        out.push({ tok: 'eos', lit: '' });
        return out;
      }
      out.push({ tok, lit });
    } else {
      let lit = '';
      while (i < s.length && !SPECIAL.has(s[i]) && s[i] !== ' ' && s[i] !== '\t' && s[i] !== '\r' && s[i] !== '\n') lit += s[i++];
      out.push({ tok: lit === 'in' ? 'in' : lit === 'notin' ? 'notin' : 'ident', lit });
    }
  }
}

// ---- key and value checks (validation.IsQualifiedName / IsValidLabelValue) ----------------------

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** validation.IsQualifiedName: the messages of a bad label or annotation key ([] when valid). */
export function qualifiedNameErrors(key: string): string[] {
  const errs: string[] = [];
  const parts = key.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS1123_SUBDOMAIN.test(prefix)) errs.push(`prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
    }
  } else {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  // Upstream checks the pattern even for an empty name, so "" gets both messages.
  if (!QUALIFIED_NAME.test(name)) {
    errs.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }
  return errs;
}

/** validation.IsValidLabelValue ([] when valid). */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v)) {
    errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }
  return errs;
}

function newRequirement(key: string, op: Operator, values: string[]): Requirement {
  const kerr = qualifiedNameErrors(key);
  if (kerr.length) throw new SelectorParseError(`key: Invalid value: ${JSON.stringify(key)}: ${kerr.join('; ')}`);
  switch (op) {
    case 'in': case 'notin':
      if (values.length === 0) throw new SelectorParseError("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=': case '==': case '!=':
      if (values.length !== 1) throw new SelectorParseError('values: Invalid value: []string{}: exact-match compatibility requires one single value');
      break;
    case 'exists': case '!':
      if (values.length !== 0) throw new SelectorParseError('values: Invalid value: []string{}: values set must be empty for exists and does not exist');
      break;
    case 'gt': case 'lt':
      if (values.length !== 1) throw new SelectorParseError("values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required");
      if (!/^-?\d+$/.test(values[0])) throw new SelectorParseError(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
      break;
  }
  for (const v of values) {
    const verr = labelValueErrors(v);
    if (verr.length) throw new SelectorParseError(`values[0][${key}]: Invalid value: ${JSON.stringify(v)}: ${verr.join('; ')}`);
  }
  return { key, op, values: [...new Set(values)].sort() };
}

/** labels.Parse: the `-l` syntax ("app=web,tier in (a,b),!canary"). Throws SelectorParseError. */
export function parseSelector(s: string): Selector {
  const items = lex(s);
  let pos = 0;
  // In a value context "in"/"notin" are plain identifiers (upstream lookahead(Values)).
  const look = (values: boolean) => {
    const it = items[Math.min(pos, items.length - 1)];
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'ident' as Tok, lit: it.lit } : it;
  };
  const consume = (values: boolean) => {
    const it = look(values);
    pos++;
    return it;
  };
  const reqs: Requirement[] = [];
  const parseRequirement = (): Requirement => {
    let op: Operator | undefined;
    let t = consume(true);
    if (t.tok === '!') {
      op = '!';
      t = consume(true);
    }
    if (t.tok !== 'ident') throw new SelectorParseError(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const kerr = qualifiedNameErrors(key);
    if (kerr.length) throw new SelectorParseError(`key: Invalid value: ${JSON.stringify(key)}: ${kerr.join('; ')}`);
    const next = look(true).tok;
    if (next === 'eos' || next === ',') return newRequirement(key, op === '!' ? '!' : 'exists', []);
    const o = consume(false);
    let bop: Operator;
    switch (o.tok) {
      case 'in': bop = 'in'; break;
      case 'notin': bop = 'notin'; break;
      case '=': bop = '='; break;
      case '==': bop = '=='; break;
      case '!=': bop = '!='; break;
      case '>': bop = 'gt'; break;
      case '<': bop = 'lt'; break;
      default: throw new SelectorParseError(`found '${o.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    let values: string[];
    if (bop === 'in' || bop === 'notin') {
      const p = consume(true);
      if (p.tok !== '(') throw new SelectorParseError(`found '${p.lit}' expected: '('`);
      const first = look(true);
      if (first.tok === ')') {
        consume(true);
        values = [''];
      } else if (first.tok === 'ident' || first.tok === ',') {
        const set = new Set<string>();
        for (;;) {
          const x = consume(true);
          if (x.tok === 'ident') {
            set.add(x.lit);
            const n = look(true);
            if (n.tok === ',') continue;
            if (n.tok === ')') break;
            throw new SelectorParseError(`found '${n.lit}', expected: ',' or ')'`);
          } else if (x.tok === ',') {
            if (set.size === 0) set.add('');
            const n = look(true);
            if (n.tok === ')') { set.add(''); break; }
            if (n.tok === ',') set.add('');
          } else throw new SelectorParseError(`found '${x.lit}', expected: ',', or identifier`);
        }
        const close = consume(true);
        if (close.tok !== ')') throw new SelectorParseError(`found '${first.lit}', expected: ')'`);
        values = [...set];
      } else throw new SelectorParseError(`found '${first.lit}', expected: ',', ')' or identifier`);
    } else {
      const n = look(true);
      if (n.tok === 'eos' || n.tok === ',') values = [''];
      else {
        const v = consume(true);
        if (v.tok !== 'ident') throw new SelectorParseError(`found '${v.lit}', expected: identifier`);
        values = [v.lit];
      }
    }
    return newRequirement(key, bop, values);
  };
  for (;;) {
    const t = look(true);
    if (t.tok === 'eos') break;
    if (t.tok === 'error') throw new SelectorParseError(t.lit);
    if (t.tok !== 'ident' && t.tok !== '!') throw new SelectorParseError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
    }
    const sep = consume(true);
    if (sep.tok === 'eos') break;
    if (sep.tok === ',') {
      const n = look(true);
      if (n.tok !== 'ident' && n.tok !== '!') throw new SelectorParseError(`found '${n.lit}', expected: identifier after ','`);
      continue;
    }
    throw new SelectorParseError(`found '${sep.lit}', expected: ',' or 'end of string'`);
  }
  return new InternalSelector(reqs.sort(byKey));
}

/** A selector matching exactly a set of labels (labels.SelectorFromSet). */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  if (!set) return EVERYTHING;
  return new InternalSelector(Object.keys(set).sort().map((k) => ({ key: k, op: '=' as Operator, values: [set[k]] })));
}

/**
 * metav1.LabelSelectorAsSelector: nil → nothing, {} → everything. Throws SelectorParseError for an
 * unknown operator, as upstream does ("%q is not a valid label selector operator").
 */
export function labelSelectorAsSelector(ls: LabelSelector | undefined | null): Selector {
  if (ls === undefined || ls === null) return NOTHING;
  const ml = ls.matchLabels ?? {};
  const me = ls.matchExpressions ?? [];
  if (Object.keys(ml).length === 0 && me.length === 0) return EVERYTHING;
  const reqs: Requirement[] = [];
  for (const k of Object.keys(ml)) reqs.push(newRequirement(k, '=', [ml[k]]));
  for (const e of me) {
    const op: Operator | undefined = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator as 'In'];
    if (!op) throw new SelectorParseError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return new InternalSelector(reqs.sort(byKey));
}

/** metav1.FormatLabelSelector: how kubectl prints a LabelSelector ("app=web", "<none>"). */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  if (!ls) return '<none>';
  let s: string;
  try {
    s = labelSelectorAsSelector(ls).toString();
  } catch {
    return '<error>';
  }
  return s.length === 0 ? '<none>' : s;
}

// Field selectors (`--field-selector status.phase=Running,spec.nodeName!=`).
// Models k8s.io/apimachinery/pkg/fields/selector.go ParseSelector.

/** One field requirement: field, = or !=, value. */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Thrown when a field selector does not parse; the message is upstream's. */
export class FieldSelectorParseError extends Error {}

function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
    } else if (c === ',') {
      terms.push(cur);
      cur = '';
    } else cur += c;
  }
  terms.push(cur);
  return terms;
}

function unescape(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\') {
      const n = v[i + 1];
      if (n === '\\' || n === ',' || n === '=') {
        out += n;
        i++;
        continue;
      }
      throw new FieldSelectorParseError(`invalid field selector: unescaped backslash in ${JSON.stringify(v)}`);
    }
    if (v[i] === ',' || v[i] === '=') throw new FieldSelectorParseError(`invalid field selector: unescaped ${JSON.stringify(v[i])} in ${JSON.stringify(v)}`);
    out += v[i];
  }
  return out;
}

/** fields.ParseSelector. An empty string selects everything. */
export function parseFieldSelector(s: string): FieldRequirement[] {
  if (s.trim() === '') return [];
  const reqs: FieldRequirement[] = [];
  for (const term of splitTerms(s)) {
    if (term === '') continue;
    let idx = -1;
    let op: FieldRequirement['op'] = '=';
    let opLen = 0;
    for (const [o, norm] of [['!=', '!='], ['==', '='], ['=', '=']] as const) {
      const i = indexUnescaped(term, o);
      if (i >= 0) {
        idx = i;
        op = norm;
        opLen = o.length;
        break;
      }
    }
    if (idx < 0) throw new FieldSelectorParseError(`invalid selector: '${s}'; can't understand '${term}'`);
    reqs.push({ field: term.slice(0, idx), op, value: unescape(term.slice(idx + opLen)) });
  }
  return reqs;
}

function indexUnescaped(s: string, sub: string): number {
  for (let i = 0; i + sub.length <= s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(sub, i)) return i;
  }
  return -1;
}

/** Does a set of field values (as the resource's field-label function gives them) match? */
export function fieldsMatch(reqs: readonly FieldRequirement[], fields: Readonly<Record<string, string>>): boolean {
  for (const r of reqs) {
    const v = fields[r.field] ?? '';
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}

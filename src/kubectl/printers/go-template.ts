// A Go text/template subset for -o go-template / go-template-file / template (kubectl's GoTemplatePrinter
// registers "exists" and "base64decode" besides the builtins). Covers what learners write: fields and
// variables, pipelines, if/else if/else, range (with $i, $v :=, else, break, continue), with, define/
// template, comments, {{- -}} trimming, and the builtins and, or, not, len, index, print, printf, println,
// eq, ne, lt, le, gt, ge, slice, html, js, urlquery. Values are unstructured JSON (json.Unmarshal output).
import { base64Decode } from '../../engine/api/schema';
import { goSprint } from './go-format';
import { goSprintf } from './go-sprintf';
import { TemplateError, isMap, lex, Parser, type Node, type Pipe, type Arg } from './go-template-parse';
export { TemplateError } from './go-template-parse';

class BreakSignal {}
class ContinueSignal {}

function truth(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

function kindOf(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string' || typeof v === 'boolean') return typeof v;
  throw new TemplateError('invalid type for comparison');
}

function eq(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  if (kindOf(a) !== kindOf(b)) throw new TemplateError('incompatible types for comparison');
  return a === b;
}

function lt(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  if (ka !== kindOf(b)) throw new TemplateError('incompatible types for comparison');
  if (ka === 'boolean') throw new TemplateError('invalid type for comparison');
  return (a as number) < (b as number);
}

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  and: (...a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a),
  len: (a) => {
    if (typeof a === 'string') return new TextEncoder().encode(a).length;
    if (Array.isArray(a)) return a.length;
    if (isMap(a)) return Object.keys(a).length;
    throw new TemplateError(`len of type ${a === null ? '<nil>' : typeof a}`);
  },
  index: (a, ...keys) => {
    let v = a;
    for (const k of keys) {
      if (Array.isArray(v)) {
        if (typeof k !== 'number' || k < 0 || k >= v.length) throw new TemplateError(`error calling index: index out of range: ${goSprint(k)}`);
        v = v[k];
      } else if (isMap(v)) v = v[String(k)] ?? null;
      else if (v === null || v === undefined) throw new TemplateError('error calling index: index of untyped nil');
      else throw new TemplateError(`error calling index: can't index item of type ${typeof v}`);
    }
    return v;
  },
  slice: (a, ...idx) => {
    const n = idx.map(Number);
    if (typeof a === 'string') return a.slice(n[0] ?? 0, n[1] ?? a.length);
    if (Array.isArray(a)) return a.slice(n[0] ?? 0, n[1] ?? a.length);
    throw new TemplateError("error calling slice: can't slice item");
  },
  print: (...a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + goSprint(x)).join(''),
  println: (...a) => `${a.map(goSprint).join(' ')}\n`,
  printf: (f, ...a) => goSprintf(String(f), a),
  eq: (a, ...b) => b.some((x) => eq(a, x)),
  ne: (a, b) => !eq(a, b),
  lt: (a, b) => lt(a, b),
  le: (a, b) => lt(a, b) || eq(a, b),
  gt: (a, b) => !(lt(a, b) || eq(a, b)),
  ge: (a, b) => !lt(a, b),
  html: (...a) => a.map(goSprint).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
  js: (...a) => a.map(goSprint).join('').replace(/[\\'"<>&=]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
  urlquery: (...a) => encodeURIComponent(a.map(goSprint).join('')).replace(/%20/g, '+'),
  exists: (item, ...indices) => {
    let v = item;
    for (const k of indices) {
      if (Array.isArray(v) && typeof k === 'number' && k >= 0 && k < v.length) v = v[k];
      else if (isMap(v) && typeof k === 'string') v = v[k];
      else return false;
    }
    return v !== null && v !== undefined;
  },
  base64decode: (s) => {
    const str = String(s);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(str) || str.length % 4 !== 0) throw new TemplateError(`base64 decode failed: illegal base64 data at input byte ${Math.max(0, str.search(/[^A-Za-z0-9+/=]/))}`);
    return new TextDecoder().decode(base64Decode(str));
  },
};

/** A parsed template. */
export class GoTemplate {
  private readonly root: Node[];
  private readonly defines: Map<string, Node[]>;
  /** missingkey=error (--allow-missing-template-keys=false) vs default. */
  missingKeyError = false;

  /** Parses; throws TemplateError worded as text/template's parse errors. */
  constructor(readonly source: string) {
    const p = new Parser(lex(source));
    this.root = p.parse();
    this.defines = p.defines;
  }

  /** Executes on data; throws TemplateError. */
  execute(data: unknown): string {
    const out: string[] = [];
    const vars: [string, unknown][] = [['$', data]];
    this.walk(this.root, data, vars, out);
    return out.join('');
  }

  private walk(nodes: Node[], dot: unknown, vars: [string, unknown][], out: string[]): void {
    const mark = vars.length;
    for (const n of nodes) {
      switch (n.t) {
        case 'text': out.push(n.text); break;
        case 'action': {
          const v = this.pipe(n.pipe, dot, vars);
          if (n.pipe.decl.length === 0) out.push(printValue(v));
          break;
        }
        case 'if': case 'with': {
          const v = this.pipe(n.pipe, dot, vars);
          if (truth(v)) this.walk(n.list, n.t === 'with' ? v : dot, vars, out);
          else if (n.else) this.walk(n.else, dot, vars, out);
          break;
        }
        case 'range': {
          const v = this.pipe({ ...n.pipe, decl: [] }, dot, vars);
          const entries: [unknown, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x])
            : isMap(v) ? Object.keys(v).sort().map((k) => [k, v[k]])
              : typeof v === 'number' && Number.isInteger(v) ? Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]) : [];
          if (v !== null && v !== undefined && !Array.isArray(v) && !isMap(v) && typeof v !== 'number') {
            throw new TemplateError(`range can't iterate over ${goSprint(v)}`);
          }
          if (entries.length === 0) {
            if (n.else) this.walk(n.else, dot, vars, out);
            break;
          }
          for (const [k, x] of entries) {
            const inner: [string, unknown][] = [...vars];
            if (n.pipe.decl.length === 1) inner.push([n.pipe.decl[0], x]);
            else if (n.pipe.decl.length === 2) inner.push([n.pipe.decl[0], k], [n.pipe.decl[1], x]);
            try {
              this.walk(n.list, x, inner, out);
            } catch (e) {
              if (e instanceof BreakSignal) break;
              if (e instanceof ContinueSignal) continue;
              throw e;
            }
          }
          break;
        }
        case 'template': {
          const body = this.defines.get(n.name);
          if (!body) throw new TemplateError(`template: no template "${n.name}" associated with template "output"`);
          const d = n.pipe ? this.pipe(n.pipe, dot, vars) : null;
          this.walk(body, d, [['$', d]], out);
          break;
        }
        case 'break': throw new BreakSignal();
        case 'continue': throw new ContinueSignal();
      }
    }
    vars.length = Math.max(mark, vars.length);
  }

  private pipe(p: Pipe, dot: unknown, vars: [string, unknown][]): unknown {
    let v: unknown;
    let first = true;
    for (const cmd of p.cmds) {
      const args = first ? cmd : [...cmd, { t: 'lit', v } as Arg];
      v = this.command(args, dot, vars, !first);
      first = false;
    }
    if (p.decl.length) {
      if (p.assign) {
        const slot = [...vars].reverse().find(([name]) => name === p.decl[0]);
        if (!slot) throw new TemplateError(`template: output: undefined variable: ${p.decl[0]}`);
        slot[1] = v;
      } else vars.push([p.decl[0], v]);
    }
    return v;
  }

  private command(args: Arg[], dot: unknown, vars: [string, unknown][], piped: boolean): unknown {
    const [head, ...rest] = args;
    if (head.t === 'ident') {
      const fn = FUNCS[head.name];
      if (!fn) throw new TemplateError(`template: output:1: function "${head.name}" not defined`);
      return fn(...rest.map((a) => this.arg(a, dot, vars)));
    }
    if (rest.length && !piped) throw new TemplateError(`can't give argument to non-function ${argText(head)}`);
    return this.arg(head, dot, vars);
  }

  private arg(a: Arg, dot: unknown, vars: [string, unknown][]): unknown {
    switch (a.t) {
      case 'lit': return a.v;
      case 'ident': {
        const fn = FUNCS[a.name];
        if (!fn) throw new TemplateError(`template: output:1: function "${a.name}" not defined`);
        return fn();
      }
      case 'pipe': return this.chain(this.pipe(a.pipe, dot, vars), a.chain, '');
      case 'field': {
        let base: unknown;
        if (a.base === 'dot') base = dot;
        else {
          const slot = [...vars].reverse().find(([name]) => name === a.base);
          if (!slot) throw new TemplateError(`template: output:1: undefined variable "${a.base}"`);
          base = slot[1];
        }
        return this.chain(base, a.chain, a.base === 'dot' ? '' : a.base);
      }
    }
  }

  private chain(base: unknown, chain: string[], prefix: string): unknown {
    let v = base;
    let path = prefix;
    for (const f of chain) {
      path += `.${f}`;
      if (v === null || v === undefined) {
        // An invalid receiver (missing key or JSON null) yields the zero value, unless missingkey=error.
        if (this.missingKeyError) throw new TemplateError(`template: output:1:2: executing "output" at <${path}>: nil data; no entry for key "${f}"`);
        v = undefined;
        continue;
      }
      if (!isMap(v)) throw new TemplateError(`template: output:1: executing "output" at <${path}>: can't evaluate field ${f} in type ${Array.isArray(v) ? '[]interface {}' : typeof v === 'number' ? 'int64' : typeof v}`);
      if (!Object.prototype.hasOwnProperty.call(v, f)) {
        if (this.missingKeyError) throw new TemplateError(`template: output:1: executing "output" at <${path}>: map has no entry for key "${f}"`);
        v = undefined;
      } else v = v[f];
    }
    return v;
  }
}

function argText(a: Arg): string {
  if (a.t === 'lit') return goSprint(a.v);
  if (a.t === 'field') return (a.base === 'dot' ? '' : a.base) + a.chain.map((c) => `.${c}`).join('');
  return '(...)';
}

/** text/template printValue: "<no value>" for a missing or nil value, fmt.Print otherwise. */
export function printValue(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  return goSprint(v);
}

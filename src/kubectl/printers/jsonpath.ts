// JSONPath evaluation and printing as kubectl does it (-o jsonpath, jsonpath-as-json, custom-columns,
// --sort-by). Models k8s.io/client-go util/jsonpath/jsonpath.go (FindResults with range/end, walk, eval*,
// PrintResults) over unstructured JSON, and the comparison rules of its forked text/template funcs.
import { JSONPathParser, type JPList, type JPNode } from './jsonpath-parser';
import { goJsonIndent, goJsonMarshal, goSprint } from './go-format';

/** A value a JSONPath step yields. `missing` marks Go's invalid reflect.Value (never produced for data). */
type Value = unknown;

/** An evaluation error, worded as jsonpath.go words it. */
export class JSONPathError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// Deviation: Go ranges over maps in random order (wildcards, recursive descent); we sort keys for stable output.
const mapValues = (o: Record<string, unknown>) => Object.keys(o).sort().map((k) => o[k]);

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JSONPathError('invalid type for comparison');
}

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new JSONPathError('incompatible types for comparison');
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new JSONPathError('incompatible types for comparison');
  if (ka === 'bool') throw new JSONPathError('invalid type for comparison');
  return (a as number | string) < (b as number | string);
}

/** A compiled JSONPath template. */
export class JSONPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JPNode | undefined;
  allowMissingKeys = false;
  outputJSON = false;
  private readonly parser: JSONPathParser;

  /** Parses a template; throws JSONPathParseError. */
  constructor(readonly template: string) {
    this.parser = JSONPathParser.parse(template);
  }

  /** Executes the template on data and returns the printed text. */
  execute(data: unknown): string {
    const saved = this.parser.root.nodes;
    try {
      return this.findResults(data).map((r) => this.printResults(r)).join('');
    } finally {
      this.parser.root.nodes = saved;
      this.beginRange = 0;
      this.inRange = 0;
      this.endRange = 0;
    }
  }

  /** FindResults: the result lists of the template's top-level nodes. */
  findResults(data: unknown): Value[][] {
    const nodes = this.parser.root.nodes;
    let cur: Value[] = [data];
    void cur;
    cur = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.parser.root.nodes = nodes.slice(i + 1);
            full.push(...this.findResults(value));
          }
        } else {
          this.parser.root.nodes = nodes.slice(i + 1);
          this.findResults(null);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** PrintResults: values joined by spaces; maps and lists as JSON. */
  printResults(results: Value[]): string {
    if (this.outputJSON) results = [results];
    let out = '';
    results.forEach((r, i) => {
      let text: string;
      const structured = Array.isArray(r) || isObject(r);
      if (this.outputJSON) text = `${goJsonIndent(r)}\n`;
      else if (structured) text = goJsonMarshal(r);
      else text = r === null || r === undefined ? 'null' : goSprint(r);
      if (i !== results.length - 1) text += ' ';
      out += text;
    });
    return out;
  }

  private walk(value: Value[], node: JPNode): Value[] {
    switch (node.type) {
      case 'list': return this.evalList(value, node);
      case 'text': return [node.text];
      case 'field': return this.evalField(value, node.value);
      case 'array': return this.evalArray(value, node);
      case 'filter': return this.evalFilter(value, node);
      case 'int': case 'float': case 'bool': return value.map(() => node.value);
      case 'wildcard': return this.evalWildcard(value);
      case 'recursive': return this.evalRecursive(value);
      case 'union': return node.nodes.flatMap((l) => this.evalList(value, l));
      case 'identifier': return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Value[], node: JPList): Value[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    switch (name) {
      case 'range':
        this.beginRange++;
        return input;
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [];
        }
        throw new JSONPathError('not in range, nothing to end');
      default:
        throw new JSONPathError(`unrecognized identifier ${name}`);
    }
  }

  private evalArray(input: Value[], node: Extract<JPNode, { type: 'array' }>): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JSONPathError(`${goTypeName(value)} is not array or slice`);
      const p = node.params.map((x) => ({ ...x }));
      const len = value.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return result;
      if (p[0].value >= len || p[0].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JSONPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const slice = value.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JSONPathError('step must be > 0');
        step = p[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (isObject(value) && Object.prototype.hasOwnProperty.call(value, name)) results.push(value[name]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new JSONPathError(`${name} is not found`);
    }
    return results;
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (isObject(value)) results.push(...mapValues(value));
      else if (Array.isArray(value)) results.push(...value);
      else if (typeof value === 'string') results.push(...[...value].map((c) => c.codePointAt(0)));
    }
    return results;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      let children: Value[] = [];
      if (isObject(value)) children = mapValues(value);
      else if (Array.isArray(value)) children = value;
      else if (typeof value === 'string') children = [...value].map((c) => c.codePointAt(0));
      if (children.length) {
        result.push(value);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<JPNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JSONPathError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const temp = [item];
        let lefts: Value[];
        let leftErr: unknown;
        try {
          lefts = this.evalList(temp, node.left);
        } catch (e) {
          lefts = [];
          leftErr = e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftErr) throw leftErr;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JSONPathError('can only compare one element at a time');
        const [left] = lefts;
        const [right] = rights;
        let pass: boolean;
        switch (node.operator) {
          case '<': pass = less(left, right); break;
          case '>': pass = !(less(left, right) || equal(left, right)); break;
          case '==': pass = equal(left, right); break;
          case '!=': pass = !equal(left, right); break;
          case '<=': pass = less(left, right) || equal(left, right); break;
          case '>=': pass = !less(left, right); break;
          default: throw new JSONPathError(`unrecognized filter operator ${node.operator}`);
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

// reflect's type names for unstructured JSON values, as the error messages print them.
function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (isObject(v)) return 'map[string]interface {}';
  return 'interface {}';
}

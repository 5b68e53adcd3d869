// -o custom-columns=HEADER:.path,… and -o custom-columns-file=FILE. Models k8s.io/kubectl/pkg/cmd/get
// customcolumn.go (RelaxedJSONPathExpression, NewCustomColumnsPrinterFromSpec/FromTemplate, PrintObj,
// printOneObject: "<none>" for no value, several values joined by ",").
import { goSprint } from './go-format';
import { JSONPath } from './jsonpath';
import { isList, PrintError, type PrintWriter, type ResourcePrinter } from './printer';
import { isWatchEvent } from './table-printer';
import { KUBECTL_TABWRITER, TabWriter } from './tabwriter';

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/s;

/** RelaxedJSONPathExpression: "a.b", ".a.b", "{a.b}" and "{.a.b}" all become "{.a.b}". */
export function relaxedJSONPathExpression(expr: string): string {
  if (expr.length === 0) return expr;
  const m = JSON_REGEXP.exec(expr);
  if (!m) throw new PrintError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

/** One column. */
export interface Column {
  header: string;
  fieldSpec: string;
}

/** Parses "NAME:.metadata.name,IMAGE:.spec.containers[*].image". */
export function columnsFromSpec(spec: string): Column[] {
  if (spec.length === 0) throw new PrintError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new PrintError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJSONPathExpression(part.slice(i + 1)) };
  });
}

/** Parses a custom-columns file: a line of headers, a line of field specs (whitespace separated). */
export function columnsFromTemplate(text: string): Column[] {
  const lines = text.split('\n');
  if (lines.length < 1 || (lines.length === 1 && lines[0] === '')) {
    throw new PrintError('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  if (lines.length < 2) throw new PrintError('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  const words = (l: string) => l.split(/\s+/).filter((w) => w !== '');
  const headers = words(lines[0].replace(/\r$/, ''));
  const specs = words(lines[1].replace(/\r$/, ''));
  if (headers.length !== specs.length) throw new PrintError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((h, i) => ({ header: h, fieldSpec: relaxedJSONPathExpression(specs[i]) }));
}

const escapeTerminal = (s: string) => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

/** CustomColumnsPrinter. */
export class CustomColumnsPrinter implements ResourcePrinter {
  private lastType: string | undefined;

  constructor(readonly columns: Column[], readonly noHeaders: boolean) {}

  printObj(obj: unknown, output: PrintWriter): void {
    let w = output;
    let own: TabWriter | undefined;
    if (!(output instanceof TabWriter)) {
      own = new TabWriter(KUBECTL_TABWRITER, (t) => output.write(t));
      w = own;
    }
    try {
      const type = isWatchEvent(obj) ? 'WatchEvent' : isList(obj) ? 'List' : 'Object';
      if (!this.noHeaders && type !== this.lastType) {
        w.write(`${this.columns.map((c) => c.header).join('\t')}\n`);
        this.lastType = type;
      }
      const parsers = this.columns.map((c) => {
        const j = new JSONPath(c.fieldSpec);
        j.allowMissingKeys = true;
        return j;
      });
      if (isList(obj)) for (const it of obj.items) this.printOne(it, parsers, w);
      else this.printOne(obj, parsers, w);
    } finally {
      own?.flush();
    }
  }

  private printOne(obj: unknown, parsers: JSONPath[], w: PrintWriter): void {
    const data = isWatchEvent(obj) ? { type: obj.type, object: obj.object } : obj;
    const cols = parsers.map((p) => {
      const values = p.findResults(data);
      const strs: string[] = [];
      if (values.length === 0 || values[0].length === 0) strs.push('<none>');
      for (const arr of values) for (const v of arr) strs.push(escapeTerminal(goSprint(v)));
      return strs.join(',');
    });
    w.write(`${cols.join('\t')}\n`);
  }
}

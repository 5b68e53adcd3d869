// -o/--output and its companions → a printer. Models kubectl pkg/cmd/get get_flags.go (PrintFlags.ToPrinter
// order: templates, json/yaml, human-readable, custom-columns, name) and k8s.io/cli-runtime genericclioptions
// (json_yaml_flags.go with OmitManagedFieldsPrinter, name_flags.go, jsonpath_flags.go, template_flags.go,
// kube_template_flags.go, print_flags.go NoCompatiblePrinterError).
import { JSONPathParseError } from './jsonpath-parser';
import { CustomColumnsPrinter, columnsFromSpec, columnsFromTemplate } from './custom-columns';
import { GoTemplate, TemplateError } from './go-template';
import { JSONPathPrinter, JSONPrinter, NamePrinter, PrintError, YAMLPrinter, isList, type PrintWriter, type ResourcePrinter } from './printer';
import { HumanReadablePrinter, isWatchEvent, type HumanPrintOptions } from './table-printer';

/** NoCompatiblePrinterError: "unable to match a printer suitable for the output format …". */
export class NoCompatiblePrinterError extends PrintError {
  constructor(format: string, allowed: readonly string[]) {
    super(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...allowed].sort().join(',')}`);
  }
}

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];
const COLUMN_FORMATS = ['custom-columns', 'custom-columns-file'];

/** The -o values `kubectl get` accepts. */
export const GET_OUTPUT_FORMATS = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS, ...JSONPATH_FORMATS, ...COLUMN_FORMATS, 'wide'];

/** The -o values generic PrintFlags accept (create, apply, label …). */
export const GENERIC_OUTPUT_FORMATS = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS, ...JSONPATH_FORMATS];

/** Flag values that select and configure a printer. */
export interface PrintFlagValues {
  output: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  showManagedFields?: boolean;
  noHeaders?: boolean;
  /** Reads a -file format's file (jsonpath-file, go-template-file, custom-columns-file). */
  readFile?: (path: string) => string | undefined;
  /** The name printer's operation ("created"). */
  operation?: string;
  /**
   * The objects are typed (Go structs, in Go field order — fillZeroValues goOrder): -o json keeps their key
   * order instead of sorting it as for unstructured objects.
   */
  typed?: boolean;
}

// "format=value" or --template: the template text, and the bare format.
function splitTemplate(output: string, template: string | undefined, formats: readonly string[]): { format: string; value: string } {
  if (template) return { format: output, value: template };
  for (const f of formats) if (output.startsWith(`${f}=`)) return { format: f, value: output.slice(f.length + 1) };
  return { format: output, value: '' };
}

function readTemplateFile(v: PrintFlagValues, path: string): string {
  const text = v.readFile?.(path);
  if (text === undefined) throw new PrintError(`error reading --template ${path}, open ${path}: no such file or directory`);
  return text;
}

/** OmitManagedFieldsPrinter: metadata.managedFields dropped from the object and list items. */
class OmitManagedFieldsPrinter implements ResourcePrinter {
  constructor(private readonly delegate: ResourcePrinter) {}

  printObj(obj: unknown, w: PrintWriter): void {
    this.delegate.printObj(omitManagedFields(obj), w);
  }
}

/** A copy of an object (or list, or watch event) without metadata.managedFields. */
export function omitManagedFields(obj: unknown): unknown {
  if (isWatchEvent(obj)) return { ...obj, object: omitManagedFields(obj.object) };
  if (isList(obj)) return { ...obj, items: obj.items.map(omitManagedFields) };
  const o = obj as { metadata?: { managedFields?: unknown } };
  if (!o || typeof o !== 'object' || !o.metadata || o.metadata.managedFields === undefined) return obj;
  const { managedFields: _m, ...metadata } = o.metadata;
  return { ...o, metadata };
}

function templatePrinter(v: PrintFlagValues, output: string): ResourcePrinter | undefined {
  if (!v.template && output === '') return undefined;
  const jp = splitTemplate(output, v.template, JSONPATH_FORMATS);
  if (JSONPATH_FORMATS.includes(jp.format)) {
    if (!jp.value) throw new PrintError('template format specified but no template given');
    const text = jp.format === 'jsonpath-file' ? readTemplateFile(v, jp.value) : jp.value;
    try {
      return new JSONPathPrinter(text, v.allowMissingTemplateKeys ?? true, jp.format === 'jsonpath-as-json');
    } catch (e) {
      if (e instanceof JSONPathParseError) throw new PrintError(`error parsing jsonpath ${text}, ${e.message}`);
      throw e;
    }
  }
  const gt = splitTemplate(output, v.template, TEMPLATE_FORMATS);
  if (TEMPLATE_FORMATS.includes(gt.format)) {
    if (!gt.value) throw new PrintError('template format specified but no template given');
    const text = gt.format === 'templatefile' || gt.format === 'go-template-file' ? readTemplateFile(v, gt.value) : gt.value;
    let t: GoTemplate;
    try {
      t = new GoTemplate(text);
    } catch (e) {
      if (e instanceof TemplateError) throw new PrintError(`error parsing template ${text}, ${e.message}`);
      throw e;
    }
    t.missingKeyError = v.allowMissingTemplateKeys === false;
    return new GoTemplatePrinter(t);
  }
  return undefined;
}

/** printers.GoTemplatePrinter. */
export class GoTemplatePrinter implements ResourcePrinter {
  constructor(private readonly t: GoTemplate) {}

  printObj(obj: unknown, w: PrintWriter): void {
    const data = isWatchEvent(obj) ? { object: obj.object, type: obj.type } : obj;
    try {
      w.write(this.t.execute(data));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      w.write(`Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.t.source}\n\traw data was:\n\t\t${JSON.stringify(data)}\n\tobject given to template engine was:\n\t\t${JSON.stringify(data)}\n\n`);
      throw new PrintError(`error executing template ${JSON.stringify(this.t.source)}: ${e.message}`);
    }
  }
}

function jsonYamlPrinter(v: PrintFlagValues, output: string): ResourcePrinter | undefined {
  let p: ResourcePrinter;
  if (output === 'json') p = new JSONPrinter(v.typed);
  else if (output === 'yaml') p = new YAMLPrinter();
  else return undefined;
  return v.showManagedFields ? p : new OmitManagedFieldsPrinter(p);
}

function customColumnsPrinter(v: PrintFlagValues, output: string): ResourcePrinter | undefined {
  if (output === '') return undefined;
  const cc = splitTemplate(output, v.template, COLUMN_FORMATS);
  if (!COLUMN_FORMATS.includes(cc.format)) return undefined;
  if (!cc.value) throw new PrintError('custom-columns format specified but no custom columns given');
  if (cc.format === 'custom-columns-file') {
    const text = v.readFile?.(cc.value);
    if (text === undefined) throw new PrintError(`error reading template ${cc.value}, open ${cc.value}: no such file or directory\n`);
    return new CustomColumnsPrinter(columnsFromTemplate(text), false);
  }
  return new CustomColumnsPrinter(columnsFromSpec(cc.value), v.noHeaders ?? false);
}

/** Options of `kubectl get`'s printer besides the flag values. */
export interface GetPrinterOptions extends HumanPrintOptions {
  /** The client's clock (AGE of objects printed without a server Table). */
  now?: () => number;
}

/** get_flags.go PrintFlags.ToPrinter. Throws PrintError (NoCompatiblePrinterError for an unknown -o). */
export function getPrinter(v: PrintFlagValues, human: GetPrinterOptions): ResourcePrinter {
  let output = v.output;
  if (v.template && output === '') output = 'go-template';
  const t = templatePrinter(v, output);
  if (t) return t;
  const jy = jsonYamlPrinter(v, output);
  if (jy) return jy;
  if (output === '' || output === 'wide') {
    return new HumanReadablePrinter({ ...human, noHeaders: v.noHeaders, wide: output === 'wide' }, human.now);
  }
  const cc = customColumnsPrinter(v, output);
  if (cc) return cc;
  if (output === 'name') return new NamePrinter(v.operation ?? '', false);
  throw new NoCompatiblePrinterError(output, GET_OUTPUT_FORMATS);
}

/** genericclioptions.PrintFlags.ToPrinter (json, yaml, name, templates); undefined when -o is empty. */
export function genericPrinter(v: PrintFlagValues): ResourcePrinter {
  let output = v.output;
  if (v.template && output === '') output = 'go-template';
  const jy = jsonYamlPrinter(v, output);
  if (jy) return jy;
  if (output === '' || output === 'name') return new NamePrinter(v.operation ?? '', output === 'name');
  const t = templatePrinter(v, output);
  if (t) return t;
  throw new NoCompatiblePrinterError(output, GENERIC_OUTPUT_FORMATS);
}

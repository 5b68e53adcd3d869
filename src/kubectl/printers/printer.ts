// The printers kubectl's -o flag selects, over unstructured objects (apiVersion/kind/metadata…), Lists,
// Tables and watch events. Models k8s.io/cli-runtime/pkg/printers (interface.go ResourcePrinter, json.go,
// yaml.go, name.go, jsonpath.go, template.go) and kubectl's get printers (sorter.go SortingPrinter,
// skip_printer.go).
import { marshalYaml } from './go-yaml';
import { goJsonIndent, goJsonMarshal, goSharpV } from './go-format';
import { JSONPath, JSONPathError } from './jsonpath';
import { isWatchEvent } from './table-printer';

/** Where printers write: a tab writer or a plain sink. */
export interface PrintWriter {
  write(text: string): void;
}

/** printers.ResourcePrinter. Throws for objects it cannot print (the message is kubectl's). */
export interface ResourcePrinter {
  printObj(obj: unknown, w: PrintWriter): void;
}

/** A printing failure; the message is what kubectl prints after "error: ". */
export class PrintError extends Error {}

type Obj = { apiVersion?: string; kind?: string; metadata?: { name?: string }; items?: unknown[] };

/** Is this a List (has items)? meta.IsListType. */
export function isList(o: unknown): o is Obj & { items: unknown[] } {
  return !!o && typeof o === 'object' && Array.isArray((o as Obj).items);
}

function missingGvk(o: Obj): boolean {
  return !o.kind || !o.apiVersion;
}

/** printers.JSONPrinter: json.MarshalIndent with 4 spaces; watch events compact on one line. */
export class JSONPrinter implements ResourcePrinter {
  /** keepOrder: the object is typed and already in Go field order. */
  constructor(private readonly keepOrder = false) {}

  printObj(obj: unknown, w: PrintWriter): void {
    if (isWatchEvent(obj)) {
      // metav1.WatchEvent is a struct: "type" before "object".
      w.write(`{"type":${goJsonMarshal(obj.type)},"object":${goJsonMarshal(obj.object)}}\n`);
      return;
    }
    if (missingGvk(obj as Obj)) throw new PrintError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
    w.write(`${goJsonIndent(obj, '', '    ', !this.keepOrder)}\n`);
  }
}

/** printers.YAMLPrinter: documents separated by "---" from the second one on. */
export class YAMLPrinter implements ResourcePrinter {
  private count = 0;

  printObj(obj: unknown, w: PrintWriter): void {
    this.count++;
    if (this.count > 1) w.write('---\n');
    if (isWatchEvent(obj)) {
      w.write(marshalYaml({ object: obj.object, type: obj.type }));
      return;
    }
    if (missingGvk(obj as Obj)) throw new PrintError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
    w.write(marshalYaml(obj));
  }
}

/** GroupKind of an object as the name printer shows it ("deployment.apps"). */
function groupKindOf(o: Obj): { group: string; kind: string } {
  const av = o.apiVersion ?? '';
  const i = av.indexOf('/');
  return { group: i < 0 ? '' : av.slice(0, i), kind: o.kind ?? '' };
}

/** printers.NamePrinter: "kind.group/name[ operation]". */
export class NamePrinter implements ResourcePrinter {
  constructor(readonly operation = '', readonly shortOutput = false) {}

  printObj(obj: unknown, w: PrintWriter): void {
    let o = obj as Obj;
    if (isWatchEvent(obj)) o = obj.object as Obj;
    if (isList(o)) {
      for (const it of o.items) this.printObj(it, w);
      return;
    }
    if (missingGvk(o)) throw new PrintError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
    const name = o.metadata?.name || '<unknown>';
    const { group, kind } = groupKindOf(o);
    const op = this.shortOutput || !this.operation ? '' : ` ${this.operation}`;
    w.write(group ? `${kind.toLowerCase()}.${group}/${name}${op}\n` : `${kind.toLowerCase()}/${name}${op}\n`);
  }
}

/** printers.JSONPathPrinter. */
export class JSONPathPrinter implements ResourcePrinter {
  private readonly jp: JSONPath;

  /** Throws JSONPathParseError for a bad template. */
  constructor(readonly rawTemplate: string, allowMissingKeys: boolean, outputJSON: boolean) {
    this.jp = new JSONPath(rawTemplate);
    this.jp.allowMissingKeys = allowMissingKeys;
    this.jp.outputJSON = outputJSON;
  }

  printObj(obj: unknown, w: PrintWriter): void {
    try {
      w.write(this.jp.execute(obj));
    } catch (e) {
      if (!(e instanceof JSONPathError)) throw e;
      const buf = `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.rawTemplate}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new PrintError(`error executing jsonpath ${JSON.stringify(this.rawTemplate)}: ${buf}\n`);
    }
  }
}

/** A printer that forwards to another (a mutable delegate: SortingPrinter, skipPrinter …). */
export type PrinterWrapper = (delegate: ResourcePrinter) => ResourcePrinter;

// kubectl's printers: -o json|yaml|name|jsonpath|go-template|custom-columns|wide and the server-side Table
// printer, the tab writer, and the Go formatting rules they rest on.
export { TabWriter, tabwrite, KUBECTL_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter';
export type { TabWriterOptions } from './tabwriter';
export { marshalYaml, plainIsString, yamlKeyLess } from './go-yaml';
export { goJsonIndent, goJsonMarshal, goSprint, goFormatFloat, goQuote, goSharpV } from './go-format';
export { goSprintf } from './go-sprintf';
export { goSort, goSortArray } from './go-sort';
export type { SortData } from './go-sort';
export { JSONPath, JSONPathError } from './jsonpath';
export { JSONPathParser, JSONPathParseError } from './jsonpath-parser';
export { GoTemplate, TemplateError } from './go-template';
export { JSONPrinter, YAMLPrinter, NamePrinter, JSONPathPrinter, PrintError, isList } from './printer';
export type { ResourcePrinter, PrintWriter } from './printer';
export { HumanReadablePrinter, formatLabels, isTable, isWatchEvent } from './table-printer';
export type { HumanPrintOptions, PrintWatchEvent } from './table-printer';
export { CustomColumnsPrinter, columnsFromSpec, columnsFromTemplate, relaxedJSONPathExpression } from './custom-columns';
export type { Column } from './custom-columns';
export { getPrinter, genericPrinter, omitManagedFields, NoCompatiblePrinterError, GoTemplatePrinter, GET_OUTPUT_FORMATS,
  GENERIC_OUTPUT_FORMATS } from './print-flags';
export type { PrintFlagValues, GetPrinterOptions } from './print-flags';
export { sortingPrinter, sortTableRows, sortObjects, isLess } from './sorter';
export { toYaml, toJson, sortKeys } from './yaml';

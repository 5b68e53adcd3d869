// Manifests: YAML and JSON documents as kubectl reads them (sigs.k8s.io/yaml on go-yaml v2):
// several documents per file, duplicate keys allowed (the last wins), errors with the line number.
import yaml from 'js-yaml';
import type { KubeObject } from '../engine/api/types';

/** One decoded document. */
export interface Document {
  obj: KubeObject;
  /** 1-based line where the document starts in its file. */
  line: number;
}

/** Thrown for text that is not YAML; the message follows go-yaml's ("yaml: line 5: …"). */
export class YamlError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/**
 * go-yaml v2's integers (resolve.go: strconv.ParseInt(plain, 0, 64) after dropping '_'): a leading 0
 * is octal (`defaultMode: 0644` is 420), 0x hex, 0o octal, 0b binary. js-yaml's YAML 1.2 core
 * schema reads 0644 as decimal 644, which the API server would reject as a file mode.
 */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

function goInt(text: string): number {
  const t = text.replace(/_/g, '');
  const neg = t.startsWith('-');
  const body = t.replace(/^[-+]/, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) v = parseInt(body.slice(1), 8);
  else v = parseInt(body, 10);
  return neg ? -v : v;
}

const goIntType = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && GO_INT.test(data.replace(/_/g, '')) && /[0-9]/.test(data),
  construct: goInt,
  predicate: (o: unknown) => typeof o === 'number' && Number.isInteger(o),
  represent: (o: object) => String(o),
});

/** The schema kubectl's YAML is read with: the core schema with go-yaml v2's integers. */
export const GO_YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [goIntType] });

/** go-yaml words some of js-yaml's errors differently; map the common ones. */
export function goYamlReason(reason: string): string {
  if (reason.startsWith('bad indentation of a mapping entry')) return 'mapping values are not allowed in this context';
  if (reason.includes('end of the stream or a document separator is expected')) return 'did not find expected key';
  if (reason.startsWith('unexpected end of the stream within a flow collection')) return 'did not find expected node content';
  if (reason.startsWith('missed comma between flow collection entries')) return "did not find expected ',' or ']'";
  if (reason.startsWith('incomplete explicit mapping pair')) return 'mapping values are not allowed in this context';
  if (reason.startsWith('can not read a block mapping entry')) return 'mapping values are not allowed in this context';
  if (reason.includes('unexpected end of the stream within a single quoted scalar')) return 'found unexpected end of stream';
  if (reason.includes('unexpected end of the stream within a double quoted scalar')) return 'found unexpected end of stream';
  if (reason.startsWith('end of the stream or a document separator')) return 'did not find expected <document start>';
  return reason;
}

/** Splits a file into documents on "---" lines, keeping each one's first line number. */
function splitDocuments(text: string): { text: string; line: number }[] {
  const lines = text.split('\n');
  const docs: { text: string; line: number }[] = [];
  let cur: string[] = [];
  let start = 1;
  lines.forEach((l, i) => {
    if (/^---(\s.*)?$/.test(l)) {
      docs.push({ text: cur.join('\n'), line: start });
      cur = [];
      start = i + 2;
    } else cur.push(l);
  });
  docs.push({ text: cur.join('\n'), line: start });
  return docs;
}

/** Decodes every non-empty document of a manifest file. Throws YamlError. */
export function parseManifests(text: string): Document[] {
  const out: Document[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON (possibly a List); kubectl's decoder takes JSON as YAML too.
    try {
      const v = JSON.parse(text) as unknown;
      return toDocuments(v, 1);
    } catch {
      // fall through to YAML, which reports a line
    }
  }
  for (const d of splitDocuments(text)) {
    let v: unknown;
    try {
      v = yaml.load(d.text, { json: true, schema: GO_YAML_SCHEMA });
    } catch (e) {
      const err = e as { reason?: string; mark?: { line: number } };
      const line = (err.mark?.line ?? 0) + d.line;
      throw new YamlError(`error converting YAML to JSON: yaml: line ${line}: ${goYamlReason(err.reason ?? String(e))}`, line);
    }
    out.push(...toDocuments(v, d.line));
  }
  return out;
}

function toDocuments(v: unknown, line: number): Document[] {
  if (v === null || v === undefined) return [];
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`, line);
  }
  const o = v as KubeObject & { items?: unknown[] };
  // A v1 List is expanded into its items, as the resource builder does.
  if (o.kind === 'List' && Array.isArray(o.items)) return o.items.flatMap((it) => toDocuments(it, line));
  return [{ obj: o, line }];
}

// Finds where a field lives in a YAML manifest: which document of a multi-document file is which
// object (kind, name, namespace), and on which line a field path such as
// `spec.template.spec.containers[0].image` is written. Block-style YAML is what manifests are made
// of; a scan of indentation answers this without a full parser, and a path it cannot follow to the
// end resolves to the deepest part it found (a missing `image` lands on its container's line).

/** One line as the scanner sees it. */
interface ScanLine {
  /** 0-based line in the document. */
  line: number;
  /** Indent of the first non-blank character (a dash, a key, a scalar). */
  lead: number;
  /** Indents of the sequence dashes that open this line ("- - a" has two). */
  dashes: number[];
  /** Indent of the key, if the line holds "key: …". */
  keyIndent: number;
  key: string | undefined;
  /** What follows the colon, comments and quotes removed. */
  value: string;
}

/** A document of a multi-document file. */
export interface YamlDocument {
  /** 0-based first line of its text (after the `---`). */
  startLine: number;
  /** 0-based line after its last. */
  endLine: number;
  kind: string | undefined;
  apiVersion: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  lines: ScanLine[];
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\-?][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+|$)(.*)$/;

function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

function scalar(v: string): string {
  const t = v.replace(/\s+#.*$/, '').trim();
  return unquote(t);
}

function scan(text: string, line: number): ScanLine | undefined {
  const stripped = text.replace(/\s+$/, '');
  const lead = stripped.length - stripped.trimStart().length;
  let rest = stripped.slice(lead);
  if (rest === '' || rest.startsWith('#')) return undefined;
  const dashes: number[] = [];
  let at = lead;
  for (let m = /^-(\s+|$)/.exec(rest); m; m = /^-(\s+|$)/.exec(rest)) {
    dashes.push(at);
    at += m[0].length || 2;
    rest = rest.slice(m[0].length);
  }
  const k = KEY.exec(rest);
  return { line, lead, dashes, keyIndent: at, key: k ? unquote(k[1].trim()) : undefined, value: k ? scalar(k[2]) : scalar(rest) };
}

/** Splits a file into its documents (at `---` lines) and reads each one's identity. */
export function splitDocuments(text: string): YamlDocument[] {
  const raw = text.split(/\r?\n/);
  const docs: YamlDocument[] = [];
  let start = 0;
  const close = (end: number) => {
    const lines: ScanLine[] = [];
    for (let i = start; i < end; i++) {
      const s = scan(raw[i], i);
      if (s && !raw[i].startsWith('%')) lines.push(s);
    }
    if (lines.length) {
      const top = (key: string) => lines.find((l) => l.lead === 0 && !l.dashes.length && l.key === key);
      const meta = top('metadata');
      const inMeta = (key: string) => (meta ? child(lines, lines.indexOf(meta), lines.length).find((l) => l.key === key) : undefined);
      docs.push({ startLine: start, endLine: end, lines, kind: top('kind')?.value || undefined, apiVersion: top('apiVersion')?.value || undefined,
        name: inMeta('name')?.value || undefined, namespace: inMeta('namespace')?.value || undefined });
    }
  };
  for (let i = 0; i < raw.length; i++) {
    if (/^(---|\.\.\.)(\s|$)/.test(raw[i])) {
      close(i);
      start = i + 1;
    }
  }
  close(raw.length);
  return docs;
}

/** The lines of the block under lines[at] (its value's lines). */
function child(lines: ScanLine[], at: number, end: number): ScanLine[] {
  const owner = lines[at];
  const out: ScanLine[] = [];
  for (let i = at + 1; i < end; i++) {
    const l = lines[i];
    // A sequence may sit at its key's own indent ("containers:\n- name: …"), as kubectl writes it.
    if (l.lead < owner.keyIndent || (l.lead === owner.keyIndent && !(l.dashes.length && l.dashes[0] === owner.keyIndent))) break;
    out.push(l);
  }
  return out;
}

/** A field path's segments: "spec.containers[0].image" → spec, containers, 0, image; "labels[app]" → labels, "app". */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/** Items of a block sequence: each item's lines (its dash line first). */
function items(block: ScanLine[]): ScanLine[][] {
  const first = block.find((l) => l.dashes.length);
  if (!first) return [];
  const d = first.dashes[0];
  const out: ScanLine[][] = [];
  for (const l of block) {
    if (l.dashes[0] === d && l.lead === d) out.push([l]);
    else if (out.length) out[out.length - 1].push(l);
  }
  return out;
}

/** An item's own view: its dash line's content is the first entry of the item's mapping. */
function itemBlock(item: ScanLine[]): ScanLine[] {
  const [head, ...rest] = item;
  const inner = { ...head, dashes: head.dashes.slice(1), lead: head.dashes[1] ?? head.keyIndent };
  return [inner, ...rest];
}

function resolve(block: ScanLine[], segs: (string | number)[], best: ScanLine | undefined): ScanLine | undefined {
  if (!segs.length || !block.length) return best;
  const [seg, ...rest] = segs;
  if (typeof seg === 'number') {
    const item = items(block)[seg];
    return item ? resolve(itemBlock(item), rest, item[0]) : best;
  }
  const seqItems = block[0].dashes.length ? items(block) : [];
  if (seqItems.length) {
    // A path without indices (a Go type error names "spec.containers.ports"): the first item that has it.
    for (const item of seqItems) {
      const r = resolve(itemBlock(item), segs, undefined);
      if (r) return r;
    }
    return best;
  }
  const indent = block[0].keyIndent;
  const at = block.findIndex((l) => l.keyIndent === indent && !l.dashes.length && l.key === seg);
  if (at < 0) return best;
  return resolve(child(block, at, block.length), rest, block[at]);
}

/** The 0-based line of a field path in a document (the deepest part of the path found), or undefined. */
export function locatePath(doc: YamlDocument, path: string): number | undefined {
  return resolve(doc.lines, parsePath(path), undefined)?.line;
}

/** The documents that describe an object (kind and, when given, name); all of that kind when none has the name. */
export function findDocuments(docs: YamlDocument[], kind: string | undefined, name?: string): YamlDocument[] {
  const ofKind = kind ? docs.filter((d) => d.kind === kind) : docs;
  if (name === undefined) return ofKind;
  const named = ofKind.filter((d) => d.name === name);
  return named.length ? named : ofKind;
}

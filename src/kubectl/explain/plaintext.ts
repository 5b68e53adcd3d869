// `kubectl explain` text from an OpenAPI v3 document. Models k8s.io/kubectl/pkg/explain/v2/templates/
// plaintext.tmpl (v0.32: the GVK from the resource's paths, the schema whose x-kubernetes-group-version-kind
// matches, "output" following the field path through properties, items, additionalProperties and allOf,
// "description", "fieldList", "fieldDetail", "typeGuess", "extractEnum") and pkg/explain/v2/funcs.go (wrap with
// go-wordwrap v1.0.1, indent, resolveRef).

type Json = Record<string, any>;

/** An explain failure; the message is printed as is ("error: field \"x\" does not exist"). */
export class ExplainError extends Error {
  /** What the template had written before it failed (kubectl prints it). */
  partial = '';
}

/** go-wordwrap WrapString (v1.0.1): wraps at whitespace, never breaks words, keeps existing newlines. */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  const isSpace = (c: string) => /\s/u.test(c) && c !== '\u00a0';
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

const indent = (amount: number, s: string) => {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join(`\n${pad}`);
};

const isMapSchema = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function resolveRef(ref: unknown, doc: Json): Json | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: any = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    if (!isMapSchema(cur?.[k])) return undefined;
    cur = cur[k];
  }
  return cur;
}

const truthy = (v: unknown) => !(v === undefined || v === null || v === false || v === '' || v === 0
  || (Array.isArray(v) && v.length === 0) || (isMapSchema(v) && Object.keys(v).length === 0));

function typeGuess(schema: Json, doc: Json): string {
  if (truthy(schema.items)) return `[]${typeGuess(schema.items, doc)}`;
  if (truthy(schema.additionalProperties) && typeof schema.additionalProperties !== 'boolean') return `map[string]${typeGuess(schema.additionalProperties, doc)}`;
  if (truthy(schema.allOf) && !truthy(schema.properties) && schema.allOf.length === 1) return typeGuess(schema.allOf[0], doc);
  if (truthy(schema.$ref)) {
    const ref = resolveRef(schema.$ref, doc);
    if (!ref || !truthy(ref.type) || ref.type === 'object') {
      const name = String(schema.$ref).split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return ref.type || 'Object';
  }
  if (schema.type === 'object') return 'Object';
  return truthy(schema.type) ? schema.type : 'Object';
}

function extractEnum(schema: Json, longView: boolean, limit: number, indentAmount = 0): string {
  if (!truthy(schema.enum)) return '';
  let out = longView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
  const values: unknown[] = schema.enum;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += `\n${indent(4, '')}`;
    out += values[i] === '' ? '""' : String(values[i]);
  }
  return out;
}

function description(schema: Json, doc: Json): string {
  const s = resolveRef(schema.$ref, doc) ?? schema;
  if (!truthy(s)) return '';
  let out = '';
  if (truthy(s.description)) out += `${s.description}\n`;
  for (const sub of s.allOf ?? []) out += description(sub, doc);
  if (truthy(s.items)) out += description(s.items, doc);
  if (truthy(s.additionalProperties) && typeof s.additionalProperties !== 'boolean') out += description(s.additionalProperties, doc);
  return out;
}

function fieldDetail(name: string, schema: Json, short: boolean, level: number, doc: Json): string {
  const amount = level * 2;
  const field: Json = schema.properties[name];
  let out = `${indent(amount, name)}\t<${typeGuess(field, doc)}>`;
  if (Array.isArray(schema.required) && schema.required.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, amount);
  out += '\n';
  if (!short) {
    out += `${indent(amount + 2, wrapString(truthy(field.description) ? field.description : '<no description>', 78 - amount))}\n\n`;
  }
  return out;
}

function fieldList(schema: Json, level: number, history: Record<string, number>, recursive: boolean, doc: Json): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
  if (ref && history[ref]) return '';
  const next = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, doc) ?? schema;
  let out = '';
  for (const k of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(k, resolved, recursive, level, doc);
    if (recursive) out += fieldList(resolved.properties[k], level + 1, next, recursive, doc);
  }
  for (const sub of resolved.allOf ?? []) out += fieldList(sub, level, next, recursive, doc);
  if (truthy(resolved.items)) out += fieldList(resolved.items, level, next, recursive, doc);
  if (truthy(resolved.additionalProperties) && typeof resolved.additionalProperties !== 'boolean') out += fieldList(resolved.additionalProperties, level, next, recursive, doc);
  return out;
}

function output(schema: Json, fieldPath: string[], history: Record<string, number>, recursive: boolean, doc: Json): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
  const next = { ...history, [ref]: 1 };
  const resolved = resolveRef(ref, doc) ?? schema;
  if (fieldPath.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(resolved, doc) || '<empty>', 76))}\n`;
    const fl = fieldList(resolved, 1, {}, recursive, doc);
    if (fl) out += `FIELDS:\n${fl}`;
    return out;
  }
  if (ref && history[ref]) return '';
  const [first, ...rest] = fieldPath;
  if (truthy(resolved.properties) && truthy(resolved.properties[first])) {
    const sub = resolved.properties[first];
    let out = '';
    if (fieldPath.length === 1) out += `FIELD: ${first} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, rest, {}, recursive, doc);
  }
  if (truthy(resolved.items)) return output(resolved.items, fieldPath, next, recursive, doc);
  if (truthy(resolved.additionalProperties) && typeof resolved.additionalProperties !== 'boolean') return output(resolved.additionalProperties, fieldPath, next, recursive, doc);
  for (const sub of resolved.allOf ?? []) {
    const o = output(sub, fieldPath, next, recursive, doc);
    if (o) return o;
  }
  return '';
}

const sameGvk = (a: Json, b: Json) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/** Renders `kubectl explain` for a resource (and field path) from its group/version's OpenAPI v3 document. */
export function renderExplain(doc: Json, gvr: { group: string; version: string; resource: string }, fieldPath: string[], recursive: boolean): string {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const searchPaths = [`${prefix}/${gvr.version}/${gvr.resource}`, `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`, `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`];
  let gvk: Json | undefined;
  for (const p of searchPaths) {
    const el = doc.paths?.[p];
    if (!truthy(el)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = el[method];
      if (truthy(op) && truthy(op['x-kubernetes-group-version-kind'])) {
        gvk = op['x-kubernetes-group-version-kind'];
        break;
      }
    }
  }
  if (!gvk) throw new ExplainError(`error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  let out = '';
  if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  let body = '';
  const schemas: Json = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    const s = schemas[name];
    const gvks = s['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks) || !gvks.some((g: Json) => sameGvk(g, gvk!))) continue;
    body = output(s, fieldPath, {}, recursive, doc);
    if (!body) {
      const e = new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
      e.partial = out;
      throw e;
    }
    break;
  }
  if (!body) throw new ExplainError(`error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`);
  return `${out}${body}\n`;
}

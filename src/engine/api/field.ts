// Field errors, worded as apimachinery words them.
// Models k8s.io/apimachinery/pkg/util/validation/field/errors.go and path.go.

/** A field error type; the value is what kubectl and the API server print ("Required value"). */
export type FieldErrorType =
  | 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany'
  | 'InternalError' | 'FieldValueTypeInvalid';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marks a bad value that must not be printed (errors.go omitValue). */
export const OMIT_VALUE = Symbol('omitValue');

/** One field error: a path, a type, the bad value and a detail. */
export class FieldError {
  constructor(
    readonly type: FieldErrorType,
    readonly field: string,
    readonly badValue: unknown,
    readonly detail: string,
  ) {}

  /** errors.go ErrorBody: "Invalid value: \"x\": detail". */
  body(): string {
    const t = TYPE_TEXT[this.type];
    let s: string;
    if (this.type === 'FieldValueRequired' || this.type === 'FieldValueForbidden' || this.type === 'FieldValueTooLong'
      || this.type === 'InternalError' || this.badValue === OMIT_VALUE) {
      s = t;
    } else {
      s = `${t}: ${formatBadValue(this.badValue)}`;
    }
    if (this.detail) s += `: ${this.detail}`;
    return s;
  }

  /** "spec.containers[0].image: Required value". */
  toString(): string {
    return `${this.field}: ${this.body()}`;
  }
}

/** A bad value already written the way Go's %#v prints it (structs, maps, nil slices). */
export class GoSyntax {
  constructor(readonly text: string) {}
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
  '"': '\\"', '\\': '\\\\',
};

/** Go's strconv.Quote (what %q prints): printable runes kept, the rest escaped. */
export function goQuote(s: string): string {
  // Fast path: plain ASCII needs only quote and backslash escaping.
  if (/^[\x20-\x7e]*$/.test(s)) return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  let out = '"';
  for (const ch of s) {
    const esc = SIMPLE_ESCAPES[ch];
    if (esc !== undefined) { out += esc; continue; }
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/**
 * How errors.go ErrorBody prints a bad value: strings %q, numbers and bools %v, nil as null,
 * []string as %#v; structs and maps must come pre-rendered as GoSyntax.
 */
export function formatBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoSyntax) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => goQuote(x)).join(', ')}}`;
    return JSON.stringify(v);
  }
  return JSON.stringify(v);
}

/** A field path under construction. Models field/path.go Path: child(".name"), index("[0]"), key("[k]"). */
export class FieldPath {
  private constructor(private readonly s: string) {}
  static root(name: string): FieldPath {
    return new FieldPath(name);
  }
  child(name: string, ...more: string[]): FieldPath {
    let p = this.s ? `${this.s}.${name}` : name;
    for (const m of more) p += `.${m}`;
    return new FieldPath(p);
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.s}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.s}[${k}]`);
  }
  toString(): string {
    return this.s;
  }
}

type P = FieldPath | string;
const ps = (p: P) => String(p);

/** field.Required */
export const required = (p: P, detail = '') => new FieldError('FieldValueRequired', ps(p), '', detail);
/** field.Invalid */
export const invalid = (p: P, value: unknown, detail = '') => new FieldError('FieldValueInvalid', ps(p), value, detail);
/** field.Forbidden */
export const forbidden = (p: P, detail: string) => new FieldError('FieldValueForbidden', ps(p), '', detail);
/** field.Duplicate */
export const duplicate = (p: P, value: unknown) => new FieldError('FieldValueDuplicate', ps(p), value, '');
/** field.NotFound */
export const notFound = (p: P, value: unknown) => new FieldError('FieldValueNotFound', ps(p), value, '');
/** field.TooLong (the detail names the limit) */
export const tooLong = (p: P, value: unknown, max: number) =>
  new FieldError('FieldValueTooLong', ps(p), value, `may not be more than ${max} bytes`);
/** field.TooMany */
export const tooMany = (p: P, actual: number, max: number) =>
  new FieldError('FieldValueTooMany', ps(p), actual, `must have at most ${max} items`);
/** field.NotSupported: "Unsupported value: \"x\": supported values: \"a\", \"b\"" */
export const notSupported = (p: P, value: unknown, valid: readonly string[]) =>
  new FieldError('FieldValueNotSupported', ps(p), value,
    valid.length ? `supported values: ${valid.map((v) => goQuote(v)).join(', ')}` : '');
/** field.InternalError */
export const internalError = (p: P, err: string) => new FieldError('InternalError', ps(p), '', err);

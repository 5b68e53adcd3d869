// String checks that return upstream's messages ([] when valid), and the per-kind name functions.
// Models staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (v0.32),
// apimachinery/pkg/api/validation/generic.go (NameIsDNS*, maskTrailingDash) and
// apimachinery/pkg/api/validation/path/name.go (IsValidPathSegmentName).
// Regexes are compiled once at module load: validation runs on every write.
import { qualifiedNameErrors, labelValueErrors } from '../labels';

// Every write checks the same few label keys, values and annotation keys again (a status update
// checks its object's labels three times): the strings found valid are remembered (bounded).
function rememberValid(check: (s: string) => string[]): (s: string) => string[] {
  const valid = new Set<string>();
  return (s) => {
    if (valid.has(s)) return [];
    const errs = check(s);
    if (errs.length === 0) {
      if (valid.size >= 16_384) valid.clear();
      valid.add(s);
    }
    return errs;
  };
}

/** validation.IsQualifiedName: label keys, annotation keys, finalizers. */
export const isQualifiedName = rememberValid(qualifiedNameErrors);
/** validation.IsValidLabelValue. */
export const isValidLabelValue = rememberValid(labelValueErrors);

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const DNS1035_LABEL_MAX_LENGTH = 63;

/** validation.MaxLenError. */
export const maxLenError = (n: number) => `must be no more than ${n} characters`;
/** validation.EmptyError. */
export const EMPTY_ERROR = 'must be non-empty';
/** validation.InclusiveRangeError. */
export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`;

/** validation.RegexError: "msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')". */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  // Upstream appends "', " after each example and " or " before the next one: two spaces.
  examples.forEach((ex, i) => { s += `${i > 0 ? ' or ' : ''}'${ex}', `; });
  return `${s}regex used for validation is '${fmt}')`;
}

/** UTF-8 byte length: Go's len() on a string. */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 1; i++; } // surrogate pair: 4 bytes for 2 units
    else n += 2;
  }
  return n;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_LABEL_US_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_US_RE = new RegExp(`^${DNS1123_LABEL_US_FMT}(\\.${DNS1123_LABEL_US_FMT})*$`);
const DNS1123_SUBDOMAIN_US_ERR = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'_\', \'-\' or \'.\', and must start and end with an alphanumeric character';
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR = 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character';
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_ERR = 'a wildcard DNS-1123 subdomain must start with \'*.\', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, \'-\' or \'.\' and end with an alphanumeric character';
const WILDCARD_RE = new RegExp(`^${WILDCARD_FMT}$`);

/** validation.IsDNS1123Label: container names, namespaces, port names, volume names. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label can only be failing on its dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain: most object names. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsDNS1123SubdomainWithUnderscore (its message quotes the plain subdomain regex, as upstream does). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_US_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_US_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsDNS1035Label: Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** validation.IsWildcardDNS1123Subdomain: Ingress hosts with "*". */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!WILDCARD_RE.test(value)) errs.push(regexError(WILDCARD_ERR, WILDCARD_FMT, '*.example.com'));
  return errs;
}

const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const C_IDENTIFIER_RE = new RegExp(`^${C_IDENTIFIER_FMT}$`);

/** validation.IsCIdentifier. */
export function isCIdentifier(value: string): string[] {
  if (C_IDENTIFIER_RE.test(value)) return [];
  return [regexError('a valid C identifier must start with alphabetic character or \'_\', followed by a string of alphanumeric characters or \'_\'',
    C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

/** validation.IsValidPortNum: 1-65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** validation.IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

const MAX_INT32 = 2147483647;
/** validation.IsValidGroupID: 0..MaxInt32. */
export const isValidGroupID = (gid: number) => isInRange(gid, 0, MAX_INT32);
/** validation.IsValidUserID: 0..MaxInt32. */
export const isValidUserID = (uid: number) => isInRange(uid, 0, MAX_INT32);

const PORT_NAME_CHARSET_RE = /^[-a-z0-9]+$/;
const PORT_NAME_LETTER_RE = /[a-z]/;

/** validation.IsValidPortName: an IANA_SVC_NAME (at most 15 characters, a letter, no "--"). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!PORT_NAME_CHARSET_RE.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!PORT_NAME_LETTER_RE.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = new RegExp(`^${PERCENT_FMT}$`);

/** validation.IsValidPercent: "25%". */
export function isValidPercent(percent: string): string[] {
  if (PERCENT_RE.test(percent)) return [];
  return [regexError('a valid percent string must be a numeric string followed by an ending \'%\'', PERCENT_FMT, '1%', '93%')];
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+';
const HTTP_HEADER_RE = new RegExp(`^${HTTP_HEADER_FMT}$`);

/** validation.IsHTTPHeaderName. */
export function isHTTPHeaderName(value: string): string[] {
  if (HTTP_HEADER_RE.test(value)) return [];
  return [regexError('a valid HTTP header must consist of alphanumeric characters or \'-\'', HTTP_HEADER_FMT, 'X-Header-Name')];
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ['must not be \'.\''];
  if (value === '..') return ['must not be \'..\''];
  if (value.startsWith('..')) return ['must not start with \'..\''];
  return [];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

/** validation.IsEnvVarName: the strict rule (RelaxedEnvironmentVariableValidation off). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME_RE.test(value)) {
    errs.push(regexError('a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit',
      ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  return errs.concat(hasChDirPrefix(value));
}

/** validation.IsRelaxedEnvVarName: what v1.32 applies (RelaxedEnvironmentVariableValidation is beta, on). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${EMPTY_ERROR}`);
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    // Printable ASCII other than '=' (unicode.IsPrint limited to ASCII is 0x20..0x7e).
    if (cp > 0x7e || cp < 0x20 || ch === '=') {
      errs.push('a valid environment variable name must consist only of printable ASCII characters other than \'=\'');
      break;
    }
  }
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** validation.IsConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!CONFIG_MAP_KEY_RE.test(value)) {
    errs.push(regexError('a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'',
      CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return errs.concat(hasChDirPrefix(value));
}

/** A ValidateNameFunc: messages for a name, or a generateName prefix when prefix is true. */
export type NameFn = (name: string, prefix: boolean) => string[];

// generic.go maskTrailingDash. Upstream replaces the last *two* characters with "a" (name[:len-2]+"a"),
// so "ab-" is checked as "aa"; kept as is.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** apimachineryvalidation.NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** apimachineryvalidation.NameIsDNSLabel (namespaces, StatefulSets). */
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** apimachineryvalidation.NameIsDNS1035Label (Services). */
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** path.IsValidPathSegmentName: names must survive as one URL path segment. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return isValidPathSegmentPrefix(name);
}

/** path.IsValidPathSegmentPrefix. */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  if (name.includes('/')) errs.push('may not contain \'/\'');
  if (name.includes('%')) errs.push('may not contain \'%\'');
  return errs;
}

/** path.ValidatePathSegmentName: the generic check rest.BeforeCreate runs after the kind's own. */
export const validatePathSegmentName: NameFn = (name, prefix) =>
  prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);

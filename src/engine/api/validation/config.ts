// ConfigMap, Secret and ServiceAccount.
// Models pkg/apis/core/validation/validation.go ValidateConfigMap, ValidateConfigMapUpdate, ValidateSecret,
// ValidateSecretUpdate, ValidateServiceAccount. Secret data arrives base64-encoded (the decode step,
// not validation, rejects bad base64: `illegal base64 data at input byte N`); sizes count decoded bytes.
// stringData is merged into data by the v1 conversion before validation, so its keys are checked as data.
import { FieldError, FieldPath, forbidden, invalid, required, tooLong } from '../field';
import { deepEqual } from '../meta';
import type { ConfigMap, Secret, ServiceAccount } from '../types';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './names';
import { META, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { goJsonSyntaxError } from '../go-json-syntax';

/** core.MaxSecretSize: 1 MiB for a Secret's data and a ConfigMap's data plus binaryData. */
export const MAX_SECRET_SIZE = 1024 * 1024;
const DATA = FieldPath.root('data');

/** Decoded length of a base64 string (no decoding needed). */
function base64Length(s: string): number {
  const clean = s.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

function decodeBase64(s: string): string {
  try {
    return atob(s.replace(/\s/g, ''));
  } catch {
    return '';
  }
}

/**
 * The first error Go's json.Unmarshal reports for a document that must be a JSON object: a syntax error in
 * encoding/json's words, or the type mismatch of a valid document that is not an object.
 */
export function goJSONObjectError(text: string): string | undefined {
  const syntax = goJsonSyntaxError(text);
  if (syntax !== undefined) return syntax;
  const parsed = JSON.parse(text) as unknown;
  if (parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed))) return undefined;
  const kind = Array.isArray(parsed) ? 'array' : typeof parsed === 'number' ? 'number' : typeof parsed === 'boolean' ? 'bool' : 'string';
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

/** ValidateSecret, with each secret type's required keys. */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  const data: Record<string, string> = { ...(secret.data ?? {}) };
  // stringData values are plain text and win over data on conversion.
  const plain: Record<string, string> = {};
  let total = 0;
  for (const [k, v] of Object.entries(secret.stringData ?? {})) plain[k] = String(v);
  for (const k of Object.keys(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(DATA.key(k), k, m));
    if (!(k in plain)) total += base64Length(String(data[k]));
  }
  for (const [k, v] of Object.entries(plain)) {
    if (!(k in data)) for (const m of isConfigMapKey(k)) errs.push(invalid(DATA.key(k), k, m));
    total += byteLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(DATA, '', MAX_SECRET_SIZE));
  const type = secret.type ?? '';
  const has = (k: string) => k in data || k in plain;
  const text = (k: string) => plain[k] ?? decodeBase64(data[k]);
  const size = (k: string) => (k in plain ? byteLength(plain[k]) : base64Length(data[k] ?? ''));
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(META.child('annotations').key('kubernetes.io/service-account.name'), ''));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) { errs.push(required(DATA.key(key), '')); break; }
      const err = goJSONObjectError(text(key));
      if (err) errs.push(invalid(DATA.key(key), '<secret contents redacted>', err));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required(DATA.key('username'), ''));
        errs.push(required(DATA.key('password'), ''));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!has('ssh-privatekey') || size('ssh-privatekey') === 0) errs.push(required(DATA.key('ssh-privatekey'), ''));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(DATA.key('tls.crt'), ''));
      if (!has('tls.key')) errs.push(required(DATA.key('tls.key'), ''));
      break;
    default:
      break; // Opaque, "" and custom types carry no rules
  }
  return errs;
}

/** ValidateSecretUpdate: type is immutable; an immutable Secret keeps its data. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  errs.push(...validateImmutableField(secret.type ?? '', old.type ?? '', FieldPath.root('type')));
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), 'field is immutable when `immutable` is set'));
    if (!deepEqual(secret.data ?? null, old.data ?? null)) errs.push(forbidden(DATA, 'field is immutable when `immutable` is set'));
  }
  return errs.concat(validateSecret(secret));
}

/** ValidateConfigMap: keys, no key in both data and binaryData, 1 MiB in total. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const binary = cm.binaryData ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(DATA.key(k), k, m));
    if (k in binary) errs.push(invalid(DATA.key(k), k, 'duplicate of key present in binaryData'));
    total += byteLength(String(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(FieldPath.root('binaryData').key(k), k, m));
    total += base64Length(String(v));
  }
  // The whole object is named by an empty path: the message starts with ": Too long".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(FieldPath.root(''), '', MAX_SECRET_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), 'field is immutable when `immutable` is set'));
    if (!deepEqual(cm.data ?? null, old.data ?? null)) errs.push(forbidden(DATA, 'field is immutable when `immutable` is set'));
    if (!deepEqual(cm.binaryData ?? null, old.binaryData ?? null)) {
      errs.push(forbidden(FieldPath.root('binaryData'), 'field is immutable when `immutable` is set'));
    }
  }
  return errs.concat(validateConfigMap(cm));
}

/** ValidateServiceAccount: metadata only. */
export function validateServiceAccount(sa: ServiceAccount, old?: ServiceAccount): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(sa.metadata, old.metadata) : [];
  return errs.concat(validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain));
}

// engine/api/validation: server-side validation of every built-in kind, worded as the v1.32 API server.
export { validateObject, validateObjectUpdate, validateStatusUpdate, nameErrors } from './validate';
export { isQualifiedName, isValidLabelValue, isDNS1123Label, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isDNS1035Label,
  isWildcardDNS1123Subdomain, isCIdentifier, isValidPortNum, isValidPortName, isInRange, isValidGroupID, isValidUserID,
  isValidPercent, isHTTPHeaderName, isEnvVarName, isRelaxedEnvVarName, isConfigMapKey, isValidPathSegmentName,
  isValidPathSegmentPrefix, validatePathSegmentName, nameIsDNSSubdomain, nameIsDNSLabel, nameIsDNS1035Label, maxLenError,
  regexError, inclusiveRangeError, byteLength, EMPTY_ERROR, DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH,
  DNS1035_LABEL_MAX_LENGTH } from './names';
export type { NameFn } from './names';
export { parseIP, parseCIDR, isValidIP, isValidCIDR } from './ip';
export type { ParsedIP } from './ip';
export { parseCronStandard, goParseDurationError, isKnownTimeZone } from './cron';
export { nodePortNotInRange, nodePortAllocated, normalizeServiceClusterIPs, patchAllocatedValues } from './service';
export { FIELD_IMMUTABLE } from './objectmeta';
export { generateJobSelector } from './batch';
export { validatePodEphemeralContainersUpdate } from './pod';

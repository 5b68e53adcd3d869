// Image references as Docker reads them. Models github.com/distribution/reference (normalize.go
// ParseNormalizedNamed, splitDockerDomain, FamiliarName/FamiliarString; regexp.go; reference.go
// Parse and its errors), which the kubelet (applyDefaultImageTag), cri-dockerd and dockerd all use.

/** A parsed, normalised reference: docker.io/library/nginx:1.27 → domain, path, tag. */
export interface ImageReference {
  /** Registry host ("docker.io", "registry.k8s.io", "localhost:5000"). */
  domain: string;
  /** Repository path inside the registry ("library/nginx"). */
  path: string;
  /** Tag, if given (or defaulted with withDefaultTag). */
  tag?: string;
  /** Digest "sha256:<64 hex>", if given. */
  digest?: string;
}

/** A reference that does not parse; `message` is the upstream error text. */
export class ReferenceError extends Error {}

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

// regexp.go: alphanumeric, separator, path component, domain, tag, digest.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME_PAT = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const REFERENCE_RE = new RegExp(`^(${NAME_PAT})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);

/** reference.ErrReferenceInvalidFormat and friends, worded as upstream. */
export const ERR_INVALID_FORMAT = 'invalid reference format';
const ERR_NAME_EMPTY = 'repository name must have at least one component';
const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;

/** normalize.go splitDockerDomain: "nginx" → ["docker.io", "library/nginx"]. */
export function splitDockerDomain(name: string): [string, string] {
  let domain: string;
  let remainder: string;
  const i = name.indexOf('/');
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost' && name.slice(0, i).toLowerCase() === name.slice(0, i))) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = name.slice(0, i);
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/** reference.go Parse on an already-normalised string. */
function parse(s: string): ImageReference {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError(ERR_NAME_EMPTY);
    if (REFERENCE_RE.exec(s.toLowerCase())) throw new ReferenceError('repository name must be lowercase');
    throw new ReferenceError(ERR_INVALID_FORMAT);
  }
  const [, name, tag, digest] = m;
  if (name.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceError(ERR_NAME_TOO_LONG);
  const nm = ANCHORED_NAME_RE.exec(name)!;
  if (digest) {
    const [algo, hex] = digest.split(':');
    if (algo === 'sha256' && hex.length !== 64) throw new ReferenceError('invalid checksum digest length');
    if (algo !== 'sha256' && algo !== 'sha384' && algo !== 'sha512') throw new ReferenceError('unsupported digest algorithm');
  }
  return { domain: nm[1] ?? '', path: nm[2], tag: tag || undefined, digest: digest || undefined };
}

/**
 * normalize.go ParseNormalizedNamed: "nginx" → docker.io/library/nginx. Throws ReferenceError with
 * upstream's text ("invalid reference format: repository name (library/Nginx) must be lowercase").
 */
export function parseNormalizedNamed(s: string): ImageReference {
  const hit = normalizedCache.get(s);
  if (hit) return hit;
  const r = parseNormalizedUncached(s);
  if (normalizedCache.size > 1024) normalizedCache.clear();
  normalizedCache.set(s, r);
  return r;
}

const normalizedCache = new Map<string, ImageReference>();

function parseNormalizedUncached(s: string): ImageReference {
  if (ANCHORED_IDENTIFIER_RE.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  let remote = remainder;
  const tagSep = remainder.indexOf(':');
  if (tagSep > -1) remote = remainder.slice(0, tagSep);
  const at = remote.indexOf('@');
  if (at > -1) remote = remote.slice(0, at);
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`${ERR_INVALID_FORMAT}: repository name (${remote}) must be lowercase`);
  }
  const ref = parse(`${domain}/${remainder}`);
  return ref;
}

/** reference.TagNameOnly: adds ":latest" when there is neither tag nor digest. */
export function withDefaultTag(ref: ImageReference): ImageReference {
  return ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' };
}

/** The repository name with its domain: "docker.io/library/nginx". */
export function fullName(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** reference.FamiliarName: "docker.io/library/nginx" → "nginx", "docker.io/kicbase/echo-server" → "kicbase/echo-server". */
export function familiarName(ref: ImageReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  return ref.path.startsWith(OFFICIAL_REPO_PREFIX) && ref.path.indexOf('/', OFFICIAL_REPO_PREFIX.length) === -1
    ? ref.path.slice(OFFICIAL_REPO_PREFIX.length)
    : ref.path;
}

/** reference.FamiliarString: "nginx:1.27", "nginx@sha256:…". */
export function familiarString(ref: ImageReference): string {
  return familiarName(ref) + (ref.tag ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}

/** reference.String of the normalised form: "docker.io/library/nginx:latest". */
export function referenceString(ref: ImageReference): string {
  return fullName(ref) + (ref.tag ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}

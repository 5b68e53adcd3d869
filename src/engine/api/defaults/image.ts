// Image references and the imagePullPolicy they imply.
// Models pkg/util/parsers/parsers.go ParseImageName over the distribution/reference grammar
// (github.com/distribution/reference regexp.go, ParseNormalizedNamed).

/** The parts of an image reference: repository, tag and digest. */
export interface ImageName {
  repository: string;
  tag: string;
  digest: string;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const HEX64 = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/**
 * ParseImageName: splits "repo[:tag][@digest]"; with neither tag nor digest the tag is "latest".
 * Returns undefined for a reference the Docker grammar rejects (uppercase repository, bad characters,
 * a bare 64-hex id, a name longer than 255 characters).
 */
export function parseImageName(image: string): ImageName | undefined {
  if (HEX64.test(image)) return undefined;
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const [, repository, tag = '', digest = ''] = m;
  if (repository.length > NAME_TOTAL_LENGTH_MAX) return undefined;
  return { repository, tag: !tag && !digest ? 'latest' : tag, digest };
}

/**
 * Models pkg/apis/core/v1/defaults.go SetDefaults_Container: Always for the "latest" tag (also
 * implied by no tag and no digest), IfNotPresent otherwise — including digest-only references and
 * references that do not parse (the error is ignored there; validation reports a bad image).
 */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  const parsed = typeof image === 'string' ? parseImageName(image) : undefined;
  return parsed?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

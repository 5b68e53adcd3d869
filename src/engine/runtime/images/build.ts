// Helpers the catalog data files share: deterministic sizes, tag aliasing by version, env lists.
import { fnv1a32 } from '../../clock';
import type { CatalogImage, ImageConfig, OsRelease } from './catalog-types';
import { DEFAULT_PATH } from './distro';

/** Megabytes (as `docker images` rounds them) to a plausible exact byte count, stable per key. */
export function mb(sizeMb: number, key: string): number {
  return Math.round(sizeMb * 1_000_000) + (fnv1a32(key) % 99_991);
}

/** Image env with PATH first, as official images carry it. */
export function env(extra: Record<string, string> = {}, path = DEFAULT_PATH): [string, string][] {
  return [['PATH', path], ...Object.entries(extra)];
}

/** What one image entry needs; the rest is derived. */
export interface ImageSpec {
  repo: string;
  version: string;
  tags: string[];
  os: OsRelease;
  sizeMb: number;
  /** Compressed/uncompressed ratio (default 0.38, typical of gzip'd Debian layers). */
  ratio?: number;
  config: ImageConfig;
  bins?: Record<string, string>;
  files?: Record<string, string>;
  dirs?: string[];
  meta?: Record<string, string>;
  pullError?: string;
}

/** Builds a catalog image from a spec. */
export function image(s: ImageSpec): CatalogImage {
  const sizeBytes = mb(s.sizeMb, `${s.repo}:${s.tags[0]}`);
  return {
    repo: s.repo, tags: s.tags, version: s.version, os: s.os, sizeBytes,
    compressedBytes: Math.round(sizeBytes * (s.ratio ?? 0.38)),
    config: s.config, bins: s.bins, files: s.files, dirs: s.dirs, meta: s.meta, pullError: s.pullError,
  };
}

/**
 * The tags of a version in a line where the newest patch of each minor gets the minor tag and the
 * newest overall gets `latest` and the major: versionTags("1.27.3", {minor: true, major: true}).
 */
export function versionTags(version: string, o: { minor?: boolean; major?: boolean; extra?: string[]; suffix?: string } = {}): string[] {
  const sfx = o.suffix ?? '';
  const [maj, min] = version.split('.');
  const tags = [`${version}${sfx}`];
  if (o.minor) tags.push(`${maj}.${min}${sfx}`);
  if (o.major) tags.push(`${maj}${sfx}`);
  for (const e of o.extra ?? []) tags.push(e);
  return tags;
}

/** Base OS releases the images sit on (January 2025). */
export const OS = {
  busybox: (v = '1.37.0'): OsRelease => ({ flavor: 'busybox', version: v }),
  alpine: (v = '3.21.2'): OsRelease => ({ flavor: 'alpine', version: v }),
  bookworm: { flavor: 'debian', version: '12.8', codename: 'bookworm' } as OsRelease,
  bullseye: { flavor: 'debian', version: '11.11', codename: 'bullseye' } as OsRelease,
  buster: { flavor: 'debian', version: '10.13', codename: 'buster' } as OsRelease,
  stretch: { flavor: 'debian', version: '9.13', codename: 'stretch' } as OsRelease,
  jessie: { flavor: 'debian', version: '8.11', codename: 'jessie' } as OsRelease,
  noble: { flavor: 'ubuntu', version: '24.04.1', codename: 'noble' } as OsRelease,
  jammy: { flavor: 'ubuntu', version: '22.04.5', codename: 'jammy' } as OsRelease,
  focal: { flavor: 'ubuntu', version: '20.04.6', codename: 'focal' } as OsRelease,
  oracle9: { flavor: 'oraclelinux', version: '9.5' } as OsRelease,
  distroless: { flavor: 'distroless', version: '12' } as OsRelease,
  scratch: { flavor: 'scratch', version: '' } as OsRelease,
};

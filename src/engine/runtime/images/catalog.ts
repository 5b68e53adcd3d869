// The image catalog: which repositories and tags the simulated registries serve, and how a pull of
// anything else fails. Failure texts are dockerd's (moby distribution/errors.go, registry errors)
// as cri-dockerd passes them through and the kubelet shows them after `Failed to pull image "x": `:
//   unknown Docker Hub repository → pull access denied …; known repository, unknown tag → manifest … not found.
import type { CatalogImage, CatalogRepo } from './catalog-types';
import { nginxImages } from './library-nginx';
import { libraryImages } from './library';
import { k8sImages } from './k8s-images';
import { DEFAULT_DOMAIN, ReferenceError, familiarName, familiarString, fullName, parseNormalizedNamed, withDefaultTag,
  type ImageReference } from './reference';
import { sha256Hex } from '../util/sha256';

/** A reference the catalog can serve. */
export interface ResolvedImage {
  image: CatalogImage;
  /** The normalised reference with its tag defaulted ("docker.io/library/nginx:latest"). */
  ref: ImageReference;
}

/** Prefix of every dockerd error the Docker client library returns (client/errors.go). */
export const DAEMON_ERROR_PREFIX = 'Error response from daemon: ';

/** Registries the simulation knows; anything else does not resolve (DNS fails on the node). */
const KNOWN_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'us-docker.pkg.dev', 'quay.io', 'ghcr.io']);

/** Where minikube's dockerd sends DNS queries (the gateway of the minikube docker network). */
const NODE_RESOLVER = '192.168.49.1:53';

/** The registries' contents. Immutable; one instance is shared by every node. */
export class ImageCatalog {
  private readonly repos = new Map<string, CatalogRepo>();
  private readonly byDigest = new Map<string, CatalogImage>();
  private readonly digests = new Map<CatalogImage, string>();
  private readonly ids = new Map<CatalogImage, string>();

  constructor(images: CatalogImage[]) {
    for (const img of images) {
      let repo = this.repos.get(img.repo);
      if (!repo) this.repos.set(img.repo, (repo = { name: img.repo, images: [] }));
      repo.images.push(img);
      // A manifest digest and an image (config) ID, derived from the repository and first tag so
      // they are the same on every node and in every run, like a registry's content addresses.
      const digest = img.digest ?? `sha256:${sha256Hex(`manifest ${img.repo}:${img.tags[0]}`)}`;
      this.digests.set(img, digest);
      this.ids.set(img, `sha256:${sha256Hex(`config ${img.repo}:${img.tags[0]}`)}`);
      this.byDigest.set(`${img.repo}@${digest}`, img);
    }
  }

  /** Every image, in catalog order. */
  all(): CatalogImage[] {
    return [...this.repos.values()].flatMap((r) => r.images);
  }

  /** The repository digest ("sha256:…") the registry serves the image's manifest under. */
  digestOf(img: CatalogImage): string {
    return this.digests.get(img)!;
  }

  /** The local image ID ("sha256:…"), as `docker images --no-trunc` shows it. */
  idOf(img: CatalogImage): string {
    return this.ids.get(img)!;
  }

  /** A repository, by its full name ("docker.io/library/nginx"). */
  repo(name: string): CatalogRepo | undefined {
    return this.repos.get(name);
  }

  /**
   * Resolves what a pod spec's `image` names, or returns dockerd's error for a pull of it (the
   * message cri-dockerd returns; the kubelet prefixes `Failed to pull image "<image>": `).
   */
  resolve(image: string): ResolvedImage | { error: string } {
    let parsed: ImageReference;
    try {
      parsed = parseNormalizedNamed(image);
    } catch (e) {
      // dockerd parses with the same library: the kubelet would already have refused it (InvalidImageName).
      return { error: `${DAEMON_ERROR_PREFIX}${e instanceof ReferenceError ? e.message : String(e)}` };
    }
    const ref = withDefaultTag(parsed);
    const host = ref.domain.split(':')[0];
    if (!KNOWN_REGISTRIES.has(ref.domain)) {
      if (host === 'localhost' || host === '127.0.0.1') {
        const port = ref.domain.split(':')[1] ?? '80';
        return { error: `${DAEMON_ERROR_PREFIX}Get "http://${ref.domain}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused` };
      }
      return { error: `${DAEMON_ERROR_PREFIX}Get "https://${ref.domain}/v2/": dial tcp: lookup ${host} on ${NODE_RESOLVER}: no such host` };
    }
    const repo = this.repos.get(fullName(ref));
    if (!repo) return { error: this.unknownRepo(ref) };
    const img = ref.digest ? this.byDigest.get(`${repo.name}@${ref.digest}`) : repo.images.find((i) => i.tags.includes(ref.tag!));
    if (!img) return { error: `${DAEMON_ERROR_PREFIX}manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown` };
    if (img.pullError) return { error: `${DAEMON_ERROR_PREFIX}${img.pullError}` };
    return { image: img, ref };
  }

  private unknownRepo(ref: ImageReference): string {
    switch (ref.domain) {
      case DEFAULT_DOMAIN:
        // Docker Hub answers 401 for a repository that does not exist, exactly as for a private one.
        return `${DAEMON_ERROR_PREFIX}pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
      case 'quay.io':
        return `${DAEMON_ERROR_PREFIX}unauthorized: access to the requested resource is not authorized`;
      case 'ghcr.io':
        return `${DAEMON_ERROR_PREFIX}Head "https://ghcr.io/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}": denied`;
      default:
        return `${DAEMON_ERROR_PREFIX}manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`;
    }
  }
}

let shared: ImageCatalog | undefined;

/** The catalog every node uses (built once, on first use). */
export function defaultCatalog(): ImageCatalog {
  shared ??= new ImageCatalog([...nginxImages(), ...libraryImages(), ...k8sImages()]);
  return shared;
}

// What the catalog knows about an image: the parts of its config Docker honours when running it
// (ENTRYPOINT, CMD, ENV, WORKDIR, STOPSIGNAL, EXPOSE) and what the simulator needs to run it.
import type { Signal } from '../process/signals';

/** The base distribution under an image: decides the shell, coreutils flavour and /etc files. */
export type OsFlavor =
  | 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'oraclelinux' | 'distroless' | 'scratch';

/** An OS release the catalog can lay down (/etc/os-release, versions printed by programs). */
export interface OsRelease {
  flavor: OsFlavor;
  /** "12" (debian), "3.21.2" (alpine), "24.04" (ubuntu), "1.37.0" (busybox). */
  version: string;
  /** Debian/Ubuntu codename ("bookworm", "noble"). */
  codename?: string;
}

/** The runnable part of an image config (docker image inspect .Config). */
export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  /** ENV in image order (PATH first, as Docker images carry it). */
  env: [string, string][];
  workingDir?: string;
  /** STOPSIGNAL (default SIGTERM): what a graceful stop sends. */
  stopSignal?: Signal;
  /** USER ("" = root). */
  user?: string;
  /** EXPOSE (documentation only, as in Docker). */
  exposedPorts?: number[];
}

/** One image in the catalog: a manifest that one or more tags point at. */
export interface CatalogImage {
  /** Registry and repository: "docker.io/library/nginx". */
  repo: string;
  /** Every tag that points at this image ("latest", "1.27", "1.27.3", "mainline"). */
  tags: string[];
  /** The application version the programs print ("1.27.3"). */
  version: string;
  /** The registry's real manifest digest, when something pins it (minikube's addons pull tag@digest). */
  digest?: string;
  os: OsRelease;
  /** Uncompressed size, as `docker images` and the kubelet's "Image size: … bytes." report it. */
  sizeBytes: number;
  /** Bytes transferred by a pull (compressed layers): drives the pull time. */
  compressedBytes: number;
  config: ImageConfig;
  /** Executables the image adds on top of its OS base: absolute path → program id. */
  bins?: Record<string, string>;
  /** Files the image adds: absolute path → content. */
  files?: Record<string, string>;
  /** Directories the image creates (VOLUME targets, data dirs). */
  dirs?: string[];
  /** Extra facts a program reads (e.g. the nginx build's gcc line). */
  meta?: Record<string, string>;
  /**
   * Set when the registry serves this tag in a format the node's Docker refuses (manifest schema 1):
   * the pull fails with this message after the manifest is fetched.
   */
  pullError?: string;
}

/** A repository: its images, and whether the registry answers for it at all. */
export interface CatalogRepo {
  /** "docker.io/library/nginx". */
  name: string;
  images: CatalogImage[];
}
